// The distribution list is personal data with consent records (DSGVO Art. 7): only the network's
// coordinators read it; adding, confirming, unsubscribing and erasing are functions (double opt-in,
// consent records, suppression list). Coordinators correct, keep a note, mark bounces.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
} from 'firebase/firestore';
import { describe, it } from 'vitest';
import {
  storedConsentText,
  storedSubscriber,
  subscriberCreate,
  subscriberIdOf,
  T0,
} from './fixtures.ts';
import { ADMIN, COORD_A, COORD_B, NETWORK_A, PUBLIC, SIGNED_IN } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const base = `networks/${NETWORK_A}/subscribers`;
const SUPPRESSION = `networks/${NETWORK_A}/suppressions/${'b'.repeat(64)}`;
const TOKEN = `tokens/${'c'.repeat(64)}`;
const t = rulesTestbed(async () => ({
  [`${base}/${await subscriberIdOf('anna')}`]: await storedSubscriber('anna'),
  [`${base}/${await subscriberIdOf('pending')}`]: await storedSubscriber('pending', 'pending'),
  [SUPPRESSION]: { reason: 'erasure', createdAt: T0 },
  [TOKEN]: {
    purpose: 'preferences',
    networkId: NETWORK_A,
    targetPath: `${base}/${await subscriberIdOf('anna')}`,
    expiresAt: null,
    usedAt: null,
    createdAt: T0,
  },
  ['consentTexts/invitations-2026-11']: storedConsentText(),
  ['rateLimits/' + 'd'.repeat(64)]: { count: 1, windowStart: T0, expiresAt: T0 },
  ['system/salt']: { value: 'e'.repeat(64), createdAt: T0 },
}));

const ref = async (key: string) => doc(t.as(COORD_A), `${base}/${await subscriberIdOf(key)}`);
const patch = async (key: string, data: DocumentData) =>
  updateDoc(await ref(key), { ...data, updatedAt: serverTimestamp() });

describe('who can read the distribution list', () => {
  for (const persona of [PUBLIC, SIGNED_IN, COORD_B, ADMIN]) {
    it(`${persona.subject} cannot read a subscriber or their consent records`, async () => {
      const db = t.as(persona);
      await assertFails(getDoc(doc(db, `${base}/${await subscriberIdOf('anna')}`)));
      await assertFails(getDocs(collection(db, base)));
    });

    it(`${persona.subject} cannot read tokens, the suppression list, rate limits or the salt`, async () => {
      const db = t.as(persona);
      await assertFails(getDoc(doc(db, TOKEN)));
      await assertFails(getDocs(collection(db, 'tokens')));
      await assertFails(getDoc(doc(db, SUPPRESSION)));
      await assertFails(getDocs(collection(db, `networks/${NETWORK_A}/suppressions`)));
      await assertFails(getDocs(collection(db, 'rateLimits')));
      await assertFails(getDoc(doc(db, 'system/salt')));
    });
  }

  it('a coordinator of the network reads its subscribers with their consent records', async () => {
    await assertSucceeds(getDocs(collection(t.as(COORD_A), base)));
    await assertSucceeds(getDoc(await ref('anna')));
  });

  it('a coordinator of the network cannot read tokens, the suppression list or the salt', async () => {
    const db = t.as(COORD_A);
    await assertFails(getDoc(doc(db, TOKEN)));
    await assertFails(getDoc(doc(db, SUPPRESSION)));
    await assertFails(getDocs(collection(db, `networks/${NETWORK_A}/suppressions`)));
    await assertFails(getDoc(doc(db, 'system/salt')));
  });
});

describe('consent texts', () => {
  it('a visitor can read the consent texts they agree to', async () => {
    await assertSucceeds(getDoc(doc(t.as(PUBLIC), 'consentTexts/invitations-2026-11')));
    await assertSucceeds(getDocs(collection(t.as(PUBLIC), 'consentTexts')));
  });

  it('nobody can change a published consent text or add one, not even a coordinator or admin', async () => {
    for (const persona of [COORD_A, ADMIN]) {
      const db = t.as(persona);
      await assertFails(
        updateDoc(doc(db, 'consentTexts/invitations-2026-11'), { text: 'Anderer Text' }),
      );
      await assertFails(setDoc(doc(db, 'consentTexts/invitations-2027-01'), storedConsentText()));
      await assertFails(deleteDoc(doc(db, 'consentTexts/invitations-2026-11')));
    }
  });
});

describe('adding and erasing subscribers', () => {
  it('a coordinator cannot add a subscriber directly: additions get an opt-in mail through a function', async () => {
    await assertFails(setDoc(await ref('ben'), await subscriberCreate('ben')));
    const pending = await subscriberCreate('ben');
    await assertFails(
      setDoc(await ref('ben'), {
        ...pending,
        status: 'pending',
        consents: { ...pending.consents, invitations: null },
      }),
    );
  });

  it('a coordinator cannot delete a subscriber directly: erasure keeps a suppression entry', async () => {
    await assertFails(deleteDoc(await ref('anna')));
  });

  it('a coordinator cannot write the suppression list or tokens', async () => {
    const db = t.as(COORD_A);
    await assertFails(deleteDoc(doc(db, SUPPRESSION)));
    await assertFails(setDoc(doc(db, `networks/${NETWORK_A}/suppressions/x`), { createdAt: T0 }));
    await assertFails(setDoc(doc(db, 'tokens/x'), { purpose: 'preferences' }));
  });
});

describe('changing subscribers', () => {
  it('a coordinator can correct the name, organisation and interests', async () => {
    await assertSucceeds(
      patch('anna', { name: 'Anna B.', organisation: 'Familienzentrum', interests: ['Arbeit'] }),
    );
  });

  it('a coordinator can note that a volunteer was contacted, stamped with time and author', async () => {
    const note = { contacted: true, note: 'Angerufen am 3. 11.', updatedBy: COORD_A.uid };
    await assertSucceeds(patch('anna', { contactNote: { ...note, updatedAt: serverTimestamp() } }));
    await assertFails(patch('anna', { contactNote: { ...note, updatedAt: T0 } }));
    await assertFails(
      patch('anna', {
        contactNote: { ...note, updatedBy: 'someone', updatedAt: serverTimestamp() },
      }),
    );
    await assertFails(
      patch('anna', {
        contactNote: { ...note, note: 'x'.repeat(1001), updatedAt: serverTimestamp() },
      }),
    );
  });

  it('a coordinator can mark a confirmed address undeliverable, stamping the time', async () => {
    await assertFails(patch('anna', { status: 'bounced' }));
    await assertSucceeds(patch('anna', { status: 'bounced', bouncedAt: serverTimestamp() }));
  });

  it('a coordinator cannot confirm a pending subscriber or mark one undeliverable', async () => {
    await assertFails(patch('pending', { status: 'confirmed' }));
    await assertFails(patch('pending', { status: 'bounced', bouncedAt: serverTimestamp() }));
  });

  it('a coordinator cannot unsubscribe directly: a function withdraws the consent records too', async () => {
    await assertFails(patch('anna', { status: 'unsubscribed', unsubscribedAt: serverTimestamp() }));
  });

  it('a coordinator cannot change the address, purposes, consent records or volunteer profile', async () => {
    await assertFails(patch('anna', { email: 'anna.neu@example.de' }));
    await assertFails(patch('anna', { 'consents.invitations.textVersion': '2027-01' }));
    await assertFails(patch('anna', { 'consents.invitations.confirmedAt': serverTimestamp() }));
    await assertFails(patch('anna', { 'purposes.volunteer': false }));
    await assertFails(patch('anna', { 'volunteer.phone': '0171 1234567' }));
    await assertFails(patch('anna', { requestedAt: serverTimestamp() }));
  });

  it('a coordinator of network B cannot change a subscriber of network A', async () => {
    await assertFails(
      updateDoc(doc(t.as(COORD_B), `${base}/${await subscriberIdOf('anna')}`), {
        name: 'X',
        updatedAt: serverTimestamp(),
      }),
    );
  });
});
