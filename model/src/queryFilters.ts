// The conditions firestore.rules requires in list queries. Rules are not filters: a query without
// them is refused even when every stored document would be readable. Spread them into the SDK's
// where(): `query(collection(db, paths.actors()), where(...publishedOnly))`.
import { MAX_NETWORKS_PER_ENTRY } from './directory.ts';

type Filter<V> = readonly [
  field: string,
  op: '==' | 'array-contains' | 'array-contains-any',
  value: V,
];

/** Public lists of actors and offers. */
export const publishedOnly: Filter<'published'> = ['status', '==', 'published'];

/** Public lists of networks and of a network's meetings. */
export const publicOnly: Filter<true> = ['public', '==', true];

/** A coordinator's directory entries (actors, offers, contacts) of one of their networks. */
export function ofNetwork(networkId: string): Filter<string> {
  return ['networkIds', 'array-contains', networkId];
}

/**
 * Entries of several of the coordinator's networks in one query. Every id must be one of the
 * user's networks, or the rules refuse the whole query.
 */
export function ofNetworks(networkIds: readonly string[]): Filter<string[]> {
  if (networkIds.length === 0 || networkIds.length > MAX_NETWORKS_PER_ENTRY) {
    throw new RangeError(`ofNetworks needs 1 to ${MAX_NETWORKS_PER_ENTRY} network ids`);
  }
  return ['networkIds', 'array-contains-any', [...networkIds]];
}
