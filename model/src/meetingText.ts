// How a meeting reads outside the app: the details block of every invitation and reminder, and
// its calendar event (.ics download, mail attachment, the network's feed). One wording for mails,
// pages and calendars.
import type { ContactPerson } from './network.ts';
import type { AgendaItem, Meeting } from './meeting.ts';
import { utcToBerlin } from './berlinTime.ts';
import { icsCalendar, type IcsEvent } from './ics.ts';

const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];

const pad = (n: number) => String(n).padStart(2, '0');

/** "Dienstag, 3. Dezember 2026" (Berlin) */
export function formatBerlinDay(instant: Date): string {
  const t = utcToBerlin(instant);
  return `${WEEKDAYS[t.weekday]}, ${t.day}. ${MONTHS[t.month - 1]} ${t.year}`;
}

/** "18:00" (Berlin) */
export function formatBerlinTime(instant: Date): string {
  const t = utcToBerlin(instant);
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/** "Dienstag, 3. Dezember 2026, 17:00–19:00 Uhr"; across days both dates. */
export function formatMeetingSpan(start: Date, end: Date): string {
  const startDay = formatBerlinDay(start);
  const endDay = formatBerlinDay(end);
  if (startDay === endDay) {
    return `${startDay}, ${formatBerlinTime(start)}–${formatBerlinTime(end)} Uhr`;
  }
  return `${startDay}, ${formatBerlinTime(start)} Uhr – ${endDay}, ${formatBerlinTime(end)} Uhr`;
}

/** "3. Dezember 2026, 12:00 Uhr" */
export function formatBerlinDateTime(instant: Date): string {
  const t = utcToBerlin(instant);
  return `${t.day}. ${MONTHS[t.month - 1]} ${t.year}, ${pad(t.hour)}:${pad(t.minute)} Uhr`;
}

export function agendaLine(item: AgendaItem, index: number): string {
  const details = [
    item.durationMinutes ? `${item.durationMinutes} Min.` : '',
    item.presenter ? item.presenter : '',
  ].filter(Boolean);
  return `${index + 1}. ${item.title}${details.length ? ` (${details.join(', ')})` : ''}`;
}

export function contactLine(person: ContactPerson): string {
  return [person.name, person.role, person.phone, person.email].filter(Boolean).join(', ');
}

type MeetingFacts = Pick<
  Meeting,
  | 'kind'
  | 'title'
  | 'topic'
  | 'start'
  | 'end'
  | 'place'
  | 'onlineUrl'
  | 'agenda'
  | 'capacity'
  | 'registrationDeadline'
  | 'contactPerson'
  | 'status'
>;

export interface DetailLine {
  label: string;
  value: string;
}

/** The facts of a meeting as label/value lines, in the order mails and pages show them. */
export function meetingDetailLines(meeting: MeetingFacts, pageUrl = ''): DetailLine[] {
  const lines: DetailLine[] = [
    { label: 'Treffen', value: meeting.title },
    { label: 'Art', value: meeting.kind },
    { label: 'Wann', value: formatMeetingSpan(meeting.start, meeting.end) },
  ];
  if (meeting.place) lines.push({ label: 'Wo', value: meeting.place });
  if (meeting.onlineUrl) lines.push({ label: 'Online', value: meeting.onlineUrl });
  if (meeting.topic) lines.push({ label: 'Thema', value: meeting.topic });
  if (meeting.agenda.length > 0) {
    lines.push({ label: 'Tagesordnung', value: meeting.agenda.map(agendaLine).join('\n') });
  }
  if (meeting.registrationDeadline) {
    lines.push({
      label: 'Anmeldung bis',
      value: formatBerlinDateTime(meeting.registrationDeadline),
    });
  }
  if (meeting.capacity) lines.push({ label: 'Plätze', value: String(meeting.capacity) });
  if (meeting.contactPerson) {
    lines.push({ label: 'Ansprechperson', value: contactLine(meeting.contactPerson) });
  }
  if (pageUrl) lines.push({ label: 'Mehr dazu', value: pageUrl });
  return lines;
}

/** The details block of a mail's text part. */
export function meetingDetailsText(meeting: MeetingFacts, pageUrl = ''): string {
  return meetingDetailLines(meeting, pageUrl)
    .map(({ label, value }) =>
      value.includes('\n')
        ? `${label}:\n${value
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n')}`
        : `${label}: ${value}`,
    )
    .join('\n');
}

/** The place for calendars: address and, for hybrid or online meetings, the link. */
export function meetingLocation(meeting: Pick<Meeting, 'place' | 'onlineUrl'>): string {
  return [meeting.place, meeting.onlineUrl].filter(Boolean).join(' – ');
}

export interface MeetingRef {
  networkId: string;
  meetingId: string;
  networkName: string;
  /** The public page (public meetings) or '' */
  pageUrl: string;
}

/** Seconds since 2024 of the last change: grows with every edit, fits SEQUENCE's integer. */
export function icsSequenceOf(updatedAt: Date | null | undefined): number {
  if (!updatedAt) return 0;
  return Math.max(0, Math.floor((updatedAt.getTime() - Date.UTC(2024, 0, 1)) / 1000));
}

export function meetingIcsEvent(
  meeting: MeetingFacts & { updatedAt?: Date },
  ref: MeetingRef,
): IcsEvent {
  const description = [
    meeting.topic,
    meeting.agenda.length > 0 ? `Tagesordnung:\n${meeting.agenda.map(agendaLine).join('\n')}` : '',
    meeting.contactPerson ? `Ansprechperson: ${contactLine(meeting.contactPerson)}` : '',
    meeting.onlineUrl ? `Online: ${meeting.onlineUrl}` : '',
    ref.pageUrl ? `Mehr dazu: ${ref.pageUrl}` : '',
    `Netzwerk: ${ref.networkName}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const event: IcsEvent = {
    uid: `${ref.meetingId}.${ref.networkId}@knotenpunkt`,
    sequence: icsSequenceOf(meeting.updatedAt),
    start: meeting.start,
    end: meeting.end,
    summary: meeting.status === 'cancelled' ? `Abgesagt: ${meeting.title}` : meeting.title,
    description,
    location: meetingLocation(meeting),
    status: meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    categories: [meeting.kind],
  };
  if (ref.pageUrl) event.url = ref.pageUrl;
  if (meeting.updatedAt) event.lastModified = meeting.updatedAt;
  return event;
}

/** The `.ics` of one meeting (download or attachment); a cancelled one as METHOD:CANCEL. */
export function meetingIcs(
  meeting: MeetingFacts & { updatedAt?: Date },
  ref: MeetingRef,
  now: Date,
): string {
  return icsCalendar({
    method: meeting.status === 'cancelled' ? 'CANCEL' : 'PUBLISH',
    events: [meetingIcsEvent(meeting, ref)],
    now,
  });
}
