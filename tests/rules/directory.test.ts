// The region's directory is shared: entries list the networks that maintain them. Sharing adds a
// network; nobody takes an entry away from another network.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, setDoc, updateDoc } from 'firebase/firestore';
import { describe, it } from 'vitest';
import {
  actorInput,
  contactInput,
  createStamps,
  storedActor,
  storedContact,
  storedOffer,
  updateStamps,
} from './fixtures.ts';
import { COORD_A, COORD_B, NETWORK_A, NETWORK_B, PUBLIC } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const t = rulesTestbed(() => ({
  'actors/own': storedActor({ status: 'draft', networkIds: [NETWORK_A] }),
  'actors/shared': storedActor({ status: 'draft', networkIds: [NETWORK_A, NETWORK_B] }),
  'actors/b-published': storedActor({ status: 'published', networkIds: [NETWORK_B] }),
  'actors/a-archived': storedActor({ status: 'archived', networkIds: [NETWORK_A] }),
  'offers/shared': storedOffer({ status: 'draft', networkIds: [NETWORK_A, NETWORK_B] }),
  'contacts/shared': storedContact({ networkIds: [NETWORK_A, NETWORK_B] }),
}));

const a = () => t.as(COORD_A);
const stampA = () => updateStamps(COORD_A.uid);

describe('sharing directory entries between networks', () => {
  it('a coordinator of network A can share an actor with network B', async () => {
    await assertSucceeds(
      updateDoc(doc(a(), 'actors/own'), { networkIds: [NETWORK_A, NETWORK_B], ...stampA() }),
    );
    await assertSucceeds(getDoc(doc(t.as(COORD_B), 'actors/own')));
  });

  it('a coordinator of network A cannot remove network B from a shared actor', async () => {
    await assertFails(
      updateDoc(doc(a(), 'actors/shared'), { networkIds: [NETWORK_A], ...stampA() }),
    );
  });

  it('a coordinator of network A can hand a shared actor over to network B', async () => {
    await assertSucceeds(
      updateDoc(doc(a(), 'actors/shared'), { networkIds: [NETWORK_B], ...stampA() }),
    );
    await assertFails(getDoc(doc(a(), 'actors/shared')));
  });

  it('a coordinator of network A cannot delete an actor that network B also lists', async () => {
    await assertFails(deleteDoc(doc(a(), 'actors/shared')));
    await assertSucceeds(deleteDoc(doc(a(), 'actors/own')));
  });

  it('a coordinator of network B can edit a shared offer and read a shared contact', async () => {
    await assertSucceeds(
      updateDoc(doc(t.as(COORD_B), 'offers/shared'), {
        place: 'Bürgerhaus',
        ...updateStamps(COORD_B.uid),
      }),
    );
    await assertSucceeds(getDoc(doc(t.as(COORD_B), 'contacts/shared')));
  });

  it('a coordinator of network A cannot remove network B from a shared contact', async () => {
    await assertFails(
      updateDoc(doc(a(), 'contacts/shared'), { networkIds: [NETWORK_A], ...stampA() }),
    );
  });
});

describe('creating directory entries', () => {
  it('a coordinator of network A can create an actor listing networks A and B', async () => {
    await assertSucceeds(
      setDoc(doc(a(), 'actors/new'), {
        ...actorInput({ networkIds: [NETWORK_A, NETWORK_B] }),
        ...createStamps(COORD_A.uid),
      }),
    );
  });

  it('a coordinator of network A cannot create an actor that only network B lists', async () => {
    await assertFails(
      setDoc(doc(a(), 'actors/new'), {
        ...actorInput({ networkIds: [NETWORK_B] }),
        ...createStamps(COORD_A.uid),
      }),
    );
  });

  it('a coordinator of network A cannot create a contact for network B alone', async () => {
    await assertFails(
      setDoc(doc(a(), 'contacts/new'), {
        ...contactInput({ networkIds: [NETWORK_B] }),
        ...createStamps(COORD_A.uid),
      }),
    );
  });
});

describe('published, draft and archived entries', () => {
  it('a coordinator of network A can read but not edit a published actor of network B', async () => {
    await assertSucceeds(getDoc(doc(a(), 'actors/b-published')));
    await assertFails(
      updateDoc(doc(a(), 'actors/b-published'), { name: 'Übernommen', ...stampA() }),
    );
  });

  it('a visitor cannot read an archived actor', async () => {
    await assertFails(getDoc(doc(t.as(PUBLIC), 'actors/a-archived')));
    await assertSucceeds(getDoc(doc(a(), 'actors/a-archived')));
  });

  it('a visitor cannot read a shared contact, a coordinator of either network can', async () => {
    await assertFails(getDoc(doc(t.as(PUBLIC), 'contacts/shared')));
    await assertSucceeds(getDoc(doc(a(), 'contacts/shared')));
  });
});
