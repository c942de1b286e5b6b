import { describe, expect, it } from 'vitest';
import type { RsvpWithId } from '@knotenpunkt/model';
import { rsvpCsv } from './rsvpCsv';

const base: Omit<RsvpWithId, 'id' | 'email' | 'name'> = {
  organisation: '',
  source: 'subscribers',
  sourceRef: '',
  answer: 'yes',
  waitlisted: false,
  persons: 1,
  comment: '',
  order: 0,
  attended: null,
  invitedAt: null,
  answeredAt: new Date('2026-12-01T09:30:00Z'),
  promotedAt: null,
  updatedAt: new Date('2026-12-01T09:30:00Z'),
};

describe('the answers as CSV', () => {
  it('starts with a BOM, separates with semicolons and numbers the waiting list', () => {
    const csv = rsvpCsv([
      { ...base, id: '1', email: 'w2@x.de', name: 'Wera', waitlisted: true, order: 9 },
      {
        ...base,
        id: '2',
        email: 'a@x.de',
        name: 'Ayşe Öztürk',
        organisation: 'Kita; Regenbogen',
        persons: 2,
        attended: true,
      },
      {
        ...base,
        id: '3',
        email: 'w1@x.de',
        name: 'Willi',
        waitlisted: true,
        order: 4,
        comment: '=HYPERLINK("x")',
      },
      { ...base, id: '4', email: 'n@x.de', name: '', answer: null, answeredAt: null },
    ]);
    expect(csv.startsWith('\uFEFFName;E-Mail;Organisation;Antwort;Personen')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[1]).toBe('Ayşe Öztürk;a@x.de;"Kita; Regenbogen";Zusage;2;;;ja;01.12.2026, 10:30');
    expect(lines[2]).toContain('Willi;w1@x.de;;Warteliste;1;1;');
    expect(lines[2]).toContain(`'=HYPERLINK`);
    expect(lines[3]).toContain('Wera;w2@x.de;;Warteliste;1;2;');
    expect(lines[4]).toBe(';n@x.de;;Keine Antwort;;;;;');
  });
});
