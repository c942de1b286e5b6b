// The review inbox: proposals are written only by functions; coordinators of a listed network
// read them and decide an open one exactly once, accepting the entry in the same batch.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  writeBatch,
} from 'firebase/firestore';
import { describe, expect, it } from 'vitest';
import { ofNetwork, proposalSchema, type Proposal } from '@knotenpunkt/model';
import { actorInput, createStamps, storedActor, T0, updateStamps } from './fixtures.ts';
import { ADMIN, COORD_A, COORD_B, NETWORK_A, NETWORK_B, PUBLIC, SIGNED_IN } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const storedProposal = (over: Partial<Proposal> = {}) =>
  proposalSchema.parse({
    entity: 'actor',
    origin: 'public',
    targetId: null,
    networkIds: [NETWORK_A],
    fields: { name: 'Nähcafé Rheinstadt', kinds: ['Initiative'] },
    proposer: { name: 'Eva Muster', email: 'eva@example.de' },
    status: 'open',
    note: '',
    submittedAt: T0,
    ...over,
  });

const t = rulesTestbed(() => ({
  'proposals/new-actor': storedProposal(),
  'proposals/update-cafe': storedProposal({
    origin: 'upkeep',
    targetId: 'cafe',
    fields: { shortDescription: 'Jetzt auch samstags' },
    proposer: null,
  }),
  'proposals/decided': storedProposal({
    status: 'rejected',
    note: 'Doppelt',
    decidedAt: T0,
    decidedBy: COORD_A.uid,
  }),
  'proposals/b-only': storedProposal({ networkIds: [NETWORK_B] }),
  'actors/cafe': storedActor({ status: 'published' }),
}));

const a = () => t.as(COORD_A);

const decision = (uid: string | null, status: 'accepted' | 'rejected' = 'accepted', note = '') => ({
  status,
  note,
  decidedAt: serverTimestamp(),
  decidedBy: uid ?? '',
});

describe('reading proposals', () => {
  it('a coordinator of network A can read a proposal that lists network A', async () => {
    await assertSucceeds(getDoc(doc(a(), 'proposals/new-actor')));
  });

  it('a coordinator of network B cannot read a proposal for network A', async () => {
    await assertFails(getDoc(doc(t.as(COORD_B), 'proposals/new-actor')));
  });

  it('a visitor, a signed-in user without membership and an admin cannot read proposals', async () => {
    for (const persona of [PUBLIC, SIGNED_IN, ADMIN]) {
      await assertFails(getDoc(doc(t.as(persona), 'proposals/new-actor')));
    }
  });

  it('a coordinator can list the proposals of their network, but not all proposals', async () => {
    const proposals = collection(a(), 'proposals');
    await assertSucceeds(getDocs(query(proposals, where(...ofNetwork(NETWORK_A)))));
    await assertSucceeds(
      getDocs(query(proposals, where(...ofNetwork(NETWORK_A)), where('status', '==', 'open'))),
    );
    await assertFails(getDocs(proposals));
    await assertFails(getDocs(query(proposals, where(...ofNetwork(NETWORK_B)))));
  });
});

describe('deciding proposals', () => {
  it('a coordinator of network A can reject an open proposal with a note', async () => {
    await assertSucceeds(
      updateDoc(
        doc(a(), 'proposals/new-actor'),
        decision(COORD_A.uid, 'rejected', 'Gibt es schon'),
      ),
    );
  });

  it('a coordinator cannot decide a proposal twice', async () => {
    await assertFails(updateDoc(doc(a(), 'proposals/decided'), decision(COORD_A.uid)));
  });

  it('a coordinator cannot change the proposed fields or the networks', async () => {
    await assertFails(
      updateDoc(doc(a(), 'proposals/new-actor'), {
        ...decision(COORD_A.uid),
        fields: { name: 'Anders' },
      }),
    );
    await assertFails(
      updateDoc(doc(a(), 'proposals/new-actor'), {
        ...decision(COORD_A.uid),
        networkIds: [NETWORK_A, NETWORK_B],
      }),
    );
  });

  it('a coordinator cannot sign a decision with another uid or a made-up time', async () => {
    await assertFails(updateDoc(doc(a(), 'proposals/new-actor'), decision(COORD_B.uid)));
    await assertFails(
      updateDoc(doc(a(), 'proposals/new-actor'), { ...decision(COORD_A.uid), decidedAt: T0 }),
    );
  });

  it('a coordinator cannot set a status other than accepted or rejected', async () => {
    await assertFails(
      updateDoc(doc(a(), 'proposals/new-actor'), { ...decision(COORD_A.uid), status: 'open' }),
    );
  });

  it('a coordinator cannot write a note longer than 1000 characters', async () => {
    await assertFails(
      updateDoc(
        doc(a(), 'proposals/new-actor'),
        decision(COORD_A.uid, 'rejected', 'x'.repeat(1001)),
      ),
    );
  });

  it('a coordinator of network B cannot decide a proposal for network A', async () => {
    await assertFails(updateDoc(doc(t.as(COORD_B), 'proposals/new-actor'), decision(COORD_B.uid)));
  });

  it('nobody creates or deletes proposals from a client, not even a coordinator', async () => {
    await assertFails(setDoc(doc(a(), 'proposals/mine'), storedProposal()));
    await assertFails(setDoc(doc(t.as(PUBLIC), 'proposals/mine'), storedProposal()));
    await assertFails(deleteDoc(doc(a(), 'proposals/decided')));
  });
});

describe('accepting writes the entry and the decision in one batch', () => {
  it('a coordinator can create the proposed actor and accept the proposal together', async () => {
    const batch = writeBatch(a());
    batch.set(doc(a(), 'actors/naehcafe'), {
      ...actorInput({ name: 'Nähcafé Rheinstadt', kinds: ['Initiative'] }),
      ...createStamps(COORD_A.uid),
    });
    batch.update(doc(a(), 'proposals/new-actor'), decision(COORD_A.uid));
    await assertSucceeds(batch.commit());
  });

  it('a coordinator can apply an update proposal to the actor and accept it', async () => {
    const batch = writeBatch(a());
    batch.update(doc(a(), 'actors/cafe'), {
      shortDescription: 'Jetzt auch samstags',
      ...updateStamps(COORD_A.uid),
    });
    batch.update(doc(a(), 'proposals/update-cafe'), decision(COORD_A.uid));
    await assertSucceeds(batch.commit());
  });

  it('when a proposal was already decided, the entry is not written either', async () => {
    const batch = writeBatch(a());
    batch.update(doc(a(), 'actors/cafe'), { name: 'Überschrieben', ...updateStamps(COORD_A.uid) });
    batch.update(doc(a(), 'proposals/decided'), decision(COORD_A.uid));
    await assertFails(batch.commit());
    const cafe = await getDoc(doc(a(), 'actors/cafe'));
    expect(cafe.get('name')).toBe('Café International e. V.');
  });
});
