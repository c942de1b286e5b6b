import { z } from 'zod';
import { actorInputSchema } from './actor.ts';
import { offerInputSchema } from './offer.ts';
import { docId } from './primitives.ts';

// The published directory: what public pages read instead of the actors and offers themselves.
// A function (functions/src/directory) keeps it on every actor/offer write; nothing else writes it.
//
//   public/directory                 head: { schemaVersion, shards, data, updatedAt }
//   public/directory/shards/{k}      further shards (k ≥ 1) only when one is not enough
//   public/directory/actors/{id}     one published actor's public fields { data, updatedAt }
//   public/directory/offers/{id}     one published offer's public fields  { data, updatedAt }
//
// A shard's `data` is the JSON of a DirectoryShard: compact summaries of every published actor and
// offer whose id hashes to it (shardOf). With one shard (up to about 1,500 typical entries) a list
// page costs one document read; a detail page adds the entry document. JSON in a single string
// field keeps the document small (map keys are not repeated in Firestore's size accounting) and lets
// a public page read it with a plain fetch of the REST API and one JSON.parse, without any SDK.
//
// Only fields named below are ever copied: an allowlist, so internal fields added to actors or
// offers later (notes, contacts, networks, audit) cannot leak. Contacts are never part of it.

export const DIRECTORY_SNAPSHOT_VERSION = 1;

/** Shards are written well under Firestore's 1 MiB document limit… */
export const SHARD_MAX_BYTES = 900_000;
/** …and a rebuild aims for this size, leaving room to grow until the next rebuild. */
export const SHARD_TARGET_BYTES = 600_000;
/** Summaries carry this much of the "Unterstützung gesucht" text; the entry document has it all. */
export const SUMMARY_SUPPORT_MAX = 160;

const actorPublic = actorInputSchema.pick({
  name: true,
  kinds: true,
  shortDescription: true,
  description: true,
  fieldsOfAction: true,
  targetGroups: true,
  languages: true,
  address: true,
  coordinates: true,
  municipality: true,
  district: true,
  website: true,
  publicContact: true,
  supportWanted: true,
}).shape;

const offerPublic = offerInputSchema.pick({
  actorIds: true,
  title: true,
  shortDescription: true,
  description: true,
  offerTypes: true,
  fieldsOfAction: true,
  targetGroups: true,
  languages: true,
  place: true,
  schedule: true,
  cost: true,
  free: true,
  registrationRequired: true,
  registration: true,
  childcare: true,
  barrierFree: true,
}).shape;

/** When the entry was last changed, as shown on its page ("Stand"); ISO 8601. */
const isoDate = z.iso.datetime();

/** public/directory/actors/{id}: a published actor's page. */
export const publicActorSchema = z.strictObject({
  ...actorPublic,
  id: docId,
  updatedAt: isoDate,
});
export type PublicActor = z.infer<typeof publicActorSchema>;

/** public/directory/offers/{id}: a published offer's page. */
export const publicOfferSchema = z.strictObject({
  ...offerPublic,
  id: docId,
  updatedAt: isoDate,
});
export type PublicOffer = z.infer<typeof publicOfferSchema>;

/**
 * One actor in the list: what cards, filters, search, the map and the printed list need (the
 * organisation's public contact included, so a printout is useful on its own).
 */
export const actorSummarySchema = publicActorSchema.pick({
  id: true,
  name: true,
  kinds: true,
  shortDescription: true,
  fieldsOfAction: true,
  targetGroups: true,
  languages: true,
  address: true,
  municipality: true,
  district: true,
  coordinates: true,
  website: true,
  publicContact: true,
  supportWanted: true,
});
export type ActorSummary = z.infer<typeof actorSummarySchema>;

/** One offer in the list. Its place (Ort/Stadtteil) comes from its actors, in the browser. */
export const offerSummarySchema = publicOfferSchema.pick({
  id: true,
  title: true,
  actorIds: true,
  shortDescription: true,
  offerTypes: true,
  fieldsOfAction: true,
  targetGroups: true,
  languages: true,
  place: true,
  schedule: true,
  free: true,
  registrationRequired: true,
  childcare: true,
  barrierFree: true,
});
export type OfferSummary = z.infer<typeof offerSummarySchema>;

/** The JSON in a shard's `data`: summaries by id. */
export const directoryShardSchema = z.strictObject({
  actors: z.record(z.string(), actorSummarySchema),
  offers: z.record(z.string(), offerSummarySchema),
});
export type DirectoryShard = z.infer<typeof directoryShardSchema>;

export const DIRECTORY_ENTITIES = ['actor', 'offer'] as const;
export type DirectoryEntity = (typeof DIRECTORY_ENTITIES)[number];

/** What a public page works with once every shard is read. */
export interface DirectorySnapshot {
  actors: ActorSummary[];
  offers: OfferSummary[];
  updatedAt: Date | null;
}

// ---------------------------------------------------------------- projections (functions only)

/** Reads only the public fields of a stored actor (unknown and internal keys are dropped). */
export const actorPublicSourceSchema = z.object(actorPublic);
/** Reads only the public fields of a stored offer. */
export const offerPublicSourceSchema = z.object(offerPublic);

/**
 * The public page of a stored actor (its document data as read, status checked by the caller).
 * Throws a ZodError when the stored fields do not parse; such an entry is not published.
 */
export function toPublicActor(id: string, actor: unknown, updatedAt: Date): PublicActor {
  return publicActorSchema.parse({
    ...actorPublicSourceSchema.parse(actor),
    id,
    updatedAt: updatedAt.toISOString(),
  });
}

/** The public page of a stored offer; throws a ZodError when its fields do not parse. */
export function toPublicOffer(id: string, offer: unknown, updatedAt: Date): PublicOffer {
  return publicOfferSchema.parse({
    ...offerPublicSourceSchema.parse(offer),
    id,
    updatedAt: updatedAt.toISOString(),
  });
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function actorSummary(actor: PublicActor): ActorSummary {
  return {
    id: actor.id,
    name: actor.name,
    kinds: actor.kinds,
    shortDescription: actor.shortDescription,
    fieldsOfAction: actor.fieldsOfAction,
    targetGroups: actor.targetGroups,
    languages: actor.languages,
    address: actor.address,
    // The town is the place when no municipality is given, so every entry can be filtered by Ort.
    municipality: actor.municipality || actor.address.city,
    district: actor.district,
    coordinates: actor.coordinates,
    website: actor.website,
    publicContact: actor.publicContact,
    supportWanted: clip(actor.supportWanted, SUMMARY_SUPPORT_MAX),
  };
}

export function offerSummary(offer: PublicOffer): OfferSummary {
  return {
    id: offer.id,
    title: offer.title,
    actorIds: offer.actorIds,
    shortDescription: offer.shortDescription,
    offerTypes: offer.offerTypes,
    fieldsOfAction: offer.fieldsOfAction,
    targetGroups: offer.targetGroups,
    languages: offer.languages,
    place: offer.place,
    schedule: offer.schedule,
    free: offer.free,
    registrationRequired: offer.registrationRequired,
    childcare: offer.childcare,
    barrierFree: offer.barrierFree,
  };
}

// ---------------------------------------------------------------- sharding

/** FNV-1a over the id's UTF-16 code units: stable, fast, evenly spread for document ids. */
export function shardOf(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return shards <= 1 ? 0 : hash % shards;
}

export function emptyShard(): DirectoryShard {
  return { actors: {}, offers: {} };
}

/** Deterministic JSON (entries by id), so a rebuild and a sequence of edits write the same text. */
export function serializeShard(shard: DirectoryShard): string {
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]),
    );
  return JSON.stringify({ actors: sorted(shard.actors), offers: sorted(shard.offers) });
}
