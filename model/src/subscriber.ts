import { z } from 'zod';
import {
  docId,
  email,
  optionalText,
  optionalTimestamp,
  requiredText,
  textList,
  timestamp,
} from './primitives.ts';

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];
export const SUBSCRIBER_STATUS_LABELS: Record<SubscriberStatus, string> = {
  pending: 'Unbestätigt',
  confirmed: 'Bestätigt',
  unsubscribed: 'Abgemeldet',
};

/**
 * Where the consent came from: `signup` is the public form with double opt-in (functions only);
 * `coordinator` and `import` are entries a coordinator made from consent given elsewhere
 * (a signed attendance list, a previous mailing list) and documents in `textVersion`.
 */
export const CONSENT_FORMS = ['signup', 'coordinator', 'import'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];
export const CLIENT_CONSENT_FORMS = ['coordinator', 'import'] as const satisfies ConsentForm[];

/** The proof of consent (DSGVO Art. 7 (1)): what was agreed to, when, and when confirmed. */
export const consentRecordSchema = z.strictObject({
  form: z.enum(CONSENT_FORMS),
  /** Version label of the consent text shown, e.g. "2026-11". */
  textVersion: requiredText(50),
  /** SHA-256 (hex) of that consent text, see sha256Hex. */
  textHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Ungültiger Prüfwert.' }),
  requestedAt: timestamp,
  confirmedAt: optionalTimestamp,
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** What the coordinator's subscriber form submits. */
export const subscriberInputSchema = z.strictObject({
  email,
  name: optionalText(),
  organisation: optionalText(),
  interests: textList(20),
});
export type SubscriberInput = z.input<typeof subscriberInputSchema>;

/** networks/{networkId}/subscribers/{subscriberIdFor(email)} */
export const subscriberSchema = subscriberInputSchema.extend({
  status: z.enum(SUBSCRIBER_STATUSES),
  consent: consentRecordSchema,
  unsubscribedAt: optionalTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Subscriber = z.infer<typeof subscriberSchema>;
export type SubscriberWithId = Subscriber & { id: string };

/** The public signup form (function `signup`); answers the same whether or not the address is known. */
export const signupInputSchema = subscriberInputSchema.extend({
  networkId: docId,
  consent: z.literal(true, { error: 'Bitte stimmen Sie der Verarbeitung Ihrer Daten zu.' }),
  consentTextVersion: requiredText(50),
});
export type SignupInput = z.input<typeof signupInputSchema>;
