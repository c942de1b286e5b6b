import { z } from 'zod';
import { email, requiredText, timestamp } from './primitives.ts';

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
