import { z } from 'zod';
import { docId, email, requiredText, timestamp } from './primitives.ts';

/** networks/{networkId}/members/{uid}: coordinator membership, written only by functions. */
export const memberSchema = z.strictObject({
  role: z.literal('coordinator'),
  name: requiredText(),
  email,
  grantedAt: timestamp,
  grantedBy: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

/** admins/{uid}: platform admins, written only by functions and the admin CLI. */
export const adminSchema = z.strictObject({
  email,
  grantedAt: timestamp,
});
export type Admin = z.infer<typeof adminSchema>;

/**
 * memberships/{uid}: the networks a user coordinates, mirrored from the member documents by the
 * grant/revoke functions in the same transaction. Rules read it for entries listing several
 * networks (actors, offers, contacts); the web app reads it to find "my networks".
 */
export const membershipSchema = z.strictObject({
  networkIds: z.array(docId),
  updatedAt: timestamp,
});
export type Membership = z.infer<typeof membershipSchema>;
