// The coordinators' side of the region's directory: actors and offers of the user's networks
// (live), single entries, saving, the status workflow, confirming, deleting and CSV imports.
// Lists name the networks (rules are not filters): where('networkIds', 'array-contains-any', mine).
import {
  collection,
  deleteDoc,
  doc,
  getDocs,
  onSnapshot,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  writeBatch,
  type DocumentReference,
  type Firestore,
} from 'firebase/firestore';
import {
  MAX_NETWORKS_PER_ENTRY,
  actorSchema,
  memberSchema,
  networkSchema,
  offerSchema,
  ofNetworks,
  paths,
  publicOnly,
  publishedOnly,
  type ActorFields,
  type ActorWithId,
  type DirectoryStatus,
  type OfferFields,
  type OfferWithId,
} from '@knotenpunkt/model';
import { db } from '$lib/firebase/app';
import { requireUid } from './auth.ts';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDoc, parseDocs, type Schema } from './parse.ts';
import { docData, queryDocs } from './snapshot.ts';

export type DirectoryEntity = 'actor' | 'offer';

/** Firestore allows ten values in array-contains-any; nobody coordinates more networks. */
export function queryableNetworks(networkIds: readonly string[]): string[] {
  return networkIds.slice(0, MAX_NETWORKS_PER_ENTRY);
}

function watchList<T>(
  collectionPath: string,
  schema: Schema<T>,
  networkIds: readonly string[],
  next: Next<(T & { id: string })[]>,
  fail: Fail,
): Unsubscribe {
  const ids = queryableNetworks(networkIds);
  if (ids.length === 0) {
    next([]);
    return () => {};
  }
  return listenLater(async () => {
    const q = query(collection(await db(), collectionPath), where(...ofNetworks(ids)));
    return onSnapshot(
      q,
      (snap) => next(parseDocs(schema, queryDocs(snap), (id, value) => ({ ...value, id }))),
      fail,
    );
  }, fail);
}

function watchOne<T>(
  path: string,
  schema: Schema<T>,
  next: Next<(T & { id: string }) | null>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    return onSnapshot(
      doc(await db(), path),
      (snap) => {
        try {
          next(snap.exists() ? { ...parseDoc(schema, path, docData(snap)), id: snap.id } : null);
        } catch (error) {
          fail(error);
        }
      },
      fail,
    );
  }, fail);
}

/** Every actor that lists one of the user's networks, in any status. */
export function watchActors(
  networkIds: readonly string[],
  next: Next<ActorWithId[]>,
  fail: Fail,
): Unsubscribe {
  return watchList(paths.actors(), actorSchema, networkIds, next, fail);
}

/** Every offer that lists one of the user's networks, in any status. */
export function watchOffers(
  networkIds: readonly string[],
  next: Next<OfferWithId[]>,
  fail: Fail,
): Unsubscribe {
  return watchList(paths.offers(), offerSchema, networkIds, next, fail);
}

/** One actor; null when it does not exist (or was deleted meanwhile). */
export function watchActor(id: string, next: Next<ActorWithId | null>, fail: Fail): Unsubscribe {
  return watchOne(paths.actor(id), actorSchema, next, fail);
}

export function watchOffer(id: string, next: Next<OfferWithId | null>, fail: Fail): Unsubscribe {
  return watchOne(paths.offer(id), offerSchema, next, fail);
}

/**
 * Published actors of the whole region (other networks' too), read once: a new actor's name is
 * checked against them, since duplicates across networks are the ones nobody notices.
 */
export async function loadPublishedActors(): Promise<ActorWithId[]> {
  const snap = await getDocs(
    query(collection(await db(), paths.actors()), where(...publishedOnly)),
  );
  return parseDocs(actorSchema, queryDocs(snap), (id, value) => ({ ...value, id }));
}

/** Public networks (any coordinator may share an entry with them), by name. */
export async function loadShareableNetworks(): Promise<{ id: string; name: string }[]> {
  const snap = await getDocs(query(collection(await db(), paths.networks()), where(...publicOnly)));
  return parseDocs(networkSchema, queryDocs(snap), (id, value) => ({ id, name: value.name })).sort(
    (a, b) => a.name.localeCompare(b.name, 'de'),
  );
}

/** Names of the coordinators of the user's networks by uid, for "changed by". */
export async function loadCoordinatorNames(
  networkIds: readonly string[],
): Promise<Record<string, string>> {
  const firestore = await db();
  const names: Record<string, string> = {};
  const lists = await Promise.all(
    networkIds.map((id) => getDocs(collection(firestore, paths.members(id)))),
  );
  for (const snap of lists) {
    for (const member of parseDocs(memberSchema, queryDocs(snap), (uid, value) => ({
      uid,
      name: value.name,
    }))) {
      names[member.uid] = member.name;
    }
  }
  return names;
}

// ---------------------------------------------------------------- writes

const collectionOf = (entity: DirectoryEntity) =>
  entity === 'actor' ? paths.actors() : paths.offers();
const pathOf = (entity: DirectoryEntity, id: string) =>
  entity === 'actor' ? paths.actor(id) : paths.offer(id);

async function createStamps() {
  const uid = await requireUid();
  return {
    lastConfirmedAt: null,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  };
}

async function updateStamps() {
  return { updatedAt: serverTimestamp(), updatedBy: await requireUid() };
}

/** A new document reference (id made in the browser), for batches that need the id first. */
export async function newEntryRef(entity: DirectoryEntity): Promise<DocumentReference> {
  return doc(collection(await db(), collectionOf(entity)));
}

/** `input` has passed actorInputSchema in the form. Returns the new actor's id. */
export async function createActor(input: ActorFields): Promise<string> {
  const ref = await newEntryRef('actor');
  await setDoc(ref, { ...input, ...(await createStamps()) });
  return ref.id;
}

export async function updateActor(id: string, input: ActorFields): Promise<void> {
  await updateDoc(doc(await db(), paths.actor(id)), { ...input, ...(await updateStamps()) });
}

/** `input` has passed offerInputSchema in the form. Returns the new offer's id. */
export async function createOffer(input: OfferFields): Promise<string> {
  const ref = await newEntryRef('offer');
  await setDoc(ref, { ...input, ...(await createStamps()) });
  return ref.id;
}

export async function updateOffer(id: string, input: OfferFields): Promise<void> {
  await updateDoc(doc(await db(), paths.offer(id)), { ...input, ...(await updateStamps()) });
}

/**
 * Moves entries to another status in one batch: an actor together with offers (e.g. archiving
 * an actor and the offers only it provides), or a single offer.
 */
export async function setStatus(
  entries: readonly { entity: DirectoryEntity; id: string }[],
  status: DirectoryStatus,
): Promise<void> {
  const firestore = await db();
  const stamps = await updateStamps();
  const batch = writeBatch(firestore);
  for (const entry of entries) {
    batch.update(doc(firestore, pathOf(entry.entity, entry.id)), { status, ...stamps });
  }
  await batch.commit();
}

/** Records that the entry is still current (e.g. after a phone call). */
export async function confirmEntry(entity: DirectoryEntity, id: string): Promise<void> {
  await updateDoc(doc(await db(), pathOf(entity, id)), {
    lastConfirmedAt: serverTimestamp(),
    ...(await updateStamps()),
  });
}

/** Deletes for good; rules allow it only when every listed network is the user's. */
export async function deleteEntry(entity: DirectoryEntity, id: string): Promise<void> {
  await deleteDoc(doc(await db(), pathOf(entity, id)));
}

/** Firestore takes up to 500 writes per batch; smaller batches show progress and fail smaller. */
export const IMPORT_BATCH_SIZE = 100;

export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Creates the parsed rows as new entries, IMPORT_BATCH_SIZE per batch, one batch after the
 * other. Returns the ids created so far with the error that stopped it (if any), so the page can
 * show what was imported and offer the rest again.
 */
export async function importEntries(
  entity: DirectoryEntity,
  inputs: readonly (ActorFields | OfferFields)[],
  onProgress: (progress: ImportProgress) => void,
): Promise<{ ids: string[]; error: unknown }> {
  const firestore: Firestore = await db();
  const stamps = await createStamps();
  const ids: string[] = [];
  for (let start = 0; start < inputs.length; start += IMPORT_BATCH_SIZE) {
    const chunk = inputs.slice(start, start + IMPORT_BATCH_SIZE);
    const batch = writeBatch(firestore);
    const chunkIds: string[] = [];
    for (const input of chunk) {
      const ref = doc(collection(firestore, collectionOf(entity)));
      batch.set(ref, { ...input, ...stamps });
      chunkIds.push(ref.id);
    }
    try {
      await batch.commit();
    } catch (error) {
      return { ids, error };
    }
    ids.push(...chunkIds);
    onProgress({ done: ids.length, total: inputs.length });
  }
  return { ids, error: null };
}
