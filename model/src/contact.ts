import { z } from 'zod';
import { networkIdsSchema } from './directory.ts';
import {
  LIMITS,
  docId,
  optionalEmail,
  optionalText,
  optionalTimestamp,
  phone,
  requiredText,
  timestamp,
} from './primitives.ts';

export const CONTACT_KINDS = ['volunteer', 'professional'] as const;
export const CONTACT_KIND_LABELS: Record<(typeof CONTACT_KINDS)[number], string> = {
  volunteer: 'Ehrenamtlich',
  professional: 'Hauptamtlich',
};

/** How the person agreed to be listed (a note the coordinator keeps, e.g. "Formular 3/2026"). */
export const contactConsentSchema = z.strictObject({
  given: z.boolean(),
  note: optionalText(500),
  recordedAt: optionalTimestamp,
});
export type ContactConsent = z.infer<typeof contactConsentSchema>;

/** What the contact form submits. Personal data: coordinators only, never public. */
export const contactInputSchema = z.strictObject({
  name: requiredText(),
  email: optionalEmail,
  phone,
  position: optionalText(),
  actorId: docId.nullable().default(null),
  kind: z.enum(CONTACT_KINDS, { error: 'Bitte ehrenamtlich oder hauptamtlich wählen.' }),
  notes: optionalText(LIMITS.longText),
  networkIds: networkIdsSchema,
  consent: contactConsentSchema.prefault({ given: false }),
});
export type ContactInput = z.input<typeof contactInputSchema>;
/** The values the contact form edits (every input field present, defaults applied). */
export type ContactFields = z.output<typeof contactInputSchema>;

/** What the create form starts with. */
export function emptyContactFields(
  networkIds: string[],
  actorId: string | null = null,
): ContactFields {
  return {
    name: '',
    email: '',
    phone: '',
    position: '',
    actorId,
    kind: 'professional',
    notes: '',
    networkIds: [...networkIds],
    consent: { given: false, note: '', recordedAt: null },
  };
}

/** contacts/{contactId} */
export const contactSchema = contactInputSchema.extend({
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;
export type ContactWithId = Contact & { id: string };
