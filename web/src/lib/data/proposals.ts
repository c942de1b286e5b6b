// The review inbox: proposals for the user's networks (written by functions), and deciding them.
// Accepting writes the actor/offer and the decision in one batch, so an entry never changes
// without its proposal being marked, and a proposal someone else decided meanwhile changes nothing
// (rules allow deciding only open proposals).
import {
  collection,
  doc,
  limit,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  where,
  writeBatch,
} from 'firebase/firestore';
import {
  ofNetworks,
  paths,
  proposalSchema,
  type ActorFields,
  type OfferFields,
  type ProposalWithId,
} from '@knotenpunkt/model';
import { db } from '$lib/firebase/app';
import { requireUid } from './auth.ts';
import { queryableNetworks } from './directoryAdmin.ts';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDoc, parseDocs } from './parse.ts';
import { docData, queryDocs } from './snapshot.ts';

/** How many decided proposals the inbox shows (newest first). */
export const DECIDED_SHOWN = 30;

function watchQuery(
  networkIds: readonly string[],
  shape: 'open' | 'decided',
  next: Next<ProposalWithId[]>,
  fail: Fail,
): Unsubscribe {
  const ids = queryableNetworks(networkIds);
  if (ids.length === 0) {
    next([]);
    return () => {};
  }
  return listenLater(async () => {
    const proposals = collection(await db(), paths.proposals());
    const q =
      shape === 'open'
        ? query(proposals, where(...ofNetworks(ids)), where('status', '==', 'open'))
        : query(
            proposals,
            where(...ofNetworks(ids)),
            orderBy('decidedAt', 'desc'),
            limit(DECIDED_SHOWN + 20),
          );
    return onSnapshot(
      q,
      (snap) => {
        const items = parseDocs(proposalSchema, queryDocs(snap), (id, value) => ({
          ...value,
          id,
        }));
        next(
          shape === 'open'
            ? items.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
            : items.filter((p) => p.status !== 'open').slice(0, DECIDED_SHOWN),
        );
      },
      fail,
    );
  }, fail);
}

/** Open proposals, oldest first (first come, first served). */
export function watchOpenProposals(
  networkIds: readonly string[],
  next: Next<ProposalWithId[]>,
  fail: Fail,
): Unsubscribe {
  return watchQuery(networkIds, 'open', next, fail);
}

/** The latest decided proposals, newest decision first. */
export function watchDecidedProposals(
  networkIds: readonly string[],
  next: Next<ProposalWithId[]>,
  fail: Fail,
): Unsubscribe {
  return watchQuery(networkIds, 'decided', next, fail);
}

export function watchProposal(
  id: string,
  next: Next<ProposalWithId | null>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const path = paths.proposal(id);
    return onSnapshot(
      doc(await db(), path),
      (snap) => {
        try {
          next(
            snap.exists()
              ? { ...parseDoc(proposalSchema, path, docData(snap)), id: snap.id }
              : null,
          );
        } catch (error) {
          fail(error);
        }
      },
      fail,
    );
  }, fail);
}

export interface Acceptance {
  proposalId: string;
  entity: 'actor' | 'offer';
  /** The entry to update, or null to create a new one. */
  targetId: string | null;
  /** The entry as it will be stored, parsed with the entity's input schema. */
  input: ActorFields | OfferFields;
  note: string;
  /** An upkeep answer also confirms the entry as current (lastConfirmedAt = now). */
  confirms: boolean;
}

/** Writes the entry and marks the proposal accepted, atomically. Returns the entry's id. */
export async function acceptProposal(acceptance: Acceptance): Promise<string> {
  const firestore = await db();
  const uid = await requireUid();
  const batch = writeBatch(firestore);
  const entries = acceptance.entity === 'actor' ? paths.actors() : paths.offers();
  let entryId: string;
  if (acceptance.targetId) {
    entryId = acceptance.targetId;
    batch.update(doc(firestore, entries, entryId), {
      ...acceptance.input,
      ...(acceptance.confirms ? { lastConfirmedAt: serverTimestamp() } : {}),
      updatedAt: serverTimestamp(),
      updatedBy: uid,
    });
  } else {
    const ref = doc(collection(firestore, entries));
    entryId = ref.id;
    batch.set(ref, {
      ...acceptance.input,
      lastConfirmedAt: acceptance.confirms ? serverTimestamp() : null,
      createdAt: serverTimestamp(),
      updatedAt: serverTimestamp(),
      updatedBy: uid,
    });
  }
  batch.update(doc(firestore, paths.proposal(acceptance.proposalId)), {
    status: 'accepted',
    note: acceptance.note.trim(),
    decidedAt: serverTimestamp(),
    decidedBy: uid,
  });
  await batch.commit();
  return entryId;
}

export async function rejectProposal(proposalId: string, note: string): Promise<void> {
  const uid = await requireUid();
  await updateDoc(doc(await db(), paths.proposal(proposalId)), {
    status: 'rejected',
    note: note.trim(),
    decidedAt: serverTimestamp(),
    decidedBy: uid,
  });
}
