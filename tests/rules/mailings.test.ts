// Coordinators write drafts and steer the pipeline; the pipeline owns progress, the delivery
// records and the states it reaches by sending (model/src/mailingStatus.ts lists the transitions).
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  setDoc,
  updateDoc,
  type DocumentData,
} from 'firebase/firestore';
import { describe, it } from 'vitest';
import {
  createStamps,
  mailingInput,
  storedDelivery,
  storedMailing,
  updateStamps,
} from './fixtures.ts';
import { COORD_A, COORD_B, NETWORK_A, SIGNED_IN, PUBLIC, type Persona } from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const base = `networks/${NETWORK_A}/mailings`;
const t = rulesTestbed(() => ({
  [`${base}/draft`]: storedMailing('draft'),
  [`${base}/queued`]: storedMailing('queued'),
  [`${base}/sending`]: storedMailing('sending'),
  [`${base}/paused`]: storedMailing('paused'),
  [`${base}/sent`]: storedMailing('sent'),
  [`${base}/sending/deliveries/d1`]: storedDelivery('d1'),
}));

const ref = (id: string, who: Persona = COORD_A) => doc(t.as(who), `${base}/${id}`);
const patch = (id: string, data: DocumentData) =>
  updateDoc(ref(id), { ...data, ...updateStamps(COORD_A.uid) });
const newDraft = (over: DocumentData = {}, who: Persona = COORD_A) => ({
  ...mailingInput(),
  status: 'draft',
  progress: storedMailing().progress,
  ...createStamps(who.uid),
  ...over,
});
const testList = (n: number) => ({
  source: 'test',
  recipients: Array.from({ length: n }, (_, i) => ({ email: `t${i}@example.de`, name: '' })),
  unsubscribe: false,
});

describe('who sees mailings', () => {
  it('a coordinator of the network reads its mailings', async () => {
    await assertSucceeds(getDoc(ref('sending')));
    await assertSucceeds(getDocs(collection(t.as(COORD_A), base)));
  });

  it('a coordinator of another network, a plain user and a visitor read none of them', async () => {
    for (const who of [COORD_B, SIGNED_IN, PUBLIC]) {
      await assertFails(getDoc(ref('sending', who)));
      await assertFails(getDocs(collection(t.as(who), base)));
    }
  });

  it('a coordinator of another network cannot create a mailing for network A', async () => {
    await assertFails(setDoc(ref('fremd', COORD_B), newDraft({}, COORD_B)));
  });
});

describe('creating mailings', () => {
  it('a coordinator can create a draft mailing', async () => {
    await assertSucceeds(setDoc(ref('new'), newDraft()));
  });

  it('a coordinator can address the consenting contacts of the network', async () => {
    await assertSucceeds(setDoc(ref('new'), newDraft({ recipients: { source: 'contacts' } })));
  });

  it('a coordinator can send a test to five addresses but not to six', async () => {
    await assertSucceeds(setDoc(ref('five'), newDraft({ recipients: testList(5) })));
    await assertFails(setDoc(ref('six'), newDraft({ recipients: testList(6) })));
  });

  it('a coordinator cannot enlarge a draft test list beyond five addresses', async () => {
    await assertSucceeds(setDoc(ref('five'), newDraft({ recipients: testList(5) })));
    await assertFails(patch('five', { recipients: testList(6) }));
  });

  it('a coordinator cannot create a mailing that is already queued or sent', async () => {
    await assertFails(setDoc(ref('new'), newDraft({ status: 'queued' })));
    await assertFails(setDoc(ref('new'), newDraft({ status: 'sent' })));
  });

  it('a coordinator cannot create a mailing with progress already made', async () => {
    const progress = { ...storedMailing().progress, total: 100, sent: 100 };
    await assertFails(setDoc(ref('new'), newDraft({ progress })));
  });

  it('a coordinator cannot start with a lease, a run or counters of the pipeline', async () => {
    for (const field of ['run', 'consecutiveErrors', 'bounced']) {
      const progress = { ...storedMailing().progress, [field]: 1 };
      await assertFails(setDoc(ref('new'), newDraft({ progress })));
    }
  });

  it('a coordinator cannot address RSVP answers without naming the meeting', async () => {
    await assertFails(
      setDoc(ref('new'), newDraft({ recipients: { source: 'rsvps', answers: ['yes'] } })),
    );
  });

  it('a coordinator cannot invent a recipient source', async () => {
    await assertFails(setDoc(ref('new'), newDraft({ recipients: { source: 'alle' } })));
  });

  it('a coordinator cannot set a throttle outside 1 to 60 000 mails a minute', async () => {
    const settings = storedMailing().settings;
    await assertSucceeds(setDoc(ref('ok'), newDraft({ settings: { ...settings, perMinute: 60 } })));
    for (const perMinute of [0, 60_001, 1.5]) {
      await assertFails(setDoc(ref('new'), newDraft({ settings: { ...settings, perMinute } })));
    }
    await assertFails(setDoc(ref('new'), newDraft({ settings: { ...settings, batchSize: 501 } })));
  });

  it('a coordinator can attach an .ics file but not more than five files', async () => {
    const ics = {
      name: 'treffen.ics',
      contentType: 'text/calendar',
      content: 'BEGIN:VCALENDAR',
      encoding: 'utf8',
    };
    await assertSucceeds(setDoc(ref('ics'), newDraft({ attachments: [ics] })));
    await assertFails(setDoc(ref('viele'), newDraft({ attachments: Array(6).fill(ics) })));
  });
});

describe('steering a mailing', () => {
  it('a coordinator can edit a draft and send it off in the same write', async () => {
    await assertSucceeds(patch('draft', { subject: 'Einladung', status: 'queued' }));
  });

  it('a coordinator can change the throttle of a draft', async () => {
    const settings = { ...storedMailing().settings, perMinute: 30 };
    await assertSucceeds(patch('draft', { settings }));
  });

  it('a coordinator cannot mark a mailing as sending or sent', async () => {
    await assertFails(patch('draft', { status: 'sent' }));
    await assertFails(patch('queued', { status: 'sending' }));
    await assertFails(patch('sending', { status: 'sent' }));
  });

  it('a coordinator cannot edit the subject or the throttle once a mailing is queued', async () => {
    await assertFails(patch('queued', { subject: 'Geändert' }));
    await assertFails(patch('sending', { 'settings.perMinute': 60_000 }));
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

  it('a coordinator cannot move the run, the lease state or the pause reason', async () => {
    await assertFails(patch('sending', { 'progress.run': 7 }));
    await assertFails(patch('sending', { 'progress.consecutiveErrors': 0 }));
    await assertFails(patch('paused', { status: 'queued', 'progress.pauseReason': 'erledigt' }));
  });

  it('a coordinator can delete a draft but not a queued mailing', async () => {
    await assertFails(deleteDoc(ref('queued')));
    await assertSucceeds(deleteDoc(ref('draft')));
  });
});

describe('delivery records', () => {
  const delivery = (id: string, who: Persona = COORD_A) =>
    doc(t.as(who), `${base}/sending/deliveries/${id}`);

  it('a coordinator of the network reads them, nobody else', async () => {
    await assertSucceeds(getDoc(delivery('d1')));
    for (const who of [COORD_B, SIGNED_IN, PUBLIC]) await assertFails(getDoc(delivery('d1', who)));
  });

  it('a coordinator cannot create, change, claim or delete one: only the pipeline can', async () => {
    await assertFails(setDoc(delivery('d2'), storedDelivery('d2')));
    await assertFails(updateDoc(delivery('d1'), { status: 'queued' }));
    await assertFails(updateDoc(delivery('d1'), { leaseId: 'mine', status: 'sending' }));
    await assertFails(deleteDoc(delivery('d1')));
  });
});
