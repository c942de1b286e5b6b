// A questionnaire's promise to respondents holds: questions and anonymity are fixed once open,
// and results become public only when the coordinators publish them.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDocs,
  updateDoc,
  type DocumentData,
} from 'firebase/firestore';
import { describe, it } from 'vitest';
import { storedQuestionnaire, storedResult, updateStamps } from './fixtures.ts';
import { COORD_A, NETWORK_A, PUBLIC } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const base = `networks/${NETWORK_A}/questionnaires`;
const t = rulesTestbed(() => ({
  [`${base}/draft`]: storedQuestionnaire(),
  [`${base}/open`]: storedQuestionnaire({ status: 'open', anonymous: true }),
  [`${base}/closed`]: storedQuestionnaire({ status: 'closed' }),
  [`${base}/closed/results/zufrieden`]: storedResult(),
}));

const ref = (id: string) => doc(t.as(COORD_A), `${base}/${id}`);
const patch = (id: string, data: DocumentData) =>
  updateDoc(ref(id), { ...data, ...updateStamps(COORD_A.uid) });

describe('questionnaires', () => {
  it('a coordinator can change the questions of a draft and open it', async () => {
    await assertSucceeds(patch('draft', { questions: [], status: 'open' }));
  });

  it('a coordinator cannot change the questions once the questionnaire is open', async () => {
    await assertFails(patch('open', { questions: [] }));
  });

  it('a coordinator cannot make an open anonymous questionnaire named', async () => {
    await assertFails(patch('open', { anonymous: false }));
  });

  it('a coordinator can close an open questionnaire but not turn it back into a draft', async () => {
    await assertFails(patch('open', { status: 'draft' }));
    await assertSucceeds(patch('open', { status: 'closed' }));
  });

  it('a coordinator can delete a draft but not an open questionnaire', async () => {
    await assertFails(deleteDoc(ref('open')));
    await assertSucceeds(deleteDoc(ref('draft')));
  });

  it('a visitor can read the results only after the coordinators publish them', async () => {
    const results = collection(t.as(PUBLIC), `${base}/closed/results`);
    await assertFails(getDocs(results));
    await assertSucceeds(patch('closed', { resultsPublic: true }));
    await assertSucceeds(getDocs(results));
  });
});
