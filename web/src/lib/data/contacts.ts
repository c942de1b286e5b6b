// Contacts (personal, never public) of the user's networks: live list, one contact, saving and
// deleting. Lists name the networks (rules are not filters).
import {
  collection,
  deleteDoc,
  doc,
  onSnapshot,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore';
import {
  contactSchema,
  ofNetworks,
  paths,
  type ContactFields,
  type ContactWithId,
} from '@knotenpunkt/model';
import { db } from '$lib/firebase/app';
import { requireUid } from './auth.ts';
import { queryableNetworks } from './directoryAdmin.ts';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDoc, parseDocs } from './parse.ts';
import { docData, queryDocs } from './snapshot.ts';

export function watchContacts(
  networkIds: readonly string[],
  next: Next<ContactWithId[]>,
  fail: Fail,
): Unsubscribe {
  const ids = queryableNetworks(networkIds);
  if (ids.length === 0) {
    next([]);
    return () => {};
  }
  return listenLater(async () => {
    const q = query(collection(await db(), paths.contacts()), where(...ofNetworks(ids)));
    return onSnapshot(
      q,
      (snap) => next(parseDocs(contactSchema, queryDocs(snap), (id, value) => ({ ...value, id }))),
      fail,
    );
  }, fail);
}

export function watchContact(
  id: string,
  next: Next<ContactWithId | null>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const path = paths.contact(id);
    return onSnapshot(
      doc(await db(), path),
      (snap) => {
        try {
          next(
            snap.exists() ? { ...parseDoc(contactSchema, path, docData(snap)), id: snap.id } : null,
          );
        } catch (error) {
          fail(error);
        }
      },
      fail,
    );
  }, fail);
}

/** `input` has passed contactInputSchema in the form. Returns the new contact's id. */
export async function createContact(input: ContactFields): Promise<string> {
  const uid = await requireUid();
  const ref = doc(collection(await db(), paths.contacts()));
  await setDoc(ref, {
    ...input,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
  return ref.id;
}

export async function updateContact(id: string, input: ContactFields): Promise<void> {
  const uid = await requireUid();
  await updateDoc(doc(await db(), paths.contact(id)), {
    ...input,
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
}

export async function deleteContact(id: string): Promise<void> {
  await deleteDoc(doc(await db(), paths.contact(id)));
}
