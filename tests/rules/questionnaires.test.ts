// A questionnaire's promises hold: its structure and anonymity are fixed once open, answers in
// progress and the links behind them stay with the functions, and results leave the network's
// coordinators only as published figures when the coordinators chose so.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  updateDoc,
  type DocumentData,
} from 'firebase/firestore';
import { describe, it } from 'vitest';
import {
  storedInvitation,
  storedPublicResults,
  storedQuestionnaire,
  storedResponse,
  storedSummary,
  storedToken,
  updateStamps,
} from './fixtures.ts';
import { ADMIN, COORD_A, COORD_B, NETWORK_A, PUBLIC } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const base = `networks/${NETWORK_A}/questionnaires`;
const TOKEN = `tokens/${'c'.repeat(64)}`;
/** A questionnaire stored before the open link existed. */
function withoutOpenLink(q: ReturnType<typeof storedQuestionnaire>) {
  const { openLink: _, ...rest } = q;
  return rest;
}

const t = rulesTestbed(() => ({
  [`${base}/draft`]: storedQuestionnaire(),
  [`${base}/open`]: storedQuestionnaire({ status: 'open', anonymous: true }),
  [`${base}/closed`]: storedQuestionnaire({ status: 'closed' }),
  [`${base}/before-open-link`]: withoutOpenLink(storedQuestionnaire({ status: 'open' })),
  [`${base}/closed/results/summary`]: storedSummary(),
  [`${base}/closed/results/public`]: storedPublicResults(),
  [`${base}/open/responses/r1`]: storedResponse(),
  [`${base}/open/invitations/i1`]: storedInvitation(),
  [`${base}/open/drafts/d1`]: { answers: { bedarf: 'Räume' }, savedAt: new Date() },
  [TOKEN]: {
    ...storedToken(),
    purpose: 'questionnaire',
    targetPath: `${base}/open/invitations/i1`,
  },
}));

const ref = (id: string) => doc(t.as(COORD_A), `${base}/${id}`);
const patch = (id: string, data: DocumentData) =>
  updateDoc(ref(id), { ...data, ...updateStamps(COORD_A.uid) });
const sectionsWith = (label: string) => [
  {
    id: 'neu',
    title: '',
    description: '',
    questions: [{ ...storedQuestionnaire().sections[0]!.questions[0]!, label }],
  },
];

describe('questionnaires', () => {
  it('a coordinator can change the sections of a draft and open it', async () => {
    await assertSucceeds(patch('draft', { sections: sectionsWith('Was fehlt?'), status: 'open' }));
  });

  it('a coordinator cannot change the sections once the questionnaire is open, not even wording', async () => {
    await assertFails(patch('open', { sections: [] }));
    await assertFails(patch('open', { sections: sectionsWith('Anders gefragt') }));
  });

  it('a coordinator can still correct title, intro, deadline and results settings of an open questionnaire', async () => {
    await assertSucceeds(
      patch('open', {
        title: 'Bedarfe und Ressourcen 2027',
        intro: 'Bitte bis Ende Januar.',
        deadline: new Date('2027-01-31T22:59:00Z'),
        resultsVisibility: 'public',
        reminderDaysBefore: 3,
      }),
    );
  });

  it('a coordinator can switch the open link on and off, also in a questionnaire made before it, but only with yes or no', async () => {
    await assertSucceeds(patch('open', { openLink: true }));
    await assertSucceeds(patch('open', { openLink: false }));
    await assertSucceeds(patch('before-open-link', { title: 'Ohne offenen Link' }));
    await assertSucceeds(patch('before-open-link', { openLink: true }));
    await assertFails(patch('draft', { openLink: 'ja' }));
  });

  it('a coordinator cannot make an open anonymous questionnaire named', async () => {
    await assertFails(patch('open', { anonymous: false }));
  });

  it('a coordinator cannot set the time of the automatic reminder, which functions keep', async () => {
    await assertFails(patch('draft', { autoReminderAt: new Date() }));
  });

  it('a coordinator refuses an unknown results visibility or reminder days outside 1–60', async () => {
    await assertFails(patch('draft', { resultsVisibility: 'everyone' }));
    await assertFails(patch('draft', { reminderDaysBefore: 0 }));
  });

  it('a coordinator can close an open questionnaire but not turn it back into a draft', async () => {
    await assertFails(patch('open', { status: 'draft' }));
    await assertSucceeds(patch('open', { status: 'closed' }));
  });

  it('a coordinator can delete a draft but not an open questionnaire', async () => {
    await assertFails(deleteDoc(ref('open')));
    await assertSucceeds(deleteDoc(ref('draft')));
  });
});

describe('answers, invitations and drafts', () => {
  it('a coordinator reads the responses and invitations of their network, one of another network does not', async () => {
    await assertSucceeds(getDocs(collection(t.as(COORD_A), `${base}/open/responses`)));
    await assertSucceeds(getDocs(collection(t.as(COORD_A), `${base}/open/invitations`)));
    await assertFails(getDocs(collection(t.as(COORD_B), `${base}/open/responses`)));
    await assertFails(getDoc(doc(t.as(COORD_B), `${base}/open/invitations/i1`)));
  });

  it('nobody reaches a draft or the link token from a client: respondents go through the function', async () => {
    for (const persona of [PUBLIC, COORD_A, ADMIN]) {
      await assertFails(getDoc(doc(t.as(persona), `${base}/open/drafts/d1`)));
      await assertFails(getDoc(doc(t.as(persona), TOKEN)));
    }
  });

  it('no client writes a response or an invitation, not even the coordinator', async () => {
    await assertFails(updateDoc(doc(t.as(COORD_A), `${base}/open/responses/r1`), { answers: {} }));
    await assertFails(
      updateDoc(doc(t.as(COORD_A), `${base}/open/invitations/i1`), { status: 'submitted' }),
    );
  });
});

describe('results', () => {
  it('a visitor reads the published figures only after the coordinators make them public', async () => {
    const published = doc(t.as(PUBLIC), `${base}/closed/results/public`);
    await assertFails(getDoc(published));
    await assertSucceeds(patch('closed', { resultsVisibility: 'respondents' }));
    await assertFails(getDoc(published));
    await assertSucceeds(patch('closed', { resultsVisibility: 'public' }));
    await assertSucceeds(getDoc(published));
  });

  it('a visitor never reads the summary with its free texts, even with public results', async () => {
    await assertSucceeds(patch('closed', { resultsVisibility: 'public' }));
    await assertFails(getDoc(doc(t.as(PUBLIC), `${base}/closed/results/summary`)));
    await assertFails(getDocs(collection(t.as(PUBLIC), `${base}/closed/results`)));
    await assertSucceeds(getDoc(doc(t.as(COORD_A), `${base}/closed/results/summary`)));
  });
});
