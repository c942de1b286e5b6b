import type { Firestore } from 'firebase-admin/firestore';
import { paths } from '@knotenpunkt/model';
import type { Caller } from '../platform/access.ts';
import { assert } from '../platform/errors.ts';

/** Coordinators of the network only; membership is a document, read at every call. */
export async function assertCoordinatorOf(
  db: Firestore,
  caller: Caller | undefined,
  networkId: string,
): Promise<Caller> {
  assert(caller, 'UNAUTHENTICATED');
  const member = await db.doc(paths.member(networkId, caller.uid)).get();
  assert(member.exists, 'NOT_COORDINATOR');
  return caller;
}
