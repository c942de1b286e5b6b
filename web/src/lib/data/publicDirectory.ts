// The published directory for public pages (model/src/directorySnapshot.ts): one document read for
// the lists (more only when the directory outgrows one shard), one more for an entry's page. Plain
// fetches of Firestore's REST API: no SDK, no Auth, nothing from a third party. The content is
// written by our function after parsing it with the model's schemas; here its shape is checked
// cheaply instead of parsing it again with zod, which would add its weight to every public page.
import {
  DIRECTORY_SNAPSHOT_VERSION,
  paths,
  type ActorSummary,
  type DirectoryShard,
  type OfferSummary,
  type PublicActor,
  type PublicOffer,
} from '@knotenpunkt/model';
import { RestError, getPublicDocument } from '$lib/firebase/rest';

export interface Directory {
  /** Sorted by name / title (German collation). */
  actors: ActorSummary[];
  offers: OfferSummary[];
  actorById: ReadonlyMap<string, ActorSummary>;
  offerById: ReadonlyMap<string, OfferSummary>;
  /** The published offers of each actor, by title. */
  offersByActor: ReadonlyMap<string, OfferSummary[]>;
  /** When the snapshot last changed (the newest shard). */
  updatedAt: Date | null;
  /** Documents read to show it (the bench counts them). */
  reads: number;
}

/** Lists and detail pages share one load per visit; a minute later the next page reads again. */
const FRESH_MS = 60_000;
let cached: { at: number; promise: Promise<Directory> } | undefined;

function invalid(path: string): never {
  throw new RestError('invalid-data', `Ungültige Daten in ${path}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseShard(path: string, text: unknown): DirectoryShard {
  if (typeof text !== 'string') invalid(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    invalid(path);
  }
  if (!isRecord(value) || !isRecord(value.actors) || !isRecord(value.offers)) invalid(path);
  return value as unknown as DirectoryShard;
}

const collator = new Intl.Collator('de');

async function fetchDirectory(): Promise<Directory> {
  const headPath = paths.publicDirectory();
  const head = await getPublicDocument(headPath, ['schemaVersion', 'shards', 'data', 'updatedAt']);
  const actors: ActorSummary[] = [];
  const offers: OfferSummary[] = [];
  let updatedAt: Date | null = null;
  let reads = 1;
  if (head) {
    if (head.schemaVersion !== DIRECTORY_SNAPSHOT_VERSION) invalid(headPath);
    const shards = typeof head.shards === 'number' ? head.shards : 1;
    const rest = await Promise.all(
      Array.from({ length: shards - 1 }, (_, i) =>
        getPublicDocument(paths.publicDirectoryShard(i + 1), ['data', 'updatedAt']),
      ),
    );
    reads += rest.length;
    for (const [i, doc] of [head, ...rest].entries()) {
      const path = i === 0 ? headPath : paths.publicDirectoryShard(i);
      if (!doc) invalid(path);
      const shard = parseShard(path, doc.data);
      actors.push(...Object.values(shard.actors));
      offers.push(...Object.values(shard.offers));
      if (doc.updatedAt instanceof Date && (!updatedAt || doc.updatedAt > updatedAt)) {
        updatedAt = doc.updatedAt;
      }
    }
  }
  actors.sort((a, b) => collator.compare(a.name, b.name));
  offers.sort((a, b) => collator.compare(a.title, b.title));
  const offersByActor = new Map<string, OfferSummary[]>();
  for (const offer of offers) {
    for (const actorId of offer.actorIds) {
      const list = offersByActor.get(actorId) ?? [];
      list.push(offer);
      offersByActor.set(actorId, list);
    }
  }
  return {
    actors,
    offers,
    actorById: new Map(actors.map((a) => [a.id, a])),
    offerById: new Map(offers.map((o) => [o.id, o])),
    offersByActor,
    updatedAt,
    reads,
  };
}

/** The whole published directory (all shards). */
export function loadDirectory(now = Date.now()): Promise<Directory> {
  if (!cached || now - cached.at > FRESH_MS) {
    const promise = fetchDirectory().catch((error: unknown) => {
      cached = undefined; // let the next attempt try again
      throw error;
    });
    cached = { at: now, promise };
  }
  return cached.promise;
}

async function loadPage<T extends { id: string }>(path: string, id: string): Promise<T | null> {
  // Ids come from the address bar; only plausible document ids reach the request.
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) return null;
  const doc = await getPublicDocument(path, ['data']);
  if (!doc) return null;
  if (typeof doc.data !== 'string') invalid(path);
  let value: unknown;
  try {
    value = JSON.parse(doc.data);
  } catch {
    invalid(path);
  }
  if (!isRecord(value) || value.id !== id) invalid(path);
  return value as unknown as T;
}

/** A published actor's page, or null when there is none (unknown, draft, archived). */
export function loadPublicActor(id: string): Promise<PublicActor | null> {
  return loadPage<PublicActor>(paths.publicActor(id), id);
}

/** A published offer's page, or null when there is none. */
export function loadPublicOffer(id: string): Promise<PublicOffer | null> {
  return loadPage<PublicOffer>(paths.publicOffer(id), id);
}
