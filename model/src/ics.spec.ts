import { describe, expect, it } from 'vitest';
import { icsCalendar, icsDateTime, icsEscape, icsFileName, icsFold } from './ics.ts';

/** UTF-8 octets of a text. */
const utf8 = (s: string) =>
  [...s].reduce((n, c) => {
    const cp = c.codePointAt(0) ?? 0;
    return n + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
  }, 0);

describe('iCalendar text', () => {
  it('writes times in UTC without separators', () => {
    expect(icsDateTime(new Date('2026-12-03T16:00:00.000Z'))).toBe('20261203T160000Z');
  });

  it('escapes commas, semicolons, backslashes and line breaks in text values', () => {
    expect(icsEscape('Raum 1, 2; Flur\\Nord\r\nzweite Zeile')).toBe(
      'Raum 1\\, 2\\; Flur\\\\Nord\\nzweite Zeile',
    );
  });

  it('folds long lines at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'Öffentlichkeitsarbeit für Begegnung '.repeat(6)}`;
    const folded = icsFold(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(utf8(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('builds a calendar with CRLF line ends, one VEVENT per event and the feed name', () => {
    const text = icsCalendar({
      name: 'Netzwerk Hemerfeld',
      refreshHours: 6,
      now: new Date('2026-11-22T10:00:00Z'),
      events: [
        {
          uid: 'a@knotenpunkt',
          sequence: 3,
          start: new Date('2026-12-03T16:00:00Z'),
          end: new Date('2026-12-03T18:00:00Z'),
          summary: 'Netzwerktreffen',
          status: 'CANCELLED',
        },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(text).toContain('\r\nX-WR-CALNAME:Netzwerk Hemerfeld\r\n');
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(text).toContain('\r\nSEQUENCE:3\r\n');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('names the file after the title and the Berlin date', () => {
    expect(
      icsFileName('Netzwerktreffen: Bedarfe & Ressourcen', new Date('2026-12-31T23:30:00Z')),
    ).toBe('netzwerktreffen-bedarfe-ressourcen-2027-01-01.ics');
    expect(icsFileName('Übergänge gestalten', new Date('2026-12-03T16:00:00Z'))).toBe(
      'uebergaenge-gestalten-2026-12-03.ics',
    );
  });
});
