// What coordinators do to the distribution list through functions: add addresses (they stay
// pending, with a consent record naming where they came from, and get an opt-in mailing through
// the pipeline), resend a confirmation, unsubscribe on request, erase with suppression.
import { FirebaseError } from 'firebase/app';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAILING_SETTINGS,
  initialMailingProgress,
  paths,
  subscriberIdFor,
  type ImportResult,
} from '@knotenpunkt/model';
import { suppressionPath } from '../../functions/src/subscribers/salt.ts';
import { adminDb, eventually } from '../support/admin.ts';
import { APP_URL, MAILDEV_API } from '../support/env.ts';
import { clientAs } from '../support/client.ts';
import { clearMail, listMail, mailTo } from '../support/maildev.ts';
import { COORDINATOR_A, COORDINATOR_B, freshDemo } from '../support/seed.ts';

const NETWORK = 'landkreis-rheinwald';
type Client = Awaited<ReturnType<typeof clientAs>>;
let coordinator: Client;
let other: Client;
let n = 0;

beforeAll(async () => {
  await freshDemo();
  coordinator = await clientAs(COORDINATOR_A);
  other = await clientAs(COORDINATOR_B);
});
afterAll(async () => {
  await coordinator.close();
  await other.close();
});
beforeEach(clearMail);

const address = (label: string) => `${label}.${++n}.${Date.now()}@koordination.example`;

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FirebaseError)
      return error as FirebaseError & { details?: { code: string; field?: string } };
    throw error;
  }
  throw new Error('expected the call to fail');
}

const importRows = (rows: Array<{ email: string; name?: string }>, kind = 'import') =>
  coordinator.call<ImportResult>('importSubscribers', {
    networkId: NETWORK,
    kind,
    source: 'Teilnehmerliste Netzwerktreffen',
    rows,
  });

async function stored(email: string) {
  return (await adminDb.doc(paths.subscriber(NETWORK, await subscriberIdFor(email))).get()).data();
}

describe('adding addresses', () => {
  it('adds new addresses as pending with a consent record of the import and starts one opt-in mailing', async () => {
    const emails = [address('neu-a'), address('neu-b')];
    const { data } = await importRows(emails.map((email) => ({ email, name: 'Neu' })));
    expect(data.outcomes).toEqual(['added', 'added']);
    expect(data.mailingId).toBe(data.importId);
    for (const email of emails) {
      const s = await stored(email);
      expect(s?.status).toBe('pending');
      expect(s?.importId).toBe(data.importId);
      expect(s?.purposes).toEqual({ invitations: true, volunteer: false });
      expect(s?.consents.invitations).toMatchObject({
        form: 'import',
        formId: 'verwaltung-import/2026-11',
        textVersion: '2026-11',
        confirmedAt: null,
      });
      expect(s?.consents.invitations.note).toContain('Teilnehmerliste Netzwerktreffen');
      expect(s?.consents.invitations.note).toContain(COORDINATOR_A.email);
    }
    const mailing = await adminDb.doc(paths.mailing(NETWORK, data.mailingId!)).get();
    expect(mailing.get('purpose')).toBe('optIn');
    expect(mailing.get('recipients')).toEqual({
      source: 'subscriberImport',
      importId: data.importId,
    });
  });

  it('reports known, unsubscribed and invalid addresses instead of changing them', async () => {
    const seeded = await adminDb.collection(paths.subscribers(NETWORK)).get();
    const byStatus = (status: string) =>
      String(seeded.docs.find((d) => d.get('status') === status)?.get('email'));
    const rows = [
      { email: byStatus('confirmed') },
      { email: byStatus('pending') },
      { email: byStatus('unsubscribed') },
      { email: byStatus('bounced') },
    ];
    const before = await Promise.all(rows.map((r) => stored(r.email)));
    const { data } = await importRows(rows);
    expect(data.outcomes).toEqual(['subscribed', 'pending', 'refused', 'bounced']);
    expect(data.mailingId).toBeNull();
    expect(await Promise.all(rows.map((r) => stored(r.email)))).toEqual(before);

    const bad = await failure(importRows([{ email: address('ok') }, { email: 'kein-at' }]));
    expect(bad.code).toBe('functions/invalid-argument');
    expect(bad.details).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'rows.1.email' });
    const twice = address('doppelt');
    const dup = await failure(importRows([{ email: twice }, { email: twice }]));
    expect(dup.details).toMatchObject({ field: 'rows.1.email' });
    expect(await stored(twice)).toBeUndefined();
  });

  it('refuses a coordinator of another network and a signed-out caller', async () => {
    const refused = await failure(
      other.call('importSubscribers', {
        networkId: NETWORK,
        kind: 'coordinator',
        rows: [{ email: address('fremd') }],
      }),
    );
    expect(refused.code).toBe('functions/permission-denied');
    expect(refused.details?.code).toBe('NOT_COORDINATOR');
    const anonymous = await clientAs();
    try {
      const error = await failure(
        anonymous.call('eraseSubscriber', { networkId: NETWORK, subscriberId: 'a'.repeat(64) }),
      );
      expect(error.code).toBe('functions/unauthenticated');
    } finally {
      await anonymous.close();
    }
  });
});

describe('resending, unsubscribing, erasing', () => {
  it('resends a confirmation to a pending address, at most three a day', async () => {
    const email = address('nochmal');
    await importRows([{ email }], 'coordinator');
    const subscriberId = await subscriberIdFor(email);
    const call = () => coordinator.call('resendConfirmation', { networkId: NETWORK, subscriberId });
    for (let i = 0; i < 3; i++) await call();
    // The import's own opt-in mail goes through the pipeline and may arrive before or after.
    const resent = (list: Awaited<ReturnType<typeof mailTo>>) =>
      list.filter((m) => m.subject.includes('Bitte bestätigen Sie Ihre Anmeldung'));
    const mails = await eventually(async () => {
      const list = resent(await mailTo(email));
      return list.length >= 3 ? list : undefined;
    });
    expect(mails).toHaveLength(3);
    expect(mails[0]!.text).toContain('Koordinierungsstelle');
    expect((await stored(email))?.consents.invitations.mailSentAt).toBeTruthy();
    const limited = await failure(call());
    expect(limited.details?.code).toBe('MAIL_LIMIT_REACHED');
  });

  it('unsubscribes on request, withdrawing the consent records', async () => {
    const seeded = await adminDb
      .collection(paths.subscribers(NETWORK))
      .where('status', '==', 'confirmed')
      .limit(1)
      .get();
    const subscriberId = seeded.docs[0]!.id;
    await coordinator.call('unsubscribeSubscriber', { networkId: NETWORK, subscriberId });
    const after = (await adminDb.doc(paths.subscriber(NETWORK, subscriberId)).get()).data();
    expect(after?.status).toBe('unsubscribed');
    expect(after?.volunteer).toBeNull();
    const records = Object.values(after?.consents ?? {}).filter(Boolean) as Array<{
      withdrawnAt: unknown;
    }>;
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.withdrawnAt).toBeTruthy();
  });

  it('erases on request; a later import is refused, a new signup by the person is not', async () => {
    const email = address('geloescht');
    await importRows([{ email }]);
    const subscriberId = await subscriberIdFor(email);
    await coordinator.call('eraseSubscriber', { networkId: NETWORK, subscriberId });
    expect(await stored(email)).toBeUndefined();
    const again = await failure(
      coordinator.call('eraseSubscriber', { networkId: NETWORK, subscriberId }),
    );
    expect(again.details?.code).toBe('SUBSCRIBER_NOT_FOUND');

    const { data } = await importRows([{ email }]);
    expect(data.outcomes).toEqual(['suppressed']);
    expect(await stored(email)).toBeUndefined();

    // The person signs up and confirms themselves: that lifts the block.
    const res = await fetch(`${APP_URL}/api/subscribers/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'fastly-client-ip': '192.0.2.77' },
      body: JSON.stringify({
        networkId: NETWORK,
        email,
        purposes: { invitations: true, volunteer: false },
        consentVersions: { invitations: '2026-11' },
      }),
    });
    expect(res.status).toBe(202);
    // The import's opt-in mail may still arrive from the pipeline (its link died with the
    // erasure): the person's own confirmation is the signup mail.
    const [mail] = await eventually(async () => {
      const list = (await mailTo(email)).filter((m) =>
        m.subject.startsWith('Bitte bestätigen Sie Ihre Anmeldung'),
      );
      return list.length > 0 ? list : undefined;
    });
    const token = /bestaetigen#t=([A-Za-z0-9_-]{43})/.exec(mail!.text)![1];
    const confirmed = await fetch(`${APP_URL}/api/subscribers/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(confirmed.status).toBe(200);
    const block = adminDb.doc(await suppressionPath(adminDb, NETWORK, email));
    expect((await block.get()).exists).toBe(false);
    expect((await importRows([{ email }])).data.outcomes).toEqual(['subscribed']);
    await coordinator.call('eraseSubscriber', { networkId: NETWORK, subscriberId });
    expect((await block.get()).exists).toBe(true);
    // Erased again (by request), so blocked again.
    expect((await importRows([{ email }])).data.outcomes).toEqual(['suppressed']);
  });
});

describe('mails through the pipeline', () => {
  async function rawHeader(id: string, name: string) {
    const res = await fetch(`${MAILDEV_API}/api/email/${id}/source`);
    const head = ((await res.text()).split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
    const line = head
      .split(/\r?\n/)
      .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    return line?.slice(name.length + 1).trim();
  }

  it('sends an import its opt-in mails; confirming records when the mail was sent', async () => {
    const email = address('opt-in');
    const { data } = await importRows([{ email, name: 'Olga Opt-in' }]);
    const [mail] = await eventually(async () => {
      const list = await mailTo(email);
      return list.length > 0 ? list : undefined;
    }, 45_000);
    expect(mail!.subject).toBe(
      'Bitte bestätigen Sie: Einladungsverteiler Integrationsnetzwerk Landkreis Rheinwald',
    );
    expect(mail!.text).toContain('Guten Tag Olga Opt-in,');
    expect(await rawHeader(mail!.id, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(await rawHeader(mail!.id, 'List-Unsubscribe')).toMatch(
      /^<https?:\/\/[^>]+\/api\/subscribers\/unsubscribe\?token=[A-Za-z0-9_-]{43}>$/,
    );
    const token = /bestaetigen#t=([A-Za-z0-9_-]{43})/.exec(mail!.text)![1];
    const res = await fetch(`${APP_URL}/api/subscribers/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(res.status).toBe(200);
    const s = await stored(email);
    expect(s?.status).toBe('confirmed');
    expect(s?.consents.invitations.mailSentAt).toBeTruthy();
    expect(s?.consents.invitations.confirmedAt).toBeTruthy();
    const delivery = await adminDb
      .collection(paths.deliveries(NETWORK, data.mailingId!))
      .where('address', '==', email)
      .get();
    expect(delivery.docs[0]?.get('status')).toBe('sent');
  });

  it('sends a mailing to confirmed subscribers who chose invitations, each with one-click unsubscribe', async () => {
    const town = 'hemerfeld';
    const all = await adminDb.collection(paths.subscribers(town)).get();
    const expected = all.docs
      .filter((d) => d.get('status') === 'confirmed' && d.get('purposes.invitations') === true)
      .map((d) => String(d.get('email')))
      .sort();
    expect(expected.length).toBeGreaterThan(2);
    const now = new Date();
    const ref = adminDb.collection(paths.mailings(town)).doc();
    await ref.set({
      purpose: 'information',
      meetingId: null,
      subject: 'Neues aus dem Netzwerk',
      bodyText: '{{anrede}}\n\nunser nächstes Treffen steht fest.',
      bodyHtml: '',
      attachments: [],
      recipients: { source: 'subscribers', interests: [] },
      settings: DEFAULT_MAILING_SETTINGS,
      status: 'queued',
      progress: initialMailingProgress(),
      createdAt: now,
      updatedAt: now,
      updatedBy: 'test',
    });
    const mails = await eventually(async () => {
      const list = (await listMail()).filter((m) => m.subject === 'Neues aus dem Netzwerk');
      return list.length >= expected.length ? list : undefined;
    }, 45_000);
    expect(mails.map((m) => m.to[0]!.address).sort()).toEqual(expected);
    for (const mail of mails) {
      expect(await rawHeader(mail.id, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    }
    // The visible footer link is the same URL: opening it changes nothing, posting unsubscribes.
    const url = /<(https?:\/\/[^>]+)>/.exec(
      (await rawHeader(mails[0]!.id, 'List-Unsubscribe'))!,
    )![1]!;
    expect(mails[0]!.text).toContain(url);
    const local = url.replace(/^https?:\/\/[^/]+/, APP_URL);
    expect((await fetch(local, { redirect: 'manual' })).status).toBe(303);
    const to = mails[0]!.to[0]!.address;
    const sid = await subscriberIdFor(to);
    expect((await adminDb.doc(paths.subscriber(town, sid)).get()).get('status')).toBe('confirmed');
    const post = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect((await adminDb.doc(paths.subscriber(town, sid)).get()).get('status')).toBe(
      'unsubscribed',
    );
  });
});
