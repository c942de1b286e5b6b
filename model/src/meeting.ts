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
