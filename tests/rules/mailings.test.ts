// Coordinators write drafts and steer the pipeline; the pipeline owns progress and the states it
// reaches by sending (model/src/mailingStatus.ts lists the transitions).
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, setDoc, updateDoc, type DocumentData } from 'firebase/firestore';
import { describe, it } from 'vitest';
import { createStamps, mailingInput, storedMailing, updateStamps } from './fixtures.ts';
import { COORD_A, NETWORK_A } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const base = `networks/${NETWORK_A}/mailings`;
const t = rulesTestbed(() => ({
  [`${base}/draft`]: storedMailing('draft'),
  [`${base}/queued`]: storedMailing('queued'),
  [`${base}/sending`]: storedMailing('sending'),
  [`${base}/paused`]: storedMailing('paused'),
  [`${base}/sent`]: storedMailing('sent'),
}));

const ref = (id: string) => doc(t.as(COORD_A), `${base}/${id}`);
const patch = (id: string, data: DocumentData) =>
  updateDoc(ref(id), { ...data, ...updateStamps(COORD_A.uid) });
const newDraft = (over: DocumentData = {}) => ({
  ...mailingInput(),
  status: 'draft',
  progress: storedMailing().progress,
  ...createStamps(COORD_A.uid),
  ...over,
});

describe('creating mailings', () => {
  it('a coordinator can create a draft mailing', async () => {
    await assertSucceeds(setDoc(ref('new'), newDraft()));
  });

  it('a coordinator cannot create a mailing that is already queued or sent', async () => {
    await assertFails(setDoc(ref('new'), newDraft({ status: 'queued' })));
    await assertFails(setDoc(ref('new'), newDraft({ status: 'sent' })));
  });

  it('a coordinator cannot create a mailing with progress already made', async () => {
    const progress = { ...storedMailing().progress, total: 100, sent: 100 };
    await assertFails(setDoc(ref('new'), newDraft({ progress })));
  });

  it('a coordinator cannot address RSVP answers without naming the meeting', async () => {
    await assertFails(
      setDoc(ref('new'), newDraft({ recipients: { source: 'rsvps', answers: ['yes'] } })),
    );
  });
});

describe('steering a mailing', () => {
  it('a coordinator can edit a draft and send it off in the same write', async () => {
    await assertSucceeds(patch('draft', { subject: 'Einladung', status: 'queued' }));
  });

  it('a coordinator cannot mark a mailing as sending or sent', async () => {
    await assertFails(patch('draft', { status: 'sent' }));
    await assertFails(patch('queued', { status: 'sending' }));
    await assertFails(patch('sending', { status: 'sent' }));
  });

  it('a coordinator cannot edit the subject once a mailing is queued', async () => {
    await assertFails(patch('queued', { subject: 'Geändert' }));
  });

  it('a coordinator can pause a sending mailing and resume a paused one', async () => {
    await assertSucceeds(patch('sending', { status: 'paused' }));
    await assertSucceeds(patch('paused', { status: 'queued' }));
  });

  it('a coordinator can cancel a queued mailing but not one that was sent', async () => {
    await assertSucceeds(patch('queued', { status: 'cancelled' }));
    await assertFails(patch('sent', { status: 'cancelled' }));
  });

  it('a coordinator cannot pause and change the recipients in one write', async () => {
    await assertFails(
      patch('sending', {
        status: 'paused',
        recipients: { source: 'subscribers', interests: ['Bildung'] },
      }),
    );
  });

  it('a coordinator cannot change the progress counters, not even of a draft', async () => {
    await assertFails(patch('draft', { 'progress.sent': 10 }));
    await assertFails(patch('sending', { 'progress.failed': 0, 'progress.lastError': '' }));
  });

  it('a coordinator can delete a draft but not a queued mailing', async () => {
    await assertFails(deleteDoc(ref('queued')));
    await assertSucceeds(deleteDoc(ref('draft')));
  });
});
