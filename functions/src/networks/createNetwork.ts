import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { createNetworkInputSchema, paths } from '@knotenpunkt/model';
import { assertAdmin, type Caller } from '../platform/access.ts';
import { fail, parseOrFail } from '../platform/errors.ts';

export interface CreateNetworkDeps {
  db: Firestore;
}

/** Admins create a network; its slug is the document id and never changes. */
export async function handleCreateNetwork(
  data: unknown,
  caller: Caller | undefined,
  deps: CreateNetworkDeps,
) {
  // Input is validated before auth so bad requests never cost a read.
  const input = parseOrFail(createNetworkInputSchema, data);
  await assertAdmin(deps.db, caller);
  const ref = deps.db.doc(paths.network(input.slug));
  try {
    await ref.create({
      ...input,
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
  } catch (error) {
    // gRPC ALREADY_EXISTS
    if ((error as { code?: number }).code === 6) fail('NETWORK_EXISTS', { field: 'slug' });
    throw error;
  }
  return { networkId: input.slug };
}
