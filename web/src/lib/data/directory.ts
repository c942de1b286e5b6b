// The actors and contacts a network maintains, as candidates for working-group members.
// Queries must name the network (rules are not filters): where('networkIds','array-contains',n).
import { collection, onSnapshot, query, where } from 'firebase/firestore';
import {
  CONTACT_KIND_LABELS,
  actorSchema,
  contactSchema,
  paths,
  type WorkingGroupMember,
} from '@knotenpunkt/model';
import { db } from '$lib/firebase/app';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDocs } from './parse.ts';
import { queryDocs } from './snapshot.ts';

export interface MemberCandidate extends WorkingGroupMember {
  /** A short second line: the actor's kinds or the contact's position. */
  detail: string;
  archived: boolean;
}

const byName = (a: MemberCandidate, b: MemberCandidate) => a.name.localeCompare(b.name, 'de');

export function watchNetworkActors(
  networkId: string,
  next: Next<MemberCandidate[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(
      collection(await db(), paths.actors()),
      where('networkIds', 'array-contains', networkId),
    );
    return onSnapshot(
      q,
      (snap) =>
        next(
          parseDocs(actorSchema, queryDocs(snap), (id, actor) => ({
            kind: 'actor' as const,
            id,
            name: actor.name,
            detail: actor.kinds.join(', '),
            archived: actor.status === 'archived',
          })).sort(byName),
        ),
      fail,
    );
  }, fail);
}

export function watchNetworkContacts(
  networkId: string,
  next: Next<MemberCandidate[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(
      collection(await db(), paths.contacts()),
      where('networkIds', 'array-contains', networkId),
    );
    return onSnapshot(
      q,
      (snap) =>
        next(
          parseDocs(contactSchema, queryDocs(snap), (id, contact) => ({
            kind: 'contact' as const,
            id,
            name: contact.name,
            detail: [contact.position, CONTACT_KIND_LABELS[contact.kind]]
              .filter(Boolean)
              .join(', '),
            archived: false,
          })).sort(byName),
        ),
      fail,
    );
  }, fail);
}
