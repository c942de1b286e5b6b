// German date formatting for meetings. Always in Europe/Berlin: the networks meet in Germany,
// whatever time zone the visitor's device is set to.

const TIME_ZONE = 'Europe/Berlin';

const dayFormat = new Intl.DateTimeFormat('de-DE', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});

const timeFormat = new Intl.DateTimeFormat('de-DE', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});

const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
});

/** "Dienstag, 3. Dezember 2026, 18:00–20:00 Uhr"; spans across days name both dates. */
export function formatMeetingTime(start: Date, end: Date): string {
  const startDay = dayFormat.format(start);
  const endDay = dayFormat.format(end);
  if (startDay === endDay) {
    return `${startDay}, ${timeFormat.format(start)}–${timeFormat.format(end)} Uhr`;
  }
  return `${startDay}, ${timeFormat.format(start)} Uhr – ${endDay}, ${timeFormat.format(end)} Uhr`;
}

/** "03.12.2026, 18:00" */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** The ISO string for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString();
}
