// Bad input never reaches Firestore: the rules refuse unknown keys, wrong types, oversized values,
// claimed authors and times, and changes to fields that never change. Each group starts with the
// valid write, so a refusal below is about the one thing that differs.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { doc, serverTimestamp, setDoc, updateDoc, type DocumentData } from 'firebase/firestore';
import { describe, it } from 'vitest';
import {
  actorInput,
  contactInput,
  createStamps,
  meetingInput,
  offerInput,
  questionnaireInput,
  storedActor,
  storedMeeting,
  storedWorkingGroup,
  updateStamps,
  workingGroupInput,
  T0,
} from './fixtures.ts';
import { COORD_A, NETWORK_A } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const t = rulesTestbed(() => ({
  'actors/cafe': storedActor({ status: 'draft' }),
  [`networks/${NETWORK_A}/meetings/m1`]: storedMeeting(),
  [`networks/${NETWORK_A}/workingGroups/wg1`]: storedWorkingGroup(),
}));

const db = () => t.as(COORD_A);
const uid = COORD_A.uid;
const create = (path: string, data: DocumentData) => setDoc(doc(db(), path), data);
const update = (path: string, data: DocumentData) => updateDoc(doc(db(), path), data);
const newActor = (over: DocumentData = {}) => ({ ...actorInput(), ...createStamps(uid), ...over });

describe('actors: shape of a new entry', () => {
  it('a coordinator can create a complete actor of their network', async () => {
    await assertSucceeds(create('actors/new', newActor()));
  });

  it('a coordinator cannot create an actor with an unknown key', async () => {
    await assertFails(create('actors/new', newActor({ featured: true })));
  });

  it('a coordinator cannot create an actor with a field missing', async () => {
    const { supportWanted: _dropped, ...incomplete } = newActor();
    await assertFails(create('actors/new', incomplete));
  });

  it('a coordinator cannot create an actor whose networkIds is not a list', async () => {
    await assertFails(create('actors/new', newActor({ networkIds: NETWORK_A })));
  });

  it('a coordinator cannot list eleven networks or the same network twice', async () => {
    const eleven = [NETWORK_A, ...Array.from({ length: 10 }, (_, i) => `n${i}`)];
    await assertFails(create('actors/new', newActor({ networkIds: eleven })));
    await assertFails(create('actors/new', newActor({ networkIds: [NETWORK_A, NETWORK_A] })));
  });

  it('a coordinator cannot create an actor with an unknown status', async () => {
    await assertFails(create('actors/new', newActor({ status: 'deleted' })));
  });

  it('a coordinator cannot create an actor with an empty or oversized name', async () => {
    await assertFails(create('actors/new', newActor({ name: '' })));
    await assertFails(create('actors/new', newActor({ name: 'x'.repeat(201) })));
  });

  it('a coordinator cannot create an actor with coordinates that are not numbers', async () => {
    await assertFails(create('actors/new', newActor({ coordinates: { lat: '51', lng: '7' } })));
  });

  it('a coordinator cannot claim another author or a client-side time', async () => {
    await assertFails(create('actors/new', newActor({ updatedBy: 'coord-b' })));
    await assertFails(create('actors/new', newActor({ createdAt: T0 })));
    await assertFails(create('actors/new', newActor({ updatedAt: new Date() })));
  });
});

describe('actors: updates', () => {
  it('a coordinator can update an actor with fresh stamps', async () => {
    await assertSucceeds(update('actors/cafe', { name: 'Café Global', ...updateStamps(uid) }));
  });

  it('a coordinator cannot update an actor without stamping the time and author', async () => {
    await assertFails(update('actors/cafe', { name: 'Café Global' }));
    await assertFails(update('actors/cafe', { name: 'Café Global', updatedAt: serverTimestamp() }));
  });

  it('a coordinator cannot change when an actor was created', async () => {
    await assertFails(
      update('actors/cafe', { createdAt: serverTimestamp(), ...updateStamps(uid) }),
    );
  });

  it('a coordinator cannot add an unknown key or a wrong type on update', async () => {
    await assertFails(update('actors/cafe', { verified: true, ...updateStamps(uid) }));
    await assertFails(update('actors/cafe', { kinds: 'Verein', ...updateStamps(uid) }));
    await assertFails(update('actors/cafe', { status: 'gelöscht', ...updateStamps(uid) }));
  });
});

describe('offers and contacts', () => {
  it('a coordinator can create an offer and a contact of their network', async () => {
    await assertSucceeds(create('offers/new', { ...offerInput(), ...createStamps(uid) }));
    await assertSucceeds(create('contacts/new', { ...contactInput(), ...createStamps(uid) }));
  });

  it('a coordinator cannot create an offer with a yes/no field as text', async () => {
    await assertFails(create('offers/new', { ...offerInput(), free: 'ja', ...createStamps(uid) }));
  });

  it('a coordinator cannot create an offer without an actor', async () => {
    await assertFails(
      create('offers/new', { ...offerInput(), actorIds: [], ...createStamps(uid) }),
    );
  });

  it('a coordinator cannot create a contact of an unknown kind or without consent record', async () => {
    const contact = { ...contactInput(), ...createStamps(uid) };
    await assertFails(create('contacts/new', { ...contact, kind: 'boss' }));
    await assertFails(create('contacts/new', { ...contact, consent: true }));
  });
});

describe('networks: the profile', () => {
  const path = `networks/${NETWORK_A}`;

  it('a coordinator can edit the profile of their network', async () => {
    await assertSucceeds(
      update(path, { description: 'Wir treffen uns monatlich.', updatedAt: serverTimestamp() }),
    );
  });

  it('a coordinator cannot change the slug or the creation time of their network', async () => {
    await assertFails(update(path, { slug: 'neu', updatedAt: serverTimestamp() }));
    await assertFails(update(path, { createdAt: serverTimestamp(), updatedAt: serverTimestamp() }));
  });

  it('a coordinator cannot add fields to the network document', async () => {
    await assertFails(update(path, { owner: uid, updatedAt: serverTimestamp() }));
  });

  it('a coordinator cannot save the profile without updatedAt = request time', async () => {
    await assertFails(update(path, { name: 'Netzwerk A' }));
    await assertFails(update(path, { name: 'Netzwerk A', updatedAt: T0 }));
  });

  it('a coordinator cannot store wrong types in the profile', async () => {
    await assertFails(update(path, { public: 'ja', updatedAt: serverTimestamp() }));
    await assertFails(
      update(path, { contactPersons: 'Frau Yilmaz', updatedAt: serverTimestamp() }),
    );
    await assertFails(update(path, { name: '', updatedAt: serverTimestamp() }));
  });
});

describe('meetings and working groups', () => {
  const meetings = `networks/${NETWORK_A}/meetings`;
  const newMeeting = (over: DocumentData = {}) => ({
    ...meetingInput(),
    ...createStamps(uid),
    ...over,
  });

  it('a coordinator can plan a meeting', async () => {
    await assertSucceeds(create(`${meetings}/new`, newMeeting()));
  });

  it('a coordinator cannot plan a meeting that ends before it starts', async () => {
    await assertFails(create(`${meetings}/new`, newMeeting({ end: new Date('2026-12-01') })));
  });

  it('a coordinator cannot plan a meeting of an unknown kind or with zero places', async () => {
    await assertFails(create(`${meetings}/new`, newMeeting({ kind: 'Party' })));
    await assertFails(create(`${meetings}/new`, newMeeting({ capacity: 0 })));
  });

  it('a coordinator cannot set a registration deadline after the start', async () => {
    await assertFails(
      create(`${meetings}/new`, newMeeting({ registrationDeadline: new Date('2026-12-24') })),
    );
  });

  it('a coordinator cannot make a meeting public with a text value', async () => {
    await assertFails(update(`${meetings}/m1`, { public: 'true', ...updateStamps(uid) }));
  });

  it('a coordinator cannot give a working group an unknown key', async () => {
    const wg = `networks/${NETWORK_A}/workingGroups`;
    await assertSucceeds(create(`${wg}/new`, { ...workingGroupInput(), ...createStamps(uid) }));
    await assertFails(
      create(`${wg}/other`, { ...workingGroupInput(), budget: 100, ...createStamps(uid) }),
    );
    await assertFails(update(`${wg}/wg1`, { members: 'alle', ...updateStamps(uid) }));
  });

  it('a coordinator cannot create a questionnaire that is already open', async () => {
    const q = `networks/${NETWORK_A}/questionnaires`;
    await assertSucceeds(create(`${q}/draft`, { ...questionnaireInput(), ...createStamps(uid) }));
    await assertFails(
      create(`${q}/open`, { ...questionnaireInput({ status: 'open' }), ...createStamps(uid) }),
    );
  });
});
