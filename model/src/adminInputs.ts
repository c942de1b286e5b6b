import { z } from 'zod';
import { docId, email, requiredText, slug } from './primitives.ts';
import { networkProfileSchema } from './network.ts';

/** Callable `createNetwork` (admins). The slug becomes the document id. */
export const createNetworkInputSchema = networkProfileSchema.extend({ slug });
export type CreateNetworkInput = z.input<typeof createNetworkInputSchema>;

/** Callable `grantCoordinator` (admins): creates the Auth user if needed and mails a link. */
export const grantCoordinatorInputSchema = z.strictObject({
  networkId: docId,
  email,
  name: requiredText(),
});
export type GrantCoordinatorInput = z.input<typeof grantCoordinatorInputSchema>;

/** Callable `revokeCoordinator` (admins). */
export const revokeCoordinatorInputSchema = z.strictObject({
  networkId: docId,
  uid: docId,
});
export type RevokeCoordinatorInput = z.input<typeof revokeCoordinatorInputSchema>;
