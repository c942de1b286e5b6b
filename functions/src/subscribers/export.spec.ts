import { describe, expect, it } from 'vitest';
import { toCsv } from './export.ts';

describe('the CSV of the data export', () => {
  it('is German Excel CSV: BOM, semicolons, CRLF, one row per field', () => {
    const csv = toCsv({
      profile: { email: 'anna@example.de', interests: ['Wohnen', 'Arbeit'] },
      rsvps: [{ answer: 'yes', comment: 'Mit; Kollegin' }],
    });
    expect(csv.startsWith('\uFEFFBereich;Feld;Wert\r\n')).toBe(true);
    expect(csv).toContain('profile;email;anna@example.de\r\n');
    expect(csv).toContain('profile;interests;Wohnen, Arbeit\r\n');
    expect(csv).toContain('rsvps 1;comment;"Mit; Kollegin"\r\n');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    expect(toCsv({ profile: { name: '=HYPERLINK("x")' } })).toContain(
      `profile;name;"'=HYPERLINK(""x"")"`,
    );
  });
});
