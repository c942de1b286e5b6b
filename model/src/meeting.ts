import { z } from 'zod';
import { contactPersonSchema } from './network.ts';
import {
  docId,
  int,
  optionalText,
  optionalTimestamp,
  requiredText,
  timestamp,
  url,
} from './primitives.ts';

export * from './berlinTime.ts';
export * from './meetingSeries.ts';
export * from './ics.ts';
export * from './meetingText.ts';
export * from './meetingMailing.ts';

export const MEETING_KINDS = [
  'Netzwerktreffen',
  'Vollversammlung',
  'Arbeitskreis',
  'Workshop',
  'Dialogcafé',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['planned', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Geplant',
  cancelled: 'Abgesagt',
};

/** Protocols can be long; a Firestore document holds at most 1 MiB. */
export const MINUTES_MAX = 50_000;

export const agendaItemSchema = z.strictObject({
  title: requiredText(),
  durationMinutes: int(0, 600).nullable().default(null),
  presenter: optionalText(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** A follow-up task agreed at the meeting. */
export const meetingTaskSchema = z.strictObject({
  title: requiredText(500),
  owner: optionalText(),
  due: optionalTimestamp,
  done: z.boolean().default(false),
});
export type MeetingTask = z.infer<typeof meetingTaskSchema>;

export const DECISIONS_MAX = 50;
export const TASKS_MAX = 100;
/** Reminder mails go out this many days before the start unless the meeting says otherwise. */
export const DEFAULT_REMINDER_DAYS = 2;

const meetingFields = {
  kind: z.enum(MEETING_KINDS, { error: 'Bitte eine Art des Treffens wählen.' }),
  title: requiredText(),
  topic: optionalText(500),
  start: timestamp,
  end: timestamp,
  place: optionalText(500),
  onlineUrl: url,
  agenda: z
    .array(agendaItemSchema)
    .max(30, { error: 'Höchstens 30 Tagesordnungspunkte.' })
    .default([]),
  workingGroupId: docId.nullable().default(null),
  /** Places in total; null means unlimited. */
  capacity: int(1, 10_000).nullable().default(null),
  /** When full, further yes-answers go on a waiting list instead of being refused. */
  waitlist: z.boolean().default(false),
  registrationDeadline: optionalTimestamp,
  public: z.boolean().default(false),
  contactPerson: contactPersonSchema.nullable().default(null),
  status: z.enum(MEETING_STATUSES).default('planned'),
  /** Protokoll */
  minutes: optionalText(MINUTES_MAX),
  /** Ergebnisse in brief, e.g. for the public calendar after the meeting. */
  results: optionalText(5000),
  /** Minutes, decisions and results appear on the public meeting page (public meetings only). */
  minutesPublished: z.boolean().default(false),
  decisions: z
    .array(requiredText(1000))
    .max(DECISIONS_MAX, { error: `Höchstens ${DECISIONS_MAX} Beschlüsse.` })
    .default([]),
  tasks: z
    .array(meetingTaskSchema)
    .max(TASKS_MAX, { error: `Höchstens ${TASKS_MAX} Aufgaben.` })
    .default([]),
  /** Days before the start when yes-sayers and the waiting list get a reminder; 0: none. */
  reminderDays: int(0, 30).default(DEFAULT_REMINDER_DAYS),
  /** With the reminder, invitees without an answer hear "Wir haben noch nichts von Ihnen gehört". */
  remindNoAnswer: z.boolean().default(false),
  /** Meetings created together by "Serie anlegen" share this id. */
  seriesId: docId.nullable().default(null),
};

type MeetingTimes = { start: Date; end: Date; registrationDeadline: Date | null };

/** End after start; the registration deadline not after the start. Also enforced in rules. */
function checkTimes(ctx: z.core.ParsePayload<MeetingTimes>) {
  const { start, end, registrationDeadline } = ctx.value;
  if (end < start) {
    ctx.issues.push({
      code: 'custom',
      input: end,
      path: ['end'],
      message: 'Das Ende darf nicht vor dem Beginn liegen.',
    });
  }
  if (registrationDeadline && registrationDeadline > start) {
    ctx.issues.push({
      code: 'custom',
      input: registrationDeadline,
      path: ['registrationDeadline'],
      message: 'Der Anmeldeschluss darf nicht nach dem Beginn liegen.',
    });
  }
}

/** What the minutes page saves: minutes, decisions, tasks, results and whether they are public. */
export const meetingMinutesSchema = z.strictObject({
  minutes: meetingFields.minutes,
  results: meetingFields.results,
  minutesPublished: meetingFields.minutesPublished,
  decisions: meetingFields.decisions,
  tasks: meetingFields.tasks,
});
export type MeetingMinutes = z.infer<typeof meetingMinutesSchema>;

/** What the meeting form submits. */
export const meetingInputSchema = z.strictObject(meetingFields).check(checkTimes);
export type MeetingInput = z.input<typeof meetingInputSchema>;

/** networks/{networkId}/meetings/{meetingId} */
export const meetingSchema = z
  .strictObject({
    ...meetingFields,
    createdAt: timestamp,
    updatedAt: timestamp,
    updatedBy: z.string(),
  })
  .check(checkTimes);
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingWithId = Meeting & { id: string };

/** The fields the meeting form edits (minutes and tasks have their own page). */
export const MEETING_FORM_KEYS = [
  'kind',
  'title',
  'topic',
  'start',
  'end',
  'place',
  'onlineUrl',
  'agenda',
  'workingGroupId',
  'capacity',
  'waitlist',
  'registrationDeadline',
  'public',
  'contactPerson',
  'reminderDays',
  'remindNoAnswer',
] as const satisfies readonly (keyof MeetingInput)[];

/** What a meeting's copy ("Duplizieren") starts with: same content, no minutes, planned. */
export function duplicateMeeting(meeting: Meeting): z.output<typeof meetingInputSchema> {
  return meetingInputSchema.parse({
    ...Object.fromEntries(MEETING_FORM_KEYS.map((k) => [k, meeting[k]])),
    title: meeting.title,
  });
}

/** Answers may change until the registration deadline, or else until the start. */
export function rsvpDeadline(meeting: Pick<Meeting, 'start' | 'registrationDeadline'>): Date {
  return meeting.registrationDeadline ?? meeting.start;
}

export function rsvpOpen(
  meeting: Pick<Meeting, 'start' | 'registrationDeadline' | 'status'>,
  now: Date,
): boolean {
  return meeting.status === 'planned' && now.getTime() < rsvpDeadline(meeting).getTime();
}

// ---------------------------------------------------------------- public page

/**
 * networks/{networkId}/public/meeting-{meetingId}: a public meeting as visitors see it, kept by
 * the calendar function. Minutes, decisions and results only once published; attendance once
 * recorded. The meeting document itself is for coordinators only.
 */
export const publicMeetingSchema = z.strictObject({
  id: docId,
  networkId: docId,
  networkName: requiredText(),
  kind: z.enum(MEETING_KINDS),
  title: requiredText(),
  topic: optionalText(500),
  start: timestamp,
  end: timestamp,
  place: optionalText(500),
  onlineUrl: optionalText(500),
  agenda: z.array(agendaItemSchema).max(30),
  contactPerson: contactPersonSchema.nullable(),
  capacity: int(1, 10_000).nullable(),
  registrationDeadline: optionalTimestamp,
  status: z.enum(MEETING_STATUSES),
  minutes: optionalText(MINUTES_MAX),
  decisions: z.array(requiredText(1000)).max(DECISIONS_MAX).default([]),
  results: optionalText(5000),
  /** Persons recorded as present; null until the coordinators recorded attendance. */
  attendedPersons: int(0, 100_000).nullable(),
  updatedAt: timestamp,
});
export type PublicMeeting = z.infer<typeof publicMeetingSchema>;

export const publicMeetingDocId = (meetingId: string) => `meeting-${meetingId}`;
export const publicMeetingPath = (networkId: string, meetingId: string) =>
  `networks/${networkId}/public/${publicMeetingDocId(meetingId)}`;

// ---------------------------------------------------------------- links

/** The public page of a meeting. */
export function meetingPageUrl(baseUrl: string, networkId: string, meetingId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/termine/${encodeURIComponent(networkId)}/${encodeURIComponent(meetingId)}`;
}

/** The network's iCal feed (GET /api/ical/{networkId}.ics). */
export function icalFeedUrl(baseUrl: string, networkId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/ical/${encodeURIComponent(networkId)}.ics`;
}

// ---------------------------------------------------------------- coordinators' actions

/** Callable cancelMeeting: status cancelled, and a notice to everyone who said yes or waits. */
export const cancelMeetingInputSchema = z.strictObject({
  networkId: docId,
  meetingId: docId,
  /** A few words for the notice ("wegen Krankheit", "neuer Termin folgt"). */
  notice: optionalText(5000),
  notify: z.boolean().default(true),
});
export type CancelMeetingInput = z.input<typeof cancelMeetingInputSchema>;
