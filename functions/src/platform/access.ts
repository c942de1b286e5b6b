import type { Firestore } from 'firebase-admin/firestore';
import { paths } from '@knotenpunkt/model';
import { assert } from './errors.ts';

export interface Caller {
  uid: string;
  email?: string | undefined;
}

/** Admin status is a document, not a claim, so a revocation takes effect at the next request. */
export async function assertAdmin(db: Firestore, caller: Caller | undefined): Promise<Caller> {
  assert(caller, 'UNAUTHENTICATED');
  const admin = await db.doc(paths.admin(caller.uid)).get();
  assert(admin.exists, 'NOT_ADMIN');
  return caller;
}
