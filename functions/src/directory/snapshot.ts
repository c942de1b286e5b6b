import {
  FieldPath,
  FieldValue,
  type DocumentSnapshot,
  type Firestore,
} from 'firebase-admin/firestore';
import {
  DIRECTORY_SNAPSHOT_VERSION,
  SHARD_MAX_BYTES,
  SHARD_TARGET_BYTES,
  emptyShard,
  paths,
  serializeShard,
  shardOf,
  type DirectoryEntity,
  type DirectoryShard,
} from '@knotenpunkt/model';
import { tryLease, type Lease } from './lease.ts';
import {
  PAGE_COLLECTIONS,
  SOURCES,
  parseShard,
  place,
  publicEntry,
  shardRef,
  syncPage,
  utf8Bytes,
  writeShard,
} from './publish.ts';

// Keeps the published directory (model/src/directorySnapshot.ts) in step with actors and offers.
//
// Events arrive at least once and in any order, so no event's payload is applied: every write
// marks its entry as pending (directoryQueue/{entity}-{id}) and whoever holds the lease drains the
// queue, re-reading each entry's current document inside one transaction per batch (apply by id).
// A burst of edits (an import, the seed) thus costs a few transactions instead of one contended
// transaction per edit on the one head document, which stalled the emulator for minutes (100
// concurrent applies: 148 s; drained: under 1 s). A rebuild derives everything from the collections;
// running either twice writes nothing the second time.

/** Document reads and writes an operation cost (the bench prints them). */
export interface SnapshotCost {
  reads: number;
  writes: number;
}

export interface DrainResult extends SnapshotCost {
  /** Entries applied; 0 when another invocation held the lease (it applies ours too). */
  applied: number;
  rebuilt: boolean;
}

const LEASE_MS = 60_000;
/** Entries per transaction: each costs up to 3 reads and 2 writes (page, queue mark). */
const BATCH = 100;
/** Gives up after this many rounds of someone else's lease expiring under us (never in practice). */
const MAX_ROUNDS = 20;

const queueId = (entity: DirectoryEntity, id: string) => `${entity}-${id}`;

function fromQueueId(queueDocId: string): { entity: DirectoryEntity; id: string } | null {
  const dash = queueDocId.indexOf('-');
  const entity = queueDocId.slice(0, dash);
  if (entity !== 'actor' && entity !== 'offer') return null;
  return { entity, id: queueDocId.slice(dash + 1) };
}

/** The trigger's work: mark the entry, then drain (or leave it to the invocation that drains). */
export async function handleDirectoryWrite(
  db: Firestore,
  entity: DirectoryEntity,
  id: string,
): Promise<DrainResult> {
  await db
    .doc(paths.directoryQueueItem(queueId(entity, id)))
    .set({ markedAt: FieldValue.serverTimestamp() });
  const drained = await drainDirectoryQueue(db);
  return { ...drained, writes: drained.writes + 1 };
}

/**
 * Applies every pending entry while holding the lease. After giving the lease back it looks once
 * more: an entry marked while the lease was held, by an invocation that found it held, would
 * otherwise wait for the next edit.
 */
export async function drainDirectoryQueue(db: Firestore): Promise<DrainResult> {
  const total: DrainResult = { reads: 0, writes: 0, applied: 0, rebuilt: false };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const lease = await tryLease(db, paths.directoryLease(), LEASE_MS);
    total.writes++;
    if (!lease) return total;
    try {
      await drainHeld(db, lease, total);
    } finally {
      await lease.release();
      total.writes++;
    }
    const again = await db.collection(paths.directoryQueue()).limit(1).get();
    total.reads++;
    if (again.empty) return total;
  }
  return total;
}

async function drainHeld(db: Firestore, lease: Lease, total: DrainResult) {
  for (let first = true; ; first = false) {
    // A long drain (thousands of entries) keeps the lease alive between batches.
    if (!first) {
      if (!(await lease.renew())) return;
      total.writes++;
    }
    const pending = await db
      .collection(paths.directoryQueue())
      .orderBy(FieldPath.documentId())
      .limit(BATCH)
      .get();
    total.reads += Math.max(1, pending.size);
    if (pending.empty) return;
    const batch = await applyBatch(db, pending.docs);
    total.reads += batch.reads;
    total.writes += batch.writes;
    total.applied += pending.size;
    if (batch.oversize) {
      const rebuilt = await rebuildShards(db);
      total.reads += rebuilt.reads;
      total.writes += rebuilt.writes;
      total.rebuilt = true;
      continue;
    }
    // A short batch emptied the queue; the look after releasing the lease catches newer marks.
    if (pending.size < BATCH) return;
  }
}

/**
 * One transaction: re-reads the marks, the entries' documents and pages and the shards they hash
 * to, then writes what changed and removes the marks. A mark set again meanwhile makes the
 * transaction retry (it read the mark), so no later edit is lost.
 */
async function applyBatch(db: Firestore, marks: DocumentSnapshot[]) {
  const items = marks
    .map((m) => ({ mark: m, target: fromQueueId(m.id) }))
    .filter((i): i is { mark: DocumentSnapshot; target: NonNullable<typeof i.target> } => {
      return i.target !== null;
    });
  return db.runTransaction(async (tx) => {
    const head = await tx.get(shardRef(db, 0));
    let reads = 1;
    const shards = head.exists ? Number(head.get('shards')) || 1 : 1;
    const versionOk = !head.exists || head.get('schemaVersion') === DIRECTORY_SNAPSHOT_VERSION;
    const refs = items.flatMap(({ mark, target }) => [
      mark.ref,
      db.doc(SOURCES[target.entity].source(target.id)),
      db.doc(SOURCES[target.entity].page(target.id)),
    ]);
    const wanted = [...new Set(items.map((i) => shardOf(i.target.id, shards)))].filter(
      (k) => k !== 0,
    );
    const snaps = await tx.getAll(...refs, ...wanted.map((k) => shardRef(db, k)));
    reads += snaps.length;

    const loaded = new Map<number, DirectoryShard | null>();
    loaded.set(0, head.exists ? parseShard(head) : emptyShard());
    wanted.forEach((k, i) => {
      const snap = snaps[refs.length + i]!;
      loaded.set(k, snap.exists ? parseShard(snap) : emptyShard());
    });
    if (!versionOk || [...loaded.values()].some((s) => s === null)) {
      return { reads, writes: 0, oversize: true };
    }

    let writes = 0;
    const changed = new Set<number>();
    items.forEach(({ mark, target }, i) => {
      const source = snaps[3 * i + 1]!;
      const page = snaps[3 * i + 2]!;
      const entry = publicEntry(target.entity, source);
      const k = shardOf(target.id, shards);
      if (place(loaded.get(k)!, target.entity, target.id, entry)) changed.add(k);
      writes += syncPage(tx, page.ref, page, entry);
      tx.delete(mark.ref);
      writes++;
    });
    for (const k of changed) {
      const data = serializeShard(loaded.get(k)!);
      // Leave the marks for the rebuild that follows, which reshards.
      if (utf8Bytes(data) > SHARD_MAX_BYTES) return { reads, writes: 0, oversize: true };
      writeShard(tx, db, k, shards, data);
      writes++;
    }
    return { reads, writes, oversize: false };
  });
}

export interface RebuildResult extends SnapshotCost {
  actors: number;
  offers: number;
  shards: number;
}

/** As many shards as the target size asks for, more if hashing packs one too full. */
function partition(all: DirectoryShard): string[] {
  const total = utf8Bytes(serializeShard(all));
  for (let n = Math.max(1, Math.ceil(total / SHARD_TARGET_BYTES)); ; n++) {
    const shards = Array.from({ length: n }, emptyShard);
    for (const [id, s] of Object.entries(all.actors)) shards[shardOf(id, n)]!.actors[id] = s;
    for (const [id, s] of Object.entries(all.offers)) shards[shardOf(id, n)]!.offers[id] = s;
    const texts = shards.map(serializeShard);
    if (texts.every((t) => utf8Bytes(t) <= SHARD_MAX_BYTES)) return texts;
  }
}

/** The shards from the published actors and offers, in one transaction. */
async function rebuildShards(db: Firestore): Promise<RebuildResult> {
  return db.runTransaction(async (tx) => {
    const [actors, offers, head, extra] = await Promise.all([
      tx.get(db.collection(paths.actors()).where('status', '==', 'published')),
      tx.get(db.collection(paths.offers()).where('status', '==', 'published')),
      tx.get(shardRef(db, 0)),
      tx.get(db.collection('public/directory/shards')),
    ]);
    const reads = Math.max(1, actors.size) + Math.max(1, offers.size) + 1 + Math.max(1, extra.size);
    const all = emptyShard();
    for (const snap of actors.docs) place(all, 'actor', snap.id, publicEntry('actor', snap));
    for (const snap of offers.docs) place(all, 'offer', snap.id, publicEntry('offer', snap));
    const texts = partition(all);
    const existing = new Map<number, DocumentSnapshot>(extra.docs.map((d) => [Number(d.id), d]));
    existing.set(0, head);
    const headCurrent =
      head.get('shards') === texts.length &&
      head.get('schemaVersion') === DIRECTORY_SNAPSHOT_VERSION;
    let writes = 0;
    texts.forEach((data, k) => {
      if (existing.get(k)?.get('data') === data && (k !== 0 || headCurrent)) return;
      writeShard(tx, db, k, texts.length, data);
      writes++;
    });
    for (const [k, snap] of existing) {
      if (k >= texts.length && snap.exists) {
        tx.delete(snap.ref);
        writes++;
      }
    }
    return {
      reads,
      writes,
      actors: Object.keys(all.actors).length,
      offers: Object.keys(all.offers).length,
      shards: texts.length,
    };
  });
}

/** Public pages are reconciled in transactions of this many entries. */
const PAGE_BATCH = 150;

async function rebuildPages(db: Firestore, entity: DirectoryEntity): Promise<SnapshotCost> {
  const spec = SOURCES[entity];
  // Ids only: every published source and every page that exists.
  const [published, pages] = await Promise.all([
    db
      .collection(entity === 'actor' ? paths.actors() : paths.offers())
      .where('status', '==', 'published')
      .select()
      .get(),
    db.collection(PAGE_COLLECTIONS[entity]).select().get(),
  ]);
  let reads = Math.max(1, published.size) + Math.max(1, pages.size);
  let writes = 0;
  const ids = [...new Set([...published.docs, ...pages.docs].map((d) => d.id))].sort();
  for (let i = 0; i < ids.length; i += PAGE_BATCH) {
    const batch = ids.slice(i, i + PAGE_BATCH);
    writes += await db.runTransaction(async (tx) => {
      const refs = batch.flatMap((id) => [db.doc(spec.source(id)), db.doc(spec.page(id))]);
      const snaps = await tx.getAll(...refs);
      reads += snaps.length;
      let n = 0;
      batch.forEach((_, j) => {
        n += syncPage(tx, refs[2 * j + 1]!, snaps[2 * j + 1]!, publicEntry(entity, snaps[2 * j]!));
      });
      return n;
    });
  }
  return { reads, writes };
}

/**
 * Derives the whole snapshot from the collections: every entry's public page (in batches, each a
 * transaction re-reading its sources), then the shards. Daily against drift, and whenever the
 * snapshot's format changes. Waits briefly for a drain in progress; skips if it stays busy.
 */
export async function handleRebuildDirectory(
  db: Firestore,
  { waitMs = 30_000 }: { waitMs?: number } = {},
): Promise<RebuildResult | null> {
  const deadline = Date.now() + waitMs;
  let lease = await tryLease(db, paths.directoryLease(), LEASE_MS);
  while (!lease && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    lease = await tryLease(db, paths.directoryLease(), LEASE_MS);
  }
  if (!lease) return null;
  try {
    const actorPages = await rebuildPages(db, 'actor');
    const offerPages = await rebuildPages(db, 'offer');
    const shards = await rebuildShards(db);
    return {
      ...shards,
      reads: actorPages.reads + offerPages.reads + shards.reads,
      writes: actorPages.writes + offerPages.writes + shards.writes,
    };
  } finally {
    await lease.release();
    // Edits marked while we held the lease.
    await drainDirectoryQueue(db);
  }
}
