// Working groups (Arbeitskreise) of one network: live list, create, update, delete.
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
} from 'firebase/firestore';
import {
  paths,
  workingGroupSchema,
  type WorkingGroup,
  type WorkingGroupInput,
} from '@knotenpunkt/model';
import { db } from '$lib/firebase/app';
import { requireUid } from './auth.ts';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDocs } from './parse.ts';
import { queryDocs } from './snapshot.ts';

export type WorkingGroupWithId = WorkingGroup & { id: string };

export function watchWorkingGroups(
  networkId: string,
  next: Next<WorkingGroupWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(collection(await db(), paths.workingGroups(networkId)), orderBy('name'));
    return onSnapshot(
      q,
      (snap) =>
        next(parseDocs(workingGroupSchema, queryDocs(snap), (id, value) => ({ ...value, id }))),
      fail,
    );
  }, fail);
}

/** `input` has passed workingGroupInputSchema in the form. Returns the new document's id. */
export async function createWorkingGroup(
  networkId: string,
  input: WorkingGroupInput,
): Promise<string> {
  const uid = await requireUid();
  const ref = await addDoc(collection(await db(), paths.workingGroups(networkId)), {
    ...input,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
  return ref.id;
}

export async function updateWorkingGroup(
  networkId: string,
  id: string,
  input: WorkingGroupInput,
): Promise<void> {
  const uid = await requireUid();
  await updateDoc(doc(await db(), paths.workingGroup(networkId, id)), {
    ...input,
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
}

export async function deleteWorkingGroup(networkId: string, id: string): Promise<void> {
  await deleteDoc(doc(await db(), paths.workingGroup(networkId, id)));
}
