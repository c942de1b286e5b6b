import {
  FieldValue,
  Timestamp,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import {
  DIRECTORY_SNAPSHOT_VERSION,
  actorSummary,
  directoryShardSchema,
  offerSummary,
  paths,
  serializeShard,
  toPublicActor,
  toPublicOffer,
  type DirectoryEntity,
  type DirectoryShard,
  type PublicActor,
  type PublicOffer,
} from '@knotenpunkt/model';

// The pieces the snapshot's writers share: from a stored actor/offer to its public page and
// summary, and how shards and pages are read and written.

export type PublicEntry = PublicActor | PublicOffer;

export const SOURCES = {
  actor: { source: paths.actor, page: paths.publicActor, key: 'actors' },
  offer: { source: paths.offer, page: paths.publicOffer, key: 'offers' },
} as const;

export const PAGE_COLLECTIONS = {
  actor: 'public/directory/actors',
  offer: 'public/directory/offers',
} as const;

export function shardRef(db: Firestore, k: number): DocumentReference {
  return db.doc(k === 0 ? paths.publicDirectory() : paths.publicDirectoryShard(k));
}

export const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** A shard's summaries, or null when its data is missing or unreadable (then: rebuild). */
export function parseShard(snap: DocumentSnapshot): DirectoryShard | null {
  const data: unknown = snap.get('data');
  if (typeof data !== 'string') return null;
  try {
    return directoryShardSchema.parse(JSON.parse(data));
  } catch (error) {
    logger.warn(`directory shard ${snap.ref.path} unreadable`, error);
    return null;
  }
}

function changedAt(snap: DocumentSnapshot): Date {
  const stamp: unknown = snap.get('updatedAt');
  return stamp instanceof Timestamp ? stamp.toDate() : (snap.updateTime?.toDate() ?? new Date(0));
}

/** The public page of an entry, or null when it is not (or no longer) published or unreadable. */
export function publicEntry(entity: DirectoryEntity, snap: DocumentSnapshot): PublicEntry | null {
  if (!snap.exists || snap.get('status') !== 'published') return null;
  try {
    return entity === 'actor'
      ? toPublicActor(snap.id, snap.data(), changedAt(snap))
      : toPublicOffer(snap.id, snap.data(), changedAt(snap));
  } catch (error) {
    logger.warn(`${snap.ref.path} does not parse, left out of the public directory`, error);
    return null;
  }
}

/** Puts an entry's summary into a shard or takes it out; true when the shard changed. */
export function place(
  shard: DirectoryShard,
  entity: DirectoryEntity,
  id: string,
  entry: PublicEntry | null,
): boolean {
  const summary = entry
    ? entity === 'actor'
      ? actorSummary(entry as PublicActor)
      : offerSummary(entry as PublicOffer)
    : null;
  const records = shard[SOURCES[entity].key] as Record<string, unknown>;
  if (JSON.stringify(records[id] ?? null) === JSON.stringify(summary)) return false;
  if (summary) records[id] = summary;
  else delete records[id];
  return true;
}

/** Writes shard k (the head carries the version and the shard count). */
export function writeShard(
  tx: Transaction,
  db: Firestore,
  k: number,
  shards: number,
  shard: DirectoryShard | string,
) {
  const data = typeof shard === 'string' ? shard : serializeShard(shard);
  const doc = k === 0 ? { schemaVersion: DIRECTORY_SNAPSHOT_VERSION, shards, data } : { data };
  tx.set(shardRef(db, k), { ...doc, updatedAt: FieldValue.serverTimestamp() });
}

/** Writes (or deletes) an entry's public page if it differs from the stored one; 0 or 1 writes. */
export function syncPage(
  tx: Transaction,
  ref: DocumentReference,
  stored: DocumentSnapshot,
  entry: PublicEntry | null,
): number {
  if (!entry) {
    if (!stored.exists) return 0;
    tx.delete(ref);
    return 1;
  }
  const data = JSON.stringify(entry);
  if (stored.get('data') === data) return 0;
  tx.set(ref, { data, updatedAt: FieldValue.serverTimestamp() });
  return 1;
}
