// Mails about meetings through the one pipeline: segment resolution, an invitation with personal
// answer links and the .ics, a test to oneself, sending later, the reminders (idempotent), the
// cancellation notice. Read back from maildev. A network of its own, with the demo's subscribers
// (scripts/seed) and a few actors, contacts and a working group.
import { Timestamp } from 'firebase-admin/firestore';
import {
  actorInputSchema,
  contactInputSchema,
  paths,
  workingGroupInputSchema,
  rsvpSetOf,
  type MeetingMailingInput,
  type RsvpAnswer,
  type Segment,
} from '@knotenpunkt/model';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  handleCancelMeeting,
  handleSendMeetingMailing,
  previewRecipients,
} from '../../functions/src/meetings/mailings.ts';
import { handleMeetingsTick } from '../../functions/src/meetings/reminders.ts';
import { adminDb, eventually } from '../support/admin.ts';
import { APP_URL } from '../support/env.ts';
import { parseIcs } from '../support/ical.ts';
import {
  attachmentText,
  clearMail,
  listMail,
  rawHeader,
  type CaughtMail,
} from '../support/maildev.ts';
import { demoSubscribers } from '../../scripts/seed/demoActivity.ts';
import {
  answer,
  ensureNetwork,
  invite,
  rsvpsOf,
  uniqueId,
  writeMeeting,
} from './meetingsSupport.ts';

const NETWORK = 'treffen-versand';
/** maildev serves an attachment under its generated file name. */
type Attachment = { filename: string; generatedFileName: string; contentType: string };
const DAY = 86_400_000;
const coordinator = { uid: 'versand-koordination', email: 'koordination@treffen-versand.test' };
const deps = { db: adminDb, baseUrl: APP_URL };

beforeAll(async () => {
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now, updatedBy: 'test' };
  await ensureNetwork(NETWORK, 'Netzwerk Einladungsprobe');
  const batch = adminDb.batch();
  batch.set(adminDb.doc(paths.member(NETWORK, coordinator.uid)), {
    role: 'coordinator',
    name: 'Kim Koordination',
    email: coordinator.email,
    grantedAt: now,
    grantedBy: 'test',
  });
  for (const s of await demoSubscribers(now)) {
    batch.set(adminDb.doc(paths.subscriber(NETWORK, s.id)), s.doc);
  }
  const actor = (name: string, email: string) =>
    actorInputSchema.parse({
      name,
      kinds: ['Verein'],
      publicContact: { phone: '', email },
      status: 'published',
      networkIds: [NETWORK],
    });
  batch.set(adminDb.doc(paths.actor('versand-cafe')), {
    ...actor('Café Versand', 'cafe@treffen-versand.test'),
    ...stamps,
  });
  batch.set(adminDb.doc(paths.actor('versand-ohne')), {
    ...actor('Verein ohne Adresse', ''),
    ...stamps,
  });
  const contact = (name: string, email: string, given: boolean) =>
    contactInputSchema.parse({
      name,
      email,
      kind: 'professional',
      networkIds: [NETWORK],
      consent: { given, note: '', recordedAt: now },
    });
  batch.set(adminDb.doc(paths.contact('versand-k1')), {
    ...contact('Kira Eins', 'kira@treffen-versand.test', true),
    ...stamps,
  });
  batch.set(adminDb.doc(paths.contact('versand-k2')), {
    ...contact('Kai Zwei', 'kai@treffen-versand.test', true),
    ...stamps,
  });
  batch.set(adminDb.doc(paths.contact('versand-k3')), {
    ...contact('Kurt Drei', 'kurt@treffen-versand.test', false),
    ...stamps,
  });
  batch.set(adminDb.doc(paths.workingGroup(NETWORK, 'ak-versand')), {
    ...workingGroupInputSchema.parse({
      name: 'AK Versand',
      members: [
        { kind: 'actor', id: 'versand-cafe', name: 'Café Versand' },
        { kind: 'actor', id: 'versand-ohne', name: 'Verein ohne Adresse' },
        { kind: 'contact', id: 'versand-k1', name: 'Kira Eins' },
        { kind: 'contact', id: 'versand-k3', name: 'Kurt Drei' },
      ],
    }),
    ...stamps,
  });
  await batch.commit();
});
beforeEach(clearMail);

async function mailingsOf(meetingId: string) {
  const snap = await adminDb
    .collection(paths.mailings(NETWORK))
    .where('meetingId', '==', meetingId)
    .get();
  return snap.docs;
}

function untilSent(mailingId: string) {
  return eventually(async () => {
    const snap = await adminDb.doc(paths.mailing(NETWORK, mailingId)).get();
    return snap.get('status') === 'sent' ? snap : undefined;
  }, 60_000);
}

async function caught(subjectStart: string, count: number): Promise<CaughtMail[]> {
  return eventually(async () => {
    const mails = (await listMail()).filter((m) => m.subject.startsWith(subjectStart));
    return mails.length >= count ? mails : undefined;
  }, 60_000);
}

const addressesOf = (mails: CaughtMail[]) =>
  mails.flatMap((m) => m.to.map((t) => t.address.toLowerCase())).sort();

function request(meetingId: string, segment: Segment, over: Partial<MeetingMailingInput> = {}) {
  return {
    networkId: NETWORK,
    meetingId,
    subject: 'Einladung zum Netzwerktreffen',
    text: '{{anrede}}\n\nwir laden Sie herzlich ein.',
    segment,
    requestId: uniqueId('anfrage'),
    ...over,
  };
}

describe('segments of a meeting mail', () => {
  it('resolves confirmed subscribers, by interest, working-group members, consenting contacts and answers', async () => {
    const subscribers = (await adminDb.collection(paths.subscribers(NETWORK)).get()).docs.map((d) =>
      d.data(),
    );
    const receiving = subscribers.filter(
      (s) => s.status === 'confirmed' && s.purposes?.invitations === true,
    );
    const all = await previewRecipients(
      adminDb,
      NETWORK,
      'x',
      { kind: 'subscribers', interests: [] },
      APP_URL,
    );
    expect(all.count).toBe(receiving.length);
    expect(all.count).toBeGreaterThan(5);
    expect(all.count).toBeLessThan(subscribers.length);

    const housing = await previewRecipients(
      adminDb,
      NETWORK,
      'x',
      { kind: 'subscribers', interests: ['Wohnen'] },
      APP_URL,
    );
    expect(housing.count).toBe(receiving.filter((s) => s.interests.includes('Wohnen')).length);
    expect(housing.count).toBeGreaterThan(0);
    expect(housing.count).toBeLessThan(all.count);

    const group = await previewRecipients(
      adminDb,
      NETWORK,
      'x',
      { kind: 'workingGroup', workingGroupId: 'ak-versand' },
      APP_URL,
    );
    // The actor with a public address and the contact who consented; not the others.
    expect(group.sample.map((p) => p.email).sort()).toEqual([
      'cafe@treffen-versand.test',
      'kira@treffen-versand.test',
    ]);

    const contacts = (
      await adminDb
        .collection(paths.contacts())
        .where('networkIds', 'array-contains', NETWORK)
        .get()
    ).docs.filter((d) => d.get('consent.given') === true && d.get('email'));
    const consenting = await previewRecipients(
      adminDb,
      NETWORK,
      'x',
      { kind: 'contacts' },
      APP_URL,
    );
    expect(consenting.count).toBe(contacts.length);
    expect(consenting.count).toBe(2);

    const id = uniqueId('segmente');
    const meeting = await writeMeeting(id, { capacity: 1, waitlist: true }, NETWORK);
    const guests = await invite(
      id,
      ['a@segment.test', 'b@segment.test', 'c@segment.test', 'd@segment.test'],
      meeting.end,
      NETWORK,
    );
    const answers: RsvpAnswer[] = ['yes', 'yes', 'no'];
    for (const [i, a] of answers.entries()) await answer(guests[i]!.token, { answer: a });
    const sets = async (s: Segment & { kind: 'rsvps' }) =>
      (await previewRecipients(adminDb, NETWORK, id, s, APP_URL)).sample.map((p) => p.email).sort();
    expect(await sets({ kind: 'rsvps', sets: ['yes'] })).toEqual(['a@segment.test']);
    expect(await sets({ kind: 'rsvps', sets: ['waitlisted'] })).toEqual(['b@segment.test']);
    expect(await sets({ kind: 'rsvps', sets: ['none'] })).toEqual(['d@segment.test']);
    expect(await sets({ kind: 'rsvps', sets: ['yes', 'no'] })).toEqual([
      'a@segment.test',
      'c@segment.test',
    ]);
  });
});

describe('an invitation through the pipeline', () => {
  it('reaches every member of the segment once, with personal links, unsubscribe headers and a parsable .ics', async () => {
    const id = uniqueId('einladung');
    await writeMeeting(
      id,
      { title: 'Netzwerktreffen Wohnen', capacity: 30, waitlist: true },
      NETWORK,
    );
    const segment: Segment = { kind: 'subscribers', interests: ['Wohnen'] };
    const expected = await previewRecipients(adminDb, NETWORK, id, segment, APP_URL);
    const result = await handleSendMeetingMailing(request(id, segment), coordinator, deps);
    expect(result.status).toBe('queued');
    // Sending twice (a double click) makes no second mailing.
    await handleSendMeetingMailing(
      { ...request(id, segment), requestId: result.mailingId.slice(2) },
      coordinator,
      deps,
    );
    expect(await mailingsOf(id)).toHaveLength(1);

    await untilSent(result.mailingId);
    const mails = await caught('Einladung zum Netzwerktreffen', expected.count);
    expect(mails).toHaveLength(expected.count);
    expect(new Set(addressesOf(mails)).size).toBe(expected.count);

    const mail = mails[0]!;
    expect(mail.text).toMatch(
      /Ich komme: http:\/\/127\.0\.0\.1:5000\/rueckmeldung#t=[A-Za-z0-9_-]{43}&antwort=ja/,
    );
    expect(mail.text).toContain('Ich komme nicht: ');
    expect(mail.text).toContain('Treffen: Netzwerktreffen Wohnen');
    expect(mail.html).toContain('>Ich komme</a>');
    expect(await rawHeader(mail.id, 'List-Unsubscribe')).toMatch(
      /^<http:\/\/127\.0\.0\.1:5000\/api\/subscribers\/unsubscribe\?token=[A-Za-z0-9_-]{43}>$/,
    );
    expect(await rawHeader(mail.id, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    const attachments = (mail as unknown as { id: string; attachments: Attachment[] }).attachments;
    expect(attachments).toHaveLength(1);
    const ics = parseIcs(await attachmentText(mail.id, attachments[0]!.generatedFileName));
    expect(ics.method).toBe('PUBLISH');
    expect(ics.events[0]).toMatchObject({
      summary: 'Netzwerktreffen Wohnen',
      uid: `${id}.${NETWORK}@knotenpunkt`,
    });

    // Everyone invited is an invitee without an answer until they follow a link.
    const invitees = await rsvpsOf(id, NETWORK);
    expect(invitees.map((r) => r.email).sort()).toEqual(addressesOf(mails));
    expect(invitees.every((r) => r.answer === null)).toBe(true);
    const token = /#t=([A-Za-z0-9_-]{43})&antwort=ja/.exec(mail.text)![1]!;
    expect((await answer(token, { answer: 'yes', comment: 'Bis dann!' })).body.outcome).toBe(
      'recorded',
    );
    const mine = (await rsvpsOf(id, NETWORK)).find(
      (r) => r.email === mail.to[0]!.address.toLowerCase(),
    );
    expect(mine).toMatchObject({ answer: 'yes', comment: 'Bis dann!' });
  });

  it('sends a test only to the coordinator, with example links, and records no invitee', async () => {
    const id = uniqueId('test');
    await writeMeeting(id, {}, NETWORK);
    const result = await handleSendMeetingMailing(
      request(id, { kind: 'contacts' }, { test: true }),
      coordinator,
      deps,
    );
    expect(result.status).toBe('test');
    await untilSent(result.mailingId);
    const [mail] = await caught('[Test] Einladung', 1);
    expect(mail!.to.map((t) => t.address)).toEqual([coordinator.email]);
    expect(mail!.text).toContain(`${APP_URL}/rueckmeldung#test&antwort=ja`);
    expect(await rsvpsOf(id, NETWORK)).toEqual([]);
  });

  it('keeps a mailing for later as a draft and queues it when its time has come', async () => {
    const id = uniqueId('spaeter');
    await writeMeeting(id, {}, NETWORK);
    const sendAt = new Date(Date.now() + 2 * DAY);
    const result = await handleSendMeetingMailing(
      request(id, { kind: 'workingGroup', workingGroupId: 'ak-versand' }, { sendAt }),
      coordinator,
      deps,
    );
    expect(result.status).toBe('scheduled');
    const mailing = adminDb.doc(paths.mailing(NETWORK, result.mailingId));
    expect((await mailing.get()).get('status')).toBe('draft');
    await handleMeetingsTick({ ...deps, now: () => new Date(Date.now() + DAY) });
    expect((await mailing.get()).get('status')).toBe('draft');
    await handleMeetingsTick({ ...deps, now: () => new Date(sendAt.getTime() + 1000) });
    expect(['queued', 'sending', 'sent']).toContain((await mailing.get()).get('status'));
    expect((await adminDb.doc(`mailingSchedule/${result.mailingId}`).get()).exists).toBe(false);
  });

  it('refuses coordinators of other networks', async () => {
    const id = uniqueId('fremd');
    await writeMeeting(id, {}, NETWORK);
    await expect(
      handleSendMeetingMailing(request(id, { kind: 'contacts' }), { uid: 'fremde-person' }, deps),
    ).rejects.toMatchObject({ details: { code: 'NOT_COORDINATOR' } });
  });
});

describe('reminders and cancellation', () => {
  async function meetingWithAnswers(label: string, over = {}) {
    const id = uniqueId(label);
    const meeting = await writeMeeting(
      id,
      {
        title: `Treffen ${label}`,
        start: new Date(Date.now() + DAY),
        end: new Date(Date.now() + DAY + 7_200_000),
        capacity: 2,
        waitlist: true,
        ...over,
      },
      NETWORK,
    );
    const emails = ['ja1', 'ja2', 'warte', 'nein', 'still', 'vielleicht'].map(
      (n) => `${label}-${n}@treffen.test`,
    );
    const guests = await invite(id, emails, meeting.end, NETWORK);
    const answers: Array<RsvpAnswer | null> = ['yes', 'yes', 'yes', 'no', null, 'maybe'];
    for (const [i, a] of answers.entries()) if (a) await answer(guests[i]!.token, { answer: a });
    const rsvps = await rsvpsOf(id, NETWORK);
    const setOf = (email: string) => {
      const r = rsvps.find((x) => x.email === email)!;
      return rsvpSetOf({
        answer: (r.answer as RsvpAnswer | null) ?? null,
        waitlisted: r.waitlisted === true,
      });
    };
    return { id, emails, setOf };
  }

  it('reminds yes-sayers, the waiting list and silent invitees exactly once, also when the schedule runs twice', async () => {
    const { id, emails, setOf } = await meetingWithAnswers('erinnerung', { remindNoAnswer: true });
    expect(setOf(emails[2]!)).toBe('waitlisted');
    const [first, second] = await Promise.all([handleMeetingsTick(deps), handleMeetingsTick(deps)]);
    await handleMeetingsTick(deps);
    expect([...first.reminders, ...second.reminders].sort()).toHaveLength(2);

    const mailings = await mailingsOf(id);
    expect(mailings.map((m) => m.id).sort()).toEqual([
      expect.stringMatching(/^noanswer-/),
      expect.stringMatching(/^reminder-/),
    ]);
    for (const m of mailings) await untilSent(m.id);
    const reminders = await caught('Erinnerung: Treffen erinnerung', 3);
    const silent = await caught('Wir haben noch nichts von Ihnen gehört: Treffen erinnerung', 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      addressesOf(
        (await listMail()).filter((m) => m.subject.startsWith('Erinnerung: Treffen erinnerung')),
      ),
    ).toEqual([emails[0]!, emails[1]!, emails[2]!].sort());
    expect(addressesOf(silent)).toEqual([emails[4]!]);
    expect(reminders[0]!.text).toMatch(/Ich komme nicht: http/);
  });

  it('cancels once, notifying yes-sayers, the waiting list and maybes with a cancelling .ics', async () => {
    const { id, emails } = await meetingWithAnswers('absage');
    const input = { networkId: NETWORK, meetingId: id, notice: 'Ein neuer Termin folgt.' };
    const first = await handleCancelMeeting(input, coordinator, deps);
    const again = await handleCancelMeeting(input, coordinator, deps);
    expect(first.mailingId).toBe(`cancel-${id}`);
    expect(again.mailingId).toBe(`cancel-${id}`);
    expect((await adminDb.doc(paths.meeting(NETWORK, id)).get()).get('status')).toBe('cancelled');
    await untilSent(first.mailingId!);
    const mails = await caught('Abgesagt: Treffen absage', 4);
    expect(addressesOf(mails)).toEqual([emails[0]!, emails[1]!, emails[2]!, emails[5]!].sort());
    expect(mails[0]!.text).toContain('Ein neuer Termin folgt.');
    expect(mails[0]!.text).not.toContain('Ich komme:');
    const attachment = (mails[0] as unknown as { attachments: Attachment[] }).attachments[0]!;
    expect(attachment.filename).toMatch(/^treffen-absage-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = parseIcs(await attachmentText(mails[0]!.id, attachment.generatedFileName));
    expect(ics.method).toBe('CANCEL');
    expect(ics.events[0]?.status).toBe('CANCELLED');
    const stamp = (await adminDb.doc(paths.meeting(NETWORK, id)).get()).get('updatedAt');
    expect(stamp).toBeInstanceOf(Timestamp);
  });
});
