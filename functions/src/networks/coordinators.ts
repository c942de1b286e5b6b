import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import type { Auth } from 'firebase-admin/auth';
import {
  grantCoordinatorInputSchema,
  membershipPath,
  paths,
  revokeCoordinatorInputSchema,
} from '@knotenpunkt/model';
import { assertAdmin, type Caller } from '../platform/access.ts';
import { fail, parseOrFail } from '../platform/errors.ts';
import type { Mailer } from '../mail/transport.ts';
import { coordinatorWelcomeMail } from './coordinatorMail.ts';
import { findOrCreateUser } from '../platform/users.ts';

export interface CoordinatorDeps {
  db: Firestore;
  auth: Auth;
  mailer: () => Mailer;
  baseUrl: string;
}

/**
 * Admins grant coordinator membership by email. The member document and the user's
 * memberships index are written in one transaction; the rules read the member document, so the
 * grant takes effect at the next request. Granting twice changes nothing and mails nothing.
 */
export async function handleGrantCoordinator(
  data: unknown,
  caller: Caller | undefined,
  deps: CoordinatorDeps,
) {
  const input = parseOrFail(grantCoordinatorInputSchema, data);
  const admin = await assertAdmin(deps.db, caller);
  const network = await deps.db.doc(paths.network(input.networkId)).get();
  if (!network.exists) fail('NETWORK_NOT_FOUND', { field: 'networkId' });

  const { user, created } = await findOrCreateUser(deps.auth, input.email, input.name);
  const memberRef = deps.db.doc(paths.member(input.networkId, user.uid));
  const alreadyMember = await deps.db.runTransaction(async (tx) => {
    if ((await tx.get(memberRef)).exists) return true;
    tx.set(memberRef, {
      role: 'coordinator',
      name: input.name,
      email: input.email,
      grantedAt: FieldValue.serverTimestamp(),
      grantedBy: admin.uid,
    });
    tx.set(
      deps.db.doc(membershipPath(user.uid)),
      {
        networkIds: FieldValue.arrayUnion(input.networkId),
        updatedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
    return false;
  });
  if (alreadyMember) return { uid: user.uid, created, alreadyMember, mailed: false };

  const signInUrl = `${deps.baseUrl}/anmelden`;
  const setPasswordUrl = created
    ? await deps.auth.generatePasswordResetLink(input.email, { url: signInUrl })
    : undefined;
  const mail = coordinatorWelcomeMail({
    name: input.name,
    networkName: String(network.get('name') ?? input.networkId),
    signInUrl,
    setPasswordUrl,
  });
  const mailer = deps.mailer();
  try {
    await mailer.send({ to: input.email, ...mail });
  } finally {
    mailer.close();
  }
  return { uid: user.uid, created, alreadyMember, mailed: true };
}

/** Admins revoke a membership; the member's next request is denied by the rules. */
export async function handleRevokeCoordinator(
  data: unknown,
  caller: Caller | undefined,
  deps: Pick<CoordinatorDeps, 'db'>,
) {
  const input = parseOrFail(revokeCoordinatorInputSchema, data);
  await assertAdmin(deps.db, caller);
  const memberRef = deps.db.doc(paths.member(input.networkId, input.uid));
  await deps.db.runTransaction(async (tx) => {
    if (!(await tx.get(memberRef)).exists) fail('MEMBER_NOT_FOUND', { field: 'uid' });
    tx.delete(memberRef);
    tx.set(
      deps.db.doc(membershipPath(input.uid)),
      {
        networkIds: FieldValue.arrayRemove(input.networkId),
        updatedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
  });
  return { revoked: true };
}
