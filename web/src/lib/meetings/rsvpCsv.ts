// The answers of a meeting as a CSV file for German Excel (UTF-8 with BOM, `;`).
import { RSVP_STATE_LABELS, rsvpSetOf, sortRsvps, type RsvpWithId } from '@knotenpunkt/model';
import { toCsv } from '../csv/csvText.ts';

export const RSVP_CSV_HEADER = [
  'Name',
  'E-Mail',
  'Organisation',
  'Antwort',
  'Personen',
  'Platz auf der Warteliste',
  'Kommentar',
  'Anwesend',
  'Geantwortet am',
] as const;

const dateTime = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

export function rsvpCsv(rsvps: readonly RsvpWithId[]): string {
  let place = 0;
  const rows = sortRsvps(rsvps).map((r) => {
    const set = rsvpSetOf(r);
    return [
      r.name,
      r.email,
      r.organisation,
      RSVP_STATE_LABELS[set],
      set === 'yes' || set === 'waitlisted' ? String(r.persons) : '',
      set === 'waitlisted' ? String(++place) : '',
      r.comment,
      r.attended === null ? '' : r.attended ? 'ja' : 'nein',
      r.answeredAt ? dateTime.format(r.answeredAt) : '',
    ];
  });
  return toCsv(RSVP_CSV_HEADER, rows);
}
