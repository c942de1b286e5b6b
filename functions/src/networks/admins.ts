import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import type { Auth } from 'firebase-admin/auth';
import { email as emailSchema, paths } from '@knotenpunkt/model';
import { findOrCreateUser } from '../platform/users.ts';

/**
 * Makes an Auth user (created without password if needed) a platform admin. Used by the admin
 * CLI to bootstrap the first admin; no client can write admins/.
 */
export async function grantAdmin(db: Firestore, auth: Auth, rawEmail: string) {
  const email = emailSchema.parse(rawEmail);
  const { user, created } = await findOrCreateUser(auth, email, email);
  await db.doc(paths.admin(user.uid)).set({ email, grantedAt: FieldValue.serverTimestamp() });
  return { uid: user.uid, created };
}

export async function revokeAdmin(db: Firestore, auth: Auth, rawEmail: string) {
  const email = emailSchema.parse(rawEmail);
  const user = await auth.getUserByEmail(email);
  await db.doc(paths.admin(user.uid)).delete();
  return { uid: user.uid };
}
