// The distribution list (Einladungsverteiler): people who asked for a network's invitations or
// offered to volunteer. Only functions create, confirm and erase them; coordinators read, correct,
// unsubscribe and keep a note on volunteers (firestore.rules).
import { z } from 'zod';
import {
  CONSENT_PURPOSES,
  consentRecordSchema,
  consentVersion,
  type ConsentForm,
  type ConsentPurpose,
  type ConsentRecord,
} from './consent.ts';
import {
  docId,
  email,
  optionalText,
  optionalTimestamp,
  phone,
  textList,
  timestamp,
} from './primitives.ts';

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];
export const SUBSCRIBER_STATUS_LABELS: Record<SubscriberStatus, string> = {
  pending: 'Unbestätigt',
  confirmed: 'Bestätigt',
  unsubscribed: 'Abgemeldet',
  bounced: 'Unzustellbar',
};

/** Unconfirmed signups (and their tokens) are deleted this long after the last request. */
export const PENDING_RETENTION_DAYS = 30;
/** At most this many confirmation or notice mails per address in 24 hours. */
export const MAILS_PER_DAY_MAX = 3;
/** A coordinator's CSV import or single entry adds at most this many addresses at once. */
export const IMPORT_ROWS_MAX = 1000;
/** Interests someone may choose (fields of action and working groups of the network). */
export const INTERESTS_MAX = 40;

/** Languages offered as checkboxes to volunteers; more can be typed. */
export const VOLUNTEER_LANGUAGES = [
  'Deutsch',
  'Englisch',
  'Arabisch',
  'Türkisch',
  'Russisch',
  'Ukrainisch',
  'Persisch (Farsi/Dari)',
  'Kurdisch',
  'Französisch',
  'Polnisch',
  'Rumänisch',
  'Tigrinya',
  'Somali',
  'Spanisch',
] as const;

/** Which purposes someone asked for (and has not withdrawn); consent records prove each. */
export const purposesSchema = z.strictObject({
  invitations: z.boolean({ error: 'Bitte ja oder nein angeben.' }),
  volunteer: z.boolean({ error: 'Bitte ja oder nein angeben.' }),
});
export type Purposes = z.infer<typeof purposesSchema>;

export const consentsSchema = z.strictObject({
  invitations: consentRecordSchema.nullable().default(null),
  volunteer: consentRecordSchema.nullable().default(null),
});
export type Consents = z.infer<typeof consentsSchema>;

/** What a volunteer tells the network about themselves. */
export const volunteerProfileSchema = z.strictObject({
  fieldsOfAction: textList(30),
  languages: textList(30, 60),
  availability: optionalText(500),
  phone,
});
export type VolunteerProfile = z.infer<typeof volunteerProfileSchema>;
export type VolunteerProfileInput = z.input<typeof volunteerProfileSchema>;

/** The coordinators' note on a volunteer ("contacted"); firestore.rules checks the stamps. */
export const contactNoteSchema = z.strictObject({
  contacted: z.boolean(),
  note: optionalText(1000),
  updatedAt: timestamp,
  updatedBy: z.string().max(128),
});
export type ContactNote = z.infer<typeof contactNoteSchema>;

/** The coordinators' entry form and each CSV row: the address and what they know. */
export const subscriberInputSchema = z.strictObject({
  email,
  name: optionalText(),
  organisation: optionalText(),
  interests: textList(INTERESTS_MAX),
});
export type SubscriberInput = z.input<typeof subscriberInputSchema>;
export type SubscriberFields = z.output<typeof subscriberInputSchema>;

/** networks/{networkId}/subscribers/{subscriberIdFor(email)} */
export const subscriberSchema = subscriberInputSchema.extend({
  status: z.enum(SUBSCRIBER_STATUSES),
  purposes: purposesSchema,
  consents: consentsSchema,
  volunteer: volunteerProfileSchema.nullable().default(null),
  contactNote: contactNoteSchema.nullable().default(null),
  /** The coordinator's import (or single entry) that added the address; null for signups. */
  importId: docId.nullable().default(null),
  /** The last signup or entry; unconfirmed addresses are deleted PENDING_RETENTION_DAYS later. */
  requestedAt: timestamp,
  /** Confirmation and notice mails of the last 24 hours (at most MAILS_PER_DAY_MAX). */
  mailsSentAt: z.array(timestamp).max(MAILS_PER_DAY_MAX).default([]),
  unsubscribedAt: optionalTimestamp,
  bouncedAt: optionalTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Subscriber = z.infer<typeof subscriberSchema>;
export type SubscriberWithId = Subscriber & { id: string };

/**
 * Who receives a network's mailings (recipient source `subscribers`): confirmed, and the
 * invitations purpose chosen. Firestore: where('status', '==', 'confirmed')
 * .where('purposes.invitations', '==', true).
 */
export const MAILING_RECIPIENT_FILTERS = [
  ['status', '==', 'confirmed'],
  ['purposes.invitations', '==', true],
] as const;

export function receivesMailings(s: Pick<Subscriber, 'status' | 'purposes'>): boolean {
  return s.status === 'confirmed' && s.purposes.invitations;
}

/** Volunteers the coordinators may contact: confirmed and the volunteer purpose chosen. */
export function isActiveVolunteer(s: Pick<Subscriber, 'status' | 'purposes'>): boolean {
  return s.status === 'confirmed' && s.purposes.volunteer;
}

// ---------------------------------------------------------------- public inputs

/** A personal link's secret: 256 random bits, base64url (tokens/{sha256} stores only the hash). */
export const tokenValue = z
  .string({ error: 'Der Link ist unvollständig.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Der Link ist unvollständig.' });

const consentVersionsSchema = z
  .strictObject({
    invitations: consentVersion.optional(),
    volunteer: consentVersion.optional(),
  })
  .default({});

const purposesInput = purposesSchema.refine((p) => p.invitations || p.volunteer, {
  error: 'Bitte kreuzen Sie mindestens einen Zweck an.',
});

type ChosenPurposes = {
  purposes: Purposes;
  consentVersions: Partial<Record<ConsentPurpose, string>>;
  volunteer: VolunteerProfile | null;
};

/** Every purpose ticked names the version of the text shown; volunteer details only with it. */
function checkPurposes(ctx: z.core.ParsePayload<ChosenPurposes>) {
  for (const purpose of CONSENT_PURPOSES) {
    if (ctx.value.purposes[purpose] && !ctx.value.consentVersions[purpose]) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.consentVersions,
        path: ['consentVersions', purpose],
        message: 'Der Einwilligungstext fehlt. Bitte laden Sie die Seite neu.',
      });
    }
  }
}

const withoutUnchosenVolunteer = <T extends ChosenPurposes>(value: T): T => ({
  ...value,
  volunteer: value.purposes.volunteer
    ? (value.volunteer ?? volunteerProfileSchema.parse({}))
    : null,
});

/** The public signup form (POST /api/subscribers/signup). */
export const signupInputSchema = subscriberInputSchema
  .extend({
    networkId: docId,
    purposes: purposesInput,
    consentVersions: consentVersionsSchema,
    volunteer: volunteerProfileSchema.nullable().default(null),
    /** Honeypot: hidden from people, filled by bots. A filled one is accepted and dropped. */
    website: z.string().max(500).default(''),
  })
  .check(checkPurposes)
  .transform(withoutUnchosenVolunteer);
export type SignupInput = z.input<typeof signupInputSchema>;
export type Signup = z.output<typeof signupInputSchema>;

/** A request that carries only a personal link's token (confirm, preferences, unsubscribe). */
export const tokenInputSchema = z.strictObject({ token: tokenValue });

/** The preferences page saves (POST /api/subscribers/preferences/save). */
export const preferencesInputSchema = z
  .strictObject({
    token: tokenValue,
    name: optionalText(),
    organisation: optionalText(),
    interests: textList(INTERESTS_MAX),
    purposes: purposesInput,
    consentVersions: consentVersionsSchema,
    volunteer: volunteerProfileSchema.nullable().default(null),
  })
  .check(checkPurposes)
  .transform(withoutUnchosenVolunteer);
export type PreferencesInput = z.input<typeof preferencesInputSchema>;

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export const exportInputSchema = z.strictObject({
  token: tokenValue,
  format: z.enum(EXPORT_FORMATS, { error: 'Bitte JSON oder CSV wählen.' }),
});

export const eraseInputSchema = z.strictObject({
  token: tokenValue,
  confirm: z.literal(true, { error: 'Bitte bestätigen Sie das Löschen.' }),
});

// ---------------------------------------------------------------- coordinators' inputs

/** Where a coordinator's addresses come from; the consent is then asked for by mail. */
export const IMPORT_KINDS = ['coordinator', 'import'] as const;

/** Callable importSubscribers: one address (kind coordinator) or a CSV import. */
export const importSubscribersInputSchema = z.strictObject({
  networkId: docId,
  kind: z.enum(IMPORT_KINDS),
  /** Where the addresses come from (e.g. "Teilnehmerliste Netzwerktreffen 3. 11."). */
  source: optionalText(500),
  rows: z
    .array(subscriberInputSchema)
    .min(1, { error: 'Bitte mindestens eine Adresse angeben.' })
    .max(IMPORT_ROWS_MAX, { error: `Höchstens ${IMPORT_ROWS_MAX} Adressen auf einmal.` }),
});
export type ImportSubscribersInput = z.input<typeof importSubscribersInputSchema>;

/** What happened to each row of an import. */
export const IMPORT_OUTCOMES = [
  'added',
  'pending',
  'subscribed',
  'bounced',
  'refused',
  'suppressed',
] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
export const IMPORT_OUTCOME_LABELS: Record<ImportOutcome, string> = {
  added: 'Aufgenommen, Bestätigungs-Mail folgt',
  pending: 'Schon eingetragen und unbestätigt – keine neue Mail',
  subscribed: 'Schon eingetragen und bestätigt',
  bounced: 'Schon eingetragen, aber unzustellbar – bitte die Adresse prüfen',
  refused: 'Hat sich abgemeldet – nur die Person selbst kann sich wieder anmelden',
  suppressed: 'Auf Wunsch der Person gelöscht – darf nicht wieder eingetragen werden',
};

export interface ImportResult {
  importId: string;
  /** The opt-in mailing of the import (the pipeline's progress), null when nobody was added. */
  mailingId: string | null;
  outcomes: ImportOutcome[];
}

export const subscriberRefInputSchema = z.strictObject({
  networkId: docId,
  subscriberId: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Ungültige Kennung.' }),
});

// ---------------------------------------------------------------- public answers (JSON)

/** A consent record as the public API sends it (times as ISO strings). */
export interface ConsentRecordView {
  form: ConsentForm;
  formId: string;
  textVersion: string;
  textHash: string;
  requestedAt: string | null;
  mailSentAt: string | null;
  confirmedAt: string | null;
  withdrawnAt: string | null;
}

export interface ConsentTextView {
  purpose: ConsentPurpose;
  version: string;
  label: string;
  text: string;
}

/** What a form offers to choose from. */
export interface SubscriberOptions {
  fieldsOfAction: string[];
  workingGroups: string[];
  languages: string[];
}

/** GET /api/subscribers/form?network=…: what the public signup form shows. */
export interface SignupFormView {
  network: { id: string; name: string; region: string };
  options: SubscriberOptions;
  consentTexts: Record<ConsentPurpose, ConsentTextView>;
}

/** POST /api/subscribers/preferences: the person's own data and choices. */
export interface PreferencesView {
  network: { id: string; name: string };
  subscriber: {
    email: string;
    name: string;
    organisation: string;
    interests: string[];
    status: SubscriberStatus;
    purposes: Purposes;
    volunteer: VolunteerProfile | null;
    consents: Record<ConsentPurpose, ConsentRecordView | null>;
  };
  options: SubscriberOptions;
  /** The texts in force, for purposes not chosen yet. */
  consentTexts: Record<ConsentPurpose, ConsentTextView>;
}

/** POST /api/subscribers/export: a file for the person to save. */
export interface ExportFile {
  filename: string;
  contentType: string;
  content: string;
}

// ---------------------------------------------------------------- helpers

/** The purposes whose consent is confirmed and not withdrawn. */
export function activePurposes(consents: Consents): ConsentPurpose[] {
  return CONSENT_PURPOSES.filter((p) => {
    const record: ConsentRecord | null = consents[p];
    return Boolean(record?.confirmedAt && !record.withdrawnAt);
  });
}

/** Keeps the send times of the last 24 hours; true when another mail is allowed. */
export function mailBudget(
  sentAt: readonly Date[],
  now: Date,
): { allowed: boolean; recent: Date[] } {
  const recent = sentAt.filter((t) => now.getTime() - t.getTime() < 86_400_000);
  return { allowed: recent.length < MAILS_PER_DAY_MAX, recent };
}
