// One-click answers through the real path: the answer page's POST → Hosting rewrite → function
// `api` → queue → settler → Firestore. The concurrent answers call the same handler in this
// process: the Functions emulator runs one request per worker process and cannot start forty at
// once on two cores, while the settler's transactions and lease meet the real Firestore emulator.
import { Timestamp } from 'firebase-admin/firestore';
import { paths, rsvpQueuePath } from '@knotenpunkt/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { promotionMailings } from '../../functions/src/meetings/mailings.ts';
import { recordRsvp } from '../../functions/src/meetings/rsvpApi.ts';
import { adminDb, eventually } from '../support/admin.ts';
import { APP_URL } from '../support/env.ts';
import {
  NETWORK,
  addresses,
  answer,
  ensureNetwork,
  invite,
  postJson,
  rsvpOf,
  rsvpsOf,
  uniqueId,
  writeMeeting,
} from './meetingsSupport.ts';

beforeAll(() => ensureNetwork());

const seconds = (t: unknown) => (t instanceof Timestamp ? t.toMillis() : Number.NaN);

describe('one-click answers from the personal link', () => {
  it('records nothing when the link is only fetched (a mail scanner), and refuses GET on the API', async () => {
    const id = uniqueId('scan');
    const meeting = await writeMeeting(id);
    const [guest] = await invite(id, addresses(id, 1), meeting.end);
    const page = await fetch(`${APP_URL}/rueckmeldung#t=${guest!.token}&antwort=ja`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const api = await fetch(`${APP_URL}/api/rsvp?token=${guest!.token}&antwort=ja`);
    expect(api.status).toBe(405);
    const status = await postJson('/api/rsvp/status', { token: guest!.token });
    expect(status.status).toBe(200);
    expect(status.body.rsvp.answer).toBeNull();
    expect((await rsvpOf(id, guest!.id)).answer).toBeNull();
  });

  it('records the answer the page posts, then persons and a comment, and changes it later', async () => {
    const id = uniqueId('zusage');
    const meeting = await writeMeeting(id, { capacity: 10, waitlist: true });
    const [guest] = await invite(id, addresses(id, 1), meeting.end);
    const first = await answer(guest!.token, { answer: 'yes' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: 'recorded', rsvp: { answer: 'yes', persons: 1 } });
    expect(first.body.meeting).toMatchObject({
      title: 'Netzwerktreffen Probe',
      free: 9,
      open: true,
    });

    const more = await answer(guest!.token, {
      answer: 'yes',
      persons: 3,
      comment: 'Wir bringen Kuchen mit.',
    });
    expect(more.body.rsvp).toMatchObject({ persons: 3, comment: 'Wir bringen Kuchen mit.' });
    expect(more.body.meeting.free).toBe(7);

    const no = await answer(guest!.token, { answer: 'no' });
    expect(no.body.rsvp.answer).toBe('no');
    const stored = await rsvpOf(id, guest!.id);
    expect(stored).toMatchObject({
      answer: 'no',
      waitlisted: false,
      comment: 'Wir bringen Kuchen mit.',
    });
    expect(stored.answeredAt).toBeInstanceOf(Timestamp);
    const tally = await adminDb.doc(`${paths.meeting(NETWORK, id)}/rsvpState/tally`).get();
    expect(tally.get('yesPersons')).toBe(0);
  });

  it('answers a reload of the same link without queueing it again', async () => {
    const id = uniqueId('reload');
    const meeting = await writeMeeting(id);
    const [guest] = await invite(id, addresses(id, 1), meeting.end);
    await answer(guest!.token, { answer: 'maybe' });
    const before = (await rsvpOf(id, guest!.id)).answeredAt as Timestamp;
    const again = await answer(guest!.token, { answer: 'maybe' });
    expect(again.body.outcome).toBe('recorded');
    expect(((await rsvpOf(id, guest!.id)).answeredAt as Timestamp).isEqual(before)).toBe(true);
  });

  it('refuses an unknown token with 404 and bad input with 400 naming the field', async () => {
    const unknown = await answer('A'.repeat(43), { answer: 'yes' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/ungültig oder abgelaufen/);
    const bad = await answer('kurz', { answer: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('token');
    const id = uniqueId('eingabe');
    const meeting = await writeMeeting(id);
    const [guest] = await invite(id, addresses(id, 1), meeting.end);
    const persons = await answer(guest!.token, { answer: 'yes', persons: 11 });
    expect(persons.status).toBe(400);
    expect(persons.body.field).toBe('persons');
  });

  it('refuses changes after the registration deadline but still shows the answer', async () => {
    const id = uniqueId('schluss');
    const meeting = await writeMeeting(id, {
      registrationDeadline: new Date(Date.now() - 60_000),
    });
    const [guest] = await invite(id, addresses(id, 1), meeting.end);
    const late = await answer(guest!.token, { answer: 'yes' });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('RSVP_CLOSED');
    expect(late.body.message).toMatch(/Anmeldung ist seit/);
    expect((await rsvpOf(id, guest!.id)).answer).toBeNull();
    const status = await postJson('/api/rsvp/status', { token: guest!.token });
    expect(status.body.meeting.open).toBe(false);
  });

  it('refuses a yes without a waiting list once the places are taken', async () => {
    const id = uniqueId('voll');
    const meeting = await writeMeeting(id, { capacity: 1, waitlist: false });
    const [a, b] = await invite(id, addresses(id, 2), meeting.end);
    expect((await answer(a!.token, { answer: 'yes' })).body.outcome).toBe('recorded');
    const full = await answer(b!.token, { answer: 'yes' });
    expect(full.body.outcome).toBe('full');
    expect(full.body.message).toMatch(/alle Plätze vergeben/);
    expect((await rsvpOf(id, b!.id)).answer).toBeNull();
  });
});

describe('capacity and waiting list under concurrent answers', () => {
  it('gives 5 places to 40 simultaneous yes-answers and lines up the rest in commit order', async () => {
    const id = uniqueId('ansturm');
    const meeting = await writeMeeting(id, { capacity: 5, waitlist: true });
    const guests = await invite(id, addresses(id, 40), meeting.end);
    const deps = { db: adminDb, settle: { onPromoted: promotionMailings(adminDb, APP_URL) } };
    const results = (
      await Promise.all(guests.map((g) => recordRsvp({ token: g.token, answer: 'yes' }, deps)))
    ).map((r) => r as { status: number; body: Awaited<ReturnType<typeof answer>>['body'] });
    expect(results.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect(results.filter((r) => r.body.outcome === 'recorded')).toHaveLength(5);
    expect(results.filter((r) => r.body.outcome === 'waitlisted')).toHaveLength(35);

    const rsvps = await rsvpsOf(id);
    const confirmed = rsvps.filter((r) => r.answer === 'yes' && r.waitlisted === false);
    const waiting = rsvps
      .filter((r) => r.waitlisted === true)
      .sort((a, b) => Number(a.order) - Number(b.order));
    expect(confirmed.reduce((sum, r) => sum + Number(r.persons), 0)).toBe(5);
    expect(waiting).toHaveLength(35);
    // The line is the order the answers were committed in; places went to the earliest.
    const committed = waiting.map((r) => seconds(r.answeredAt));
    expect(committed).toEqual([...committed].sort((x, y) => x - y));
    const lastPlace = Math.max(...confirmed.map((r) => seconds(r.answeredAt)));
    expect(lastPlace).toBeLessThanOrEqual(committed[0]!);
    // Each waiting person learns their place in line.
    const positions = results
      .map((r) => r.body.rsvp.waitlistPosition)
      .filter((p): p is number => p !== null);
    expect(new Set(positions).size).toBe(35);
    expect((await adminDb.collection(rsvpQueuePath(NETWORK, id)).get()).size).toBe(0);
  });

  it('moves the first in line up when someone cancels, with a mailing for that person', async () => {
    const id = uniqueId('nachruecken');
    const meeting = await writeMeeting(id, { capacity: 2, waitlist: true });
    const [a, b, c, d] = await invite(id, addresses(id, 4), meeting.end);
    for (const guest of [a, b, c, d]) await answer(guest!.token, { answer: 'yes' });
    expect((await rsvpOf(id, c!.id)).waitlisted).toBe(true);

    const cancelled = await answer(a!.token, { answer: 'no' });
    expect(cancelled.body.rsvp.answer).toBe('no');
    const promoted = await rsvpOf(id, c!.id);
    expect(promoted).toMatchObject({ answer: 'yes', waitlisted: false });
    expect(promoted.promotedAt).toBeInstanceOf(Timestamp);
    expect((await rsvpOf(id, d!.id)).waitlisted).toBe(true);

    const mailings = await adminDb
      .collection(paths.mailings(NETWORK))
      .where('meetingId', '==', id)
      .get();
    expect(mailings.docs.map((m) => m.get('purpose'))).toEqual(['promotion']);
    expect(mailings.docs[0]!.get('recipients')).toEqual({
      source: 'rsvps',
      answers: ['yes'],
      inviteeIds: [c!.id],
    });
    const status = await postJson('/api/rsvp/status', { token: d!.token });
    expect(status.body.rsvp.waitlistPosition).toBe(1);
  });

  it('moves the waiting list up when the coordinators add places', async () => {
    const id = uniqueId('mehrplaetze');
    const meeting = await writeMeeting(id, { capacity: 1, waitlist: true });
    const [a, b] = await invite(id, addresses(id, 2), meeting.end);
    await answer(a!.token, { answer: 'yes' });
    await answer(b!.token, { answer: 'yes' });
    await adminDb.doc(paths.meeting(NETWORK, id)).update({ capacity: 2 });
    await eventually(async () =>
      (await rsvpOf(id, b!.id)).waitlisted === false ? true : undefined,
    );
  });
});
