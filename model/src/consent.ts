// Consent (DSGVO Art. 7): the texts people agree to, versioned and never edited in place, and the
// record that proves who agreed to which text, through which form, and when they confirmed.
import { z } from 'zod';
import { sha256Hex } from './hash.ts';
import { optionalTimestamp, requiredText, timestamp } from './primitives.ts';

/** What someone on the distribution list may have agreed to, each with its own checkbox. */
export const CONSENT_PURPOSES = ['invitations', 'volunteer'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  invitations: 'Einladungen und Informationen des Netzwerks',
  volunteer: 'Ich möchte mich ehrenamtlich engagieren',
};

/** A version label: "2026-11", "2027-03b". */
export const consentVersion = z
  .string({ error: 'Bitte die Fassung des Einwilligungstextes angeben.' })
  .regex(/^[A-Za-z0-9._-]{1,40}$/, { error: 'Ungültige Fassung des Einwilligungstextes.' });

export interface ConsentTextDraft {
  purpose: ConsentPurpose;
  version: string;
  text: string;
}

/**
 * Every consent text ever shown, oldest first; the last one per purpose is in force. Never change
 * a text that was published: add a new version below. The functions store each version once as
 * consentTexts/{purpose}-{version} and refuse to work if the text of a stored version differs.
 */
export const CONSENT_TEXTS: readonly ConsentTextDraft[] = [
  {
    purpose: 'invitations',
    version: '2026-11',
    text:
      'Ich möchte Einladungen zu Treffen und Informationen des Netzwerks per E-Mail erhalten. ' +
      'Dafür speichert das Netzwerk meine E-Mail-Adresse und meine freiwilligen Angaben (Name, ' +
      'Organisation, Interessen), bis ich die Einwilligung widerrufe. Ich kann sie jederzeit ' +
      'über den Link in jeder E-Mail widerrufen, meine Daten abrufen und löschen lassen.',
  },
  {
    purpose: 'volunteer',
    version: '2026-11',
    text:
      'Ich möchte mich ehrenamtlich engagieren. Dafür dürfen die Koordinatorinnen und ' +
      'Koordinatoren des Netzwerks meine Angaben zu Handlungsfeldern, Sprachen, Verfügbarkeit ' +
      'und – falls angegeben – meine Telefonnummer speichern und mich dazu ansprechen, bis ich ' +
      'die Einwilligung widerrufe. Ich kann sie jederzeit widerrufen.',
  },
];

/** The text in force for a purpose. */
export function currentConsentText(purpose: ConsentPurpose): ConsentTextDraft {
  const texts = CONSENT_TEXTS.filter((t) => t.purpose === purpose);
  const last = texts[texts.length - 1];
  if (!last) throw new Error(`no consent text for ${purpose}`);
  return last;
}

export function findConsentText(
  purpose: ConsentPurpose,
  version: string,
): ConsentTextDraft | undefined {
  return CONSENT_TEXTS.find((t) => t.purpose === purpose && t.version === version);
}

/** consentTexts/{consentTextId}: one document per purpose and version. */
export const consentTextId = (purpose: ConsentPurpose, version: string) => `${purpose}-${version}`;
export const consentTextPath = (purpose: ConsentPurpose, version: string) =>
  `consentTexts/${consentTextId(purpose, version)}`;

/** consentTexts/{purpose}-{version}: written once by the functions, readable by everyone. */
export const consentTextSchema = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES),
  version: consentVersion,
  label: requiredText(),
  text: requiredText(5000),
  /** SHA-256 (hex) of `text` as UTF-8. */
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  publishedAt: timestamp,
});
export type ConsentText = z.infer<typeof consentTextSchema>;

/** The stored document of a text version (publishedAt is when it was first stored). */
export async function consentTextDocument(
  draft: ConsentTextDraft,
  publishedAt: Date,
): Promise<ConsentText> {
  return {
    purpose: draft.purpose,
    version: draft.version,
    label: CONSENT_PURPOSE_LABELS[draft.purpose],
    text: draft.text,
    textHash: await sha256Hex(draft.text),
    publishedAt,
  };
}

/**
 * How the consent was asked for:
 * - signup: the public form (/netzwerk/{slug}/mitmachen), confirmed by the link in a mail
 * - preferences: the personal preferences page, opened from a link in a mail (already proven)
 * - coordinator / import: a coordinator entered the address; the person confirms by the link in
 *   the opt-in mail, never the coordinator
 */
export const CONSENT_FORMS = ['signup', 'preferences', 'coordinator', 'import'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];
export const CONSENT_FORM_LABELS: Record<ConsentForm, string> = {
  signup: 'Öffentliches Anmeldeformular mit Bestätigung per E-Mail (Double-Opt-in)',
  preferences: 'Persönliche Einstellungsseite (Link aus einer E-Mail an die Adresse)',
  coordinator: 'Eintrag durch die Koordination, bestätigt per E-Mail (Double-Opt-in)',
  import: 'CSV-Import der Koordination, bestätigt per E-Mail (Double-Opt-in)',
};

/** Identifiers of the forms (with their version), recorded in every consent. */
export const FORM_IDS: Record<ConsentForm, string> = {
  signup: 'mitmachen/2026-11',
  preferences: 'einstellungen/2026-11',
  coordinator: 'verwaltung-einzeln/2026-11',
  import: 'verwaltung-import/2026-11',
};

/** The proof of one consent (DSGVO Art. 7 (1)): what was agreed to, through what, and when. */
export const consentRecordSchema = z.strictObject({
  form: z.enum(CONSENT_FORMS),
  formId: requiredText(100),
  textVersion: consentVersion,
  /** SHA-256 (hex) of that consent text, see consentTexts/{purpose}-{version}. */
  textHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Ungültiger Prüfwert.' }),
  requestedAt: timestamp,
  /** When the confirmation mail (with the link) was handed to the mail server. */
  mailSentAt: optionalTimestamp,
  confirmedAt: optionalTimestamp,
  withdrawnAt: optionalTimestamp,
  /** Coordinator entries: who entered the address and where it came from; empty otherwise. */
  note: z.string().max(1000).default(''),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** A consent that was confirmed and not withdrawn. */
export function isConsentActive(record: ConsentRecord | null | undefined): boolean {
  return Boolean(record && record.confirmedAt && !record.withdrawnAt);
}
