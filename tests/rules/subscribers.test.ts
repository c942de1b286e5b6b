// Subscribers are personal data with a consent record (DSGVO Art. 7): coordinators may add people
// whose consent they hold, correct, unsubscribe and erase, but never forge or confirm consent.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  deleteDoc,
  doc,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
} from 'firebase/firestore';
import { describe, it } from 'vitest';
import { emailFor, storedSubscriber, subscriberCreate, subscriberIdOf } from './fixtures.ts';
import { COORD_A, COORD_B, NETWORK_A } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const base = `networks/${NETWORK_A}/subscribers`;
const t = rulesTestbed(async () => ({
  [`${base}/${await subscriberIdOf('anna')}`]: await storedSubscriber('anna'),
  [`${base}/${await subscriberIdOf('pending')}`]: await storedSubscriber('pending', 'pending'),
}));

const ref = async (key: string) => doc(t.as(COORD_A), `${base}/${await subscriberIdOf(key)}`);
const add = async (key: string, over: (d: DocumentData) => DocumentData = (d) => d) =>
  setDoc(await ref(key), over(await subscriberCreate(key)));
const patch = async (key: string, data: DocumentData) =>
  updateDoc(await ref(key), { ...data, updatedAt: serverTimestamp() });

describe('adding subscribers', () => {
  it('a coordinator can add a subscriber whose consent they hold, under the hash of the address', async () => {
    await assertSucceeds(add('ben'));
  });

  it('a coordinator can add a subscriber who still has to confirm', async () => {
    await assertSucceeds(
      add('ben', (d) => ({
        ...d,
        status: 'pending',
        consent: { ...d.consent, confirmedAt: null },
      })),
    );
  });

  it('a coordinator cannot store a subscriber under an id that is not the hash of the address', async () => {
    const data = await subscriberCreate('ben');
    await assertFails(setDoc(doc(t.as(COORD_A), `${base}/ben`), data));
    await assertFails(setDoc(await ref('carla'), data));
  });

  it('a coordinator cannot pretend the person signed up through the public form', async () => {
    await assertFails(add('ben', (d) => ({ ...d, consent: { ...d.consent, form: 'signup' } })));
  });

  it('a coordinator cannot backdate or omit the consent', async () => {
    await assertFails(
      add('ben', (d) => ({ ...d, consent: { ...d.consent, requestedAt: new Date('2020-01-01') } })),
    );
    await assertFails(add('ben', (d) => ({ ...d, consent: { ...d.consent, confirmedAt: null } })));
    await assertFails(add('ben', (d) => ({ ...d, consent: { ...d.consent, textHash: 'abc' } })));
  });

  it('a coordinator cannot store an address with capitals or an unknown key', async () => {
    await assertFails(add('ben', (d) => ({ ...d, email: emailFor('ben').toUpperCase() })));
    await assertFails(add('ben', (d) => ({ ...d, source: 'Messe' })));
  });

  it('a coordinator of network B cannot add a subscriber to network A', async () => {
    const data = await subscriberCreate('ben');
    await assertFails(setDoc(doc(t.as(COORD_B), `${base}/${await subscriberIdOf('ben')}`), data));
  });
});

describe('changing subscribers', () => {
  it('a coordinator can correct the name and interests', async () => {
    await assertSucceeds(patch('anna', { name: 'Anna B.', interests: ['Arbeit'] }));
  });

  it('a coordinator can unsubscribe someone, stamping the time', async () => {
    await assertFails(patch('anna', { status: 'unsubscribed' }));
    await assertSucceeds(
      patch('anna', { status: 'unsubscribed', unsubscribedAt: serverTimestamp() }),
    );
  });

  it('a coordinator cannot confirm a pending subscriber', async () => {
    await assertFails(patch('pending', { status: 'confirmed' }));
  });

  it('a coordinator cannot change the address or the consent record', async () => {
    await assertFails(patch('anna', { email: 'anna.neu@example.de' }));
    await assertFails(patch('anna', { 'consent.textVersion': '2027-01' }));
  });

  it('a coordinator can erase a subscriber on request', async () => {
    await assertSucceeds(deleteDoc(await ref('anna')));
  });
});
