// A mailing (Versand): one message to many recipients, sent by the one mail pipeline
// (functions/src/mailing). Clients write the content and steer the status; the pipeline owns
// `progress` and the delivery records. firestore.rules repeats the shapes and limits it checks.
import { z } from 'zod';
import { MAILING_STATUSES } from './mailingStatus.ts';
import { RSVP_SETS } from './rsvp.ts';
import {
  docId,
  email,
  int,
  optionalText,
  optionalTimestamp,
  requiredText,
  textList,
  timestamp,
  uniqueList,
} from './primitives.ts';

export const MAILING_PURPOSES = [
  'information',
  'invitation',
  'reminder',
  'minutes',
  'optIn',
  'upkeep',
  'questionnaire',
  /** A meeting was cancelled (to everyone who might come, with the cancelling .ics). */
  'cancellation',
  /** Someone moved up from a meeting's waiting list. */
  'promotion',
] as const;
export type MailingPurpose = (typeof MAILING_PURPOSES)[number];
export const MAILING_PURPOSE_LABELS: Record<MailingPurpose, string> = {
  information: 'Information',
  invitation: 'Einladung',
  reminder: 'Erinnerung',
  minutes: 'Protokoll',
  optIn: 'Bestätigung der Anmeldung',
  upkeep: 'Aktualität der Einträge',
  questionnaire: 'Fragebogen',
  cancellation: 'Absage eines Treffens',
  promotion: 'Nachgerückt von der Warteliste',
};

/** Purposes that belong to a meeting (the mail links to it). */
export const MEETING_PURPOSES: readonly MailingPurpose[] = [
  'invitation',
  'reminder',
  'minutes',
  'cancellation',
  'promotion',
];

export const SUBJECT_MAX = 200;
export const BODY_MAX = 20_000;
export const HTML_MAX = 100_000;

// ---------------------------------------------------------------- recipients

/**
 * Where the recipients come from. The pipeline asks the source (functions/src/mailing/sources)
 * for pages of recipients and knows nothing else about it.
 * - subscribers: confirmed subscribers of the network (optionally those with one of the interests)
 * - subscriberImport: the still unconfirmed addresses of one coordinator import, for their opt-in
 *   mail (functions/src/subscribers/sources.ts; created only by the function importSubscribers)
 * - rsvps: the meeting's invitees by answer (yes, waiting list, maybe, no, none yet), or a few
 *   named ones (functions/src/meetings/sources)
 * - workingGroup: the members of a working group (contacts who consented, actors' public address)
 * - contacts: contacts of the network's actors who consented (consent.given) and have an address
 * - questionnaire: the invitations of a questionnaire that list the mailing (invitation) or have
 *   not answered yet (reminder); each mail gets its personal link at sending
 *   (functions/src/questionnaires/source.ts; created only by the questionnaire functions)
 * - upkeep: the actors of an upkeep round ("Ist Ihr Eintrag noch aktuell?"), each mail with its
 *   personal link made at sending (functions/src/directory/upkeepSource.ts)
 * - test: an explicit list, for a test mail to oneself, tests and benchmarks
 */
export const RECIPIENT_SOURCES = [
  'subscribers',
  'subscriberImport',
  'rsvps',
  'contacts',
  'workingGroup',
  'questionnaire',
  'upkeep',
  'test',
] as const;
export type RecipientSourceName = (typeof RECIPIENT_SOURCES)[number];
export const RECIPIENT_SOURCE_LABELS: Record<RecipientSourceName, string> = {
  subscribers: 'Einladungsverteiler',
  subscriberImport: 'Bestätigung neu eingetragener Adressen',
  rsvps: 'Rückmeldungen zu einem Treffen',
  contacts: 'Kontakte mit Einwilligung',
  workingGroup: 'Mitglieder eines Arbeitskreises',
  questionnaire: 'Eingeladene eines Fragebogens',
  upkeep: 'Akteure einer Aktualitätsrunde',
  test: 'Testversand',
};

/** Test lists written with firebase-admin (tests, benchmarks) may be this long. */
export const TEST_RECIPIENTS_MAX = 5000;
/** Coordinators send a test to a handful of addresses (themselves); firestore.rules repeats it. */
export const CLIENT_TEST_RECIPIENTS_MAX = 5;

export const testRecipientSchema = z.strictObject({ email, name: optionalText() });

export const recipientsSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('subscribers'), interests: textList(20) }),
  z.strictObject({ source: z.literal('subscriberImport'), importId: docId }),
  z.strictObject({
    source: z.literal('rsvps'),
    answers: uniqueList(z.enum(RSVP_SETS), 1, RSVP_SETS.length),
    /** Only these invitees (RSVP ids), e.g. the one who moved up; empty: everyone in `answers`. */
    inviteeIds: z.array(docId).max(500).default([]),
  }),
  z.strictObject({ source: z.literal('contacts') }),
  z.strictObject({ source: z.literal('workingGroup'), workingGroupId: docId }),
  z.strictObject({
    source: z.literal('questionnaire'),
    questionnaireId: docId,
    kind: z.enum(['invitation', 'reminder']),
  }),
  // The actors an upkeep round asks (functions/src/directory/upkeep; created only by its function).
  z.strictObject({ source: z.literal('upkeep'), roundId: docId }),
  z.strictObject({
    source: z.literal('test'),
    recipients: z
      .array(testRecipientSchema)
      .min(1, { error: 'Bitte mindestens eine Adresse angeben.' })
      .max(TEST_RECIPIENTS_MAX, { error: `Höchstens ${TEST_RECIPIENTS_MAX} Adressen.` }),
    /** Pretend the source offers an unsubscribe link, to exercise the List-Unsubscribe headers. */
    unsubscribe: z.boolean().default(false),
  }),
]);
export type Recipients = z.infer<typeof recipientsSchema>;

// ---------------------------------------------------------------- placeholders

/** Placeholders every source fills: {{name}}, {{email}}, {{netzwerk}}, {{abmeldelink}}. */
export const COMMON_PLACEHOLDERS = ['name', 'email', 'netzwerk', 'abmeldelink'] as const;
/** Extra per-recipient values a source provides (the features that add sources extend these). */
export const SOURCE_PLACEHOLDERS: Record<RecipientSourceName, readonly string[]> = {
  subscribers: ['organisation', 'anrede', 'einstellungslink'],
  subscriberImport: ['organisation', 'anrede', 'einstellungslink', 'bestaetigungslink'],
  rsvps: [],
  contacts: ['position'],
  workingGroup: ['position'],
  questionnaire: ['fragebogenlink', 'akteur'],
  upkeep: ['akteur', 'aktualisierungslink'],
  test: [],
};

/** `{{ name }}`: letters, digits and underscores, optional spaces inside the braces. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a template uses, each once, in order of appearance. */
export function placeholdersIn(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER_PATTERN), (m) => m[1] ?? ''))];
}

export function allowedPlaceholders(source: RecipientSourceName): string[] {
  return [...COMMON_PLACEHOLDERS, ...SOURCE_PLACEHOLDERS[source]];
}

// ---------------------------------------------------------------- attachments and settings

export const ATTACHMENTS_MAX = 5;
/** Characters of all attachments together; the mailing document must stay below 1 MiB. */
export const ATTACHMENT_CHARS_MAX = 500_000;

/** A file sent with every mail of the mailing, e.g. the meeting's `.ics`. */
export const attachmentSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Bitte einen Dateinamen angeben.' })
    .max(100, { error: 'Höchstens 100 Zeichen.' })
    .regex(/^[^\\/:*?"<>|\p{Cc}]+$/u, { error: 'Der Dateiname enthält unzulässige Zeichen.' }),
  contentType: z
    .string()
    .max(100)
    .regex(/^[a-z]+\/[a-z0-9.+-]+(?:; ?[a-z-]+=[A-Za-z0-9._-]+)*$/i, {
      error: 'Ungültiger Dateityp.',
    }),
  content: z.string().max(ATTACHMENT_CHARS_MAX),
  /** utf8 for text files such as .ics; base64 for binary files. */
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const PER_MINUTE_MAX = 60_000;
export const BATCH_SIZE_MAX = 500;

/**
 * How fast the pipeline sends: at most `perMinute` mails a minute (SMTP providers impose quotas;
 * the deployment's MAIL_MAX_PER_MINUTE caps it), `batchSize` recipients per task, and an
 * automatic pause after `pauseAfterErrors` failed attempts in a row.
 */
export const mailingSettingsSchema = z.strictObject({
  perMinute: int(1, PER_MINUTE_MAX).default(600),
  batchSize: int(1, BATCH_SIZE_MAX).default(50),
  pauseAfterErrors: int(1, 100).default(5),
});
export type MailingSettings = z.infer<typeof mailingSettingsSchema>;
export const DEFAULT_MAILING_SETTINGS: MailingSettings = mailingSettingsSchema.parse({});

// ---------------------------------------------------------------- progress (pipeline only)

/** Kept by the pipeline; clients create it as initialMailingProgress() and never change it. */
export const mailingProgressSchema = z.strictObject({
  /** Delivery records created; final once `planned`. */
  total: int(0, 1_000_000),
  sent: int(0, 1_000_000),
  failed: int(0, 1_000_000),
  bounced: int(0, 1_000_000),
  /** All recipients resolved into delivery records. */
  planned: z.boolean(),
  /** The source's page cursor while planning, so a restart neither skips nor repeats a page. */
  cursor: z.string().max(1500).nullable(),
  /** Generation of the current start: tasks of an earlier start (before a pause) stop. */
  run: int(0, 1_000_000),
  consecutiveErrors: int(0, 1_000_000),
  /** The throttle's next free slot, carried from one batch to the next. */
  nextSendAt: optionalTimestamp,
  /** When the counts were taken; an older count never overwrites a newer one. */
  countedAt: optionalTimestamp,
  /** Last sign of life of a worker (at most one write a second). */
  heartbeatAt: optionalTimestamp,
  startedAt: optionalTimestamp,
  finishedAt: optionalTimestamp,
  lastError: z.string().max(1000),
  /** Why the pipeline paused by itself (shown to the coordinator); empty otherwise. */
  pauseReason: z.string().max(1000),
});
export type MailingProgress = z.infer<typeof mailingProgressSchema>;

export function initialMailingProgress(): MailingProgress {
  return {
    total: 0,
    sent: 0,
    failed: 0,
    bounced: 0,
    planned: false,
    cursor: null,
    run: 0,
    consecutiveErrors: 0,
    nextSendAt: null,
    countedAt: null,
    heartbeatAt: null,
    startedAt: null,
    finishedAt: null,
    lastError: '',
    pauseReason: '',
  };
}

/** Recipients not yet sent, failed or bounced. */
export function remainingOf(progress: MailingProgress): number {
  return Math.max(0, progress.total - progress.sent - progress.failed - progress.bounced);
}

// ---------------------------------------------------------------- the document

const mailingFields = {
  purpose: z.enum(MAILING_PURPOSES, { error: 'Bitte einen Anlass wählen.' }),
  meetingId: docId.nullable().default(null),
  /** Templates: placeholders such as {{name}} are filled per recipient (see COMMON_PLACEHOLDERS). */
  subject: requiredText(SUBJECT_MAX),
  bodyText: requiredText(BODY_MAX),
  /** An HTML template; empty: the HTML part is made from bodyText. */
  bodyHtml: z
    .string()
    .trim()
    .max(HTML_MAX, { error: `Höchstens ${HTML_MAX} Zeichen.` })
    .default(''),
  attachments: z
    .array(attachmentSchema)
    .max(ATTACHMENTS_MAX, { error: `Höchstens ${ATTACHMENTS_MAX} Anhänge.` })
    .default([]),
  recipients: recipientsSchema,
  settings: mailingSettingsSchema.prefault({}),
};

type MailingLink = {
  purpose: MailingPurpose;
  meetingId: string | null;
  recipients: Recipients;
  attachments: Attachment[];
};

/** Meeting mails and RSVP recipients need the meeting; attachments stay below the size limit. */
function checkMailing(ctx: z.core.ParsePayload<MailingLink>) {
  const { purpose, meetingId, recipients, attachments } = ctx.value;
  if (meetingId === null && (MEETING_PURPOSES.includes(purpose) || recipients.source === 'rsvps')) {
    ctx.issues.push({
      code: 'custom',
      input: meetingId,
      path: ['meetingId'],
      message: 'Bitte ein Treffen wählen.',
    });
  }
  const chars = attachments.reduce((sum, a) => sum + a.content.length, 0);
  if (chars > ATTACHMENT_CHARS_MAX) {
    ctx.issues.push({
      code: 'custom',
      input: attachments,
      path: ['attachments'],
      message: 'Die Anhänge sind zusammen zu groß.',
    });
  }
}

type MailingTemplates = { subject: string; bodyText: string; bodyHtml: string };

/** Forms learn about a mistyped placeholder before anything is sent. */
function checkPlaceholders(ctx: z.core.ParsePayload<MailingTemplates & MailingLink>) {
  const allowed = allowedPlaceholders(ctx.value.recipients.source);
  for (const field of ['subject', 'bodyText', 'bodyHtml'] as const) {
    const unknown = placeholdersIn(ctx.value[field]).filter((p) => !allowed.includes(p));
    if (unknown.length === 0) continue;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value[field],
      path: [field],
      message: `Unbekannter Platzhalter {{${unknown[0]}}}. Möglich sind: ${allowed.map((p) => `{{${p}}}`).join(', ')}.`,
    });
  }
}

/** What the mailing form (or a feature creating a mailing) submits. */
export const mailingInputSchema = z
  .strictObject(mailingFields)
  .check(checkMailing)
  .check(checkPlaceholders);
export type MailingInput = z.input<typeof mailingInputSchema>;
export type MailingContent = z.output<typeof mailingInputSchema>;

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
  .check(checkMailing);
export type Mailing = z.infer<typeof mailingSchema>;
export type MailingWithId = Mailing & { id: string };
