import { z } from 'zod';
import { MAILING_STATUSES } from './mailingStatus.ts';
import { RSVP_ANSWERS } from './rsvp.ts';
import {
  docId,
  int,
  optionalTimestamp,
  requiredText,
  textList,
  timestamp,
  uniqueList,
} from './primitives.ts';

export const MAILING_PURPOSES = ['invitation', 'reminder', 'minutes', 'information'] as const;
export type MailingPurpose = (typeof MAILING_PURPOSES)[number];
export const MAILING_PURPOSE_LABELS: Record<MailingPurpose, string> = {
  invitation: 'Einladung',
  reminder: 'Erinnerung',
  minutes: 'Protokoll',
  information: 'Information',
};

/** Purposes that belong to a meeting (the mail links to it). */
export const MEETING_PURPOSES: readonly MailingPurpose[] = ['invitation', 'reminder', 'minutes'];

export const BODY_MAX = 20_000;

/**
 * Who receives it: confirmed subscribers (optionally only those with one of the interests), or
 * the people who answered the meeting's RSVP in one of the given ways.
 */
export const recipientsSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('subscribers'), interests: textList(20) }),
  z.strictObject({
    source: z.literal('rsvps'),
    answers: uniqueList(z.enum(RSVP_ANSWERS), 1, RSVP_ANSWERS.length),
  }),
]);
export type Recipients = z.infer<typeof recipientsSchema>;

/** Kept by the pipeline; clients create it as initialMailingProgress() and never change it. */
export const mailingProgressSchema = z.strictObject({
  total: int(0, 1_000_000),
  sent: int(0, 1_000_000),
  failed: int(0, 1_000_000),
  /** Id of the last recipient handed to SMTP, so a restart neither skips nor repeats. */
  cursor: z.string().nullable(),
  startedAt: optionalTimestamp,
  finishedAt: optionalTimestamp,
  lastError: z.string().max(1000),
});
export type MailingProgress = z.infer<typeof mailingProgressSchema>;

export function initialMailingProgress(): MailingProgress {
  return {
    total: 0,
    sent: 0,
    failed: 0,
    cursor: null,
    startedAt: null,
    finishedAt: null,
    lastError: '',
  };
}

const mailingFields = {
  purpose: z.enum(MAILING_PURPOSES, { error: 'Bitte einen Anlass wählen.' }),
  meetingId: docId.nullable().default(null),
  subject: requiredText(200),
  bodyText: requiredText(BODY_MAX),
  recipients: recipientsSchema,
};

type MailingLink = { purpose: MailingPurpose; meetingId: string | null; recipients: Recipients };

/** Meeting mails and RSVP recipients need the meeting. */
function checkMeeting(ctx: z.core.ParsePayload<MailingLink>) {
  const { purpose, meetingId, recipients } = ctx.value;
  if (meetingId === null && (MEETING_PURPOSES.includes(purpose) || recipients.source === 'rsvps')) {
    ctx.issues.push({
      code: 'custom',
      input: meetingId,
      path: ['meetingId'],
      message: 'Bitte ein Treffen wählen.',
    });
  }
}

/** What the mailing form submits. */
export const mailingInputSchema = z.strictObject(mailingFields).check(checkMeeting);
export type MailingInput = z.input<typeof mailingInputSchema>;

/** networks/{networkId}/mailings/{mailingId} */
export const mailingSchema = z
  .strictObject({
    ...mailingFields,
    status: z.enum(MAILING_STATUSES),
    progress: mailingProgressSchema,
    createdAt: timestamp,
    updatedAt: timestamp,
    updatedBy: z.string(),
  })
  .check(checkMeeting);
export type Mailing = z.infer<typeof mailingSchema>;
export type MailingWithId = Mailing & { id: string };
