// lastConfirmedAt on actors and offers ("Eintrag noch aktuell"): older documents lack it; a
// coordinator keeps it or sets it to now, never to a date of their choosing.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { doc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { describe, it } from 'vitest';
import {
  actorInput,
  createStamps,
  offerInput,
  storedActor,
  storedOffer,
  T0,
  updateStamps,
} from './fixtures.ts';
import { COORD_A, COORD_B } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const t = rulesTestbed(() => ({
  'actors/legacy': storedActor(),
  'actors/confirmed': { ...storedActor(), lastConfirmedAt: T0 },
  'offers/legacy': storedOffer(),
}));

const a = () => t.as(COORD_A);
const stamp = () => updateStamps(COORD_A.uid);

describe('confirming directory entries', () => {
  it('a coordinator of network A can mark an actor without confirmation as confirmed now', async () => {
    await assertSucceeds(
      updateDoc(doc(a(), 'actors/legacy'), { lastConfirmedAt: serverTimestamp(), ...stamp() }),
    );
  });

  it('a coordinator of network A can confirm an offer now', async () => {
    await assertSucceeds(
      updateDoc(doc(a(), 'offers/legacy'), { lastConfirmedAt: serverTimestamp(), ...stamp() }),
    );
  });

  it('a coordinator cannot backdate or forward-date a confirmation', async () => {
    await assertFails(
      updateDoc(doc(a(), 'actors/legacy'), {
        lastConfirmedAt: new Date('2030-01-01T00:00:00Z'),
        ...stamp(),
      }),
    );
  });

  it('a coordinator edits a confirmed actor and its confirmation stays as it was', async () => {
    await assertSucceeds(
      updateDoc(doc(a(), 'actors/confirmed'), { name: 'Café International', ...stamp() }),
    );
  });

  it('a coordinator can create an actor with or without an empty confirmation', async () => {
    await assertSucceeds(
      setDoc(doc(a(), 'actors/new-1'), { ...actorInput(), ...createStamps(COORD_A.uid) }),
    );
    await assertSucceeds(
      setDoc(doc(a(), 'actors/new-2'), {
        ...actorInput(),
        lastConfirmedAt: null,
        ...createStamps(COORD_A.uid),
      }),
    );
    await assertSucceeds(
      setDoc(doc(a(), 'offers/new-1'), {
        ...offerInput(),
        lastConfirmedAt: null,
        ...createStamps(COORD_A.uid),
      }),
    );
  });

  it('a coordinator of network B cannot confirm an actor of network A', async () => {
    await assertFails(
      updateDoc(doc(t.as(COORD_B), 'actors/legacy'), {
        lastConfirmedAt: serverTimestamp(),
        ...updateStamps(COORD_B.uid),
      }),
    );
  });

  it('an actor cannot carry other unknown fields beside lastConfirmedAt', async () => {
    await assertFails(updateDoc(doc(a(), 'actors/legacy'), { confirmedBy: 'someone', ...stamp() }));
  });
});
