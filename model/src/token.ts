import { z } from 'zod';
import { docId, optionalTimestamp, timestamp } from './primitives.ts';

export const TOKEN_PURPOSES = [
  'confirmSubscription',
  'unsubscribe',
  /** The subscriber's preferences page: change, export, erase (footer link of every mail). */
  'preferences',
  'rsvp',
  'questionnaire',
  'dataRequest',
  /** "Ist Ihr Eintrag noch aktuell?": an actor's contact confirms or corrects the entry. */
  'upkeep',
] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/**
 * tokens/{sha256(token)}: what a personal link in a mail may do. Only the hash is stored; no client
 * can read or write these documents.
 */
export const tokenSchema = z.strictObject({
  purpose: z.enum(TOKEN_PURPOSES),
  networkId: docId,
  /** The document the link acts on, e.g. networks/x/subscribers/y. */
  targetPath: z.string().min(1).max(500),
  /** null: valid until used or revoked (unsubscribe links must keep working). */
  expiresAt: optionalTimestamp,
  usedAt: optionalTimestamp,
  createdAt: timestamp,
});
export type Token = z.infer<typeof tokenSchema>;
