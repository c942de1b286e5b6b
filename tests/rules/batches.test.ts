// Rules may read at most 10 documents per request and 20 across a batch; the emulator enforces
// both (a batch touching 21 networks' member documents is refused). Imports write many documents
// in one batch: they pass because repeated reads of the same member or membership document count
// once.
import { assertSucceeds } from '@firebase/rules-unit-testing';
import { doc, serverTimestamp, writeBatch, type DocumentData } from 'firebase/firestore';
import { describe, it } from 'vitest';
import { actorInput, createStamps, storedSubscriber, subscriberIdOf } from './fixtures.ts';
import { COORD_A, NETWORK_A } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const t = rulesTestbed();

describe('imports in one batch', () => {
  it('a coordinator can correct 100 subscribers in one batch', async () => {
    // Subscribers are added by functions (double opt-in); coordinators correct them in bulk.
    const stored: Record<string, DocumentData> = {};
    for (let i = 0; i < 100; i++) {
      stored[`networks/${NETWORK_A}/subscribers/${await subscriberIdOf(`bulk-${i}`)}`] =
        await storedSubscriber(`bulk-${i}`);
    }
    await t.seed(stored);
    const db = t.as(COORD_A);
    const batch = writeBatch(db);
    for (const path of Object.keys(stored)) {
      batch.update(doc(db, path), { interests: ['Arbeitsmarkt'], updatedAt: serverTimestamp() });
    }
    await assertSucceeds(batch.commit());
  });

  it('a coordinator can import 100 actors in one batch', async () => {
    const db = t.as(COORD_A);
    const batch = writeBatch(db);
    for (let i = 0; i < 100; i++) {
      batch.set(doc(db, `actors/import-${i}`), {
        ...actorInput({ name: `Verein ${i}`, status: 'draft' }),
        ...createStamps(COORD_A.uid),
      });
    }
    await assertSucceeds(batch.commit());
  });
});
