// The mail pipeline through the real path: a mailing document → the Firestore trigger → the
// Tasks emulator → the task queue function → maildev, read back through maildev's API.
import { getApps } from 'firebase-admin/app';
import { getFunctions } from 'firebase-admin/functions';
import { paths } from '@knotenpunkt/model';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleMailingWritten } from '../../functions/src/mailing/control.ts';
import { firestoreStore } from '../../functions/src/mailing/firestoreStore.ts';
import { taskIdFor, taskQueueEnqueue } from '../../functions/src/mailing/tasks.ts';
import { adminDb, eventually } from '../support/admin.ts';
import { clearMail, listMail, type CaughtMail } from '../support/maildev.ts';
import { MAILDEV_API } from '../support/env.ts';
import {
  NETWORK,
  NETWORK_NAME,
  deliveriesOf,
  ensureNetwork,
  newMailingId,
  readMailing,
  tally,
  testRecipients,
  untilStatus,
  writeMailing,
} from './mailingSupport.ts';

// The test process enqueues into the Tasks emulator like the functions do.
process.env.CLOUD_TASKS_EMULATOR_HOST ??= '127.0.0.1:9499';
const enqueue = taskQueueEnqueue(getFunctions(getApps()[0]));
const FAST = { perMinute: 60_000, batchSize: 100 };

beforeAll(ensureNetwork);
beforeEach(clearMail);

async function caughtFor(prefix: string): Promise<CaughtMail[]> {
  return (await listMail()).filter((m) => m.to.some((t) => t.address.startsWith(`${prefix}-`)));
}

/** The header block of the raw message as maildev received it (its JSON drops List-* headers). */
async function rawHeaders(mail: CaughtMail): Promise<Map<string, string>> {
  const res = await fetch(`${MAILDEV_API}/api/email/${mail.id}/source`);
  const head = (await res.text()).split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function perAddress(mails: CaughtMail[]) {
  return tally(mails.flatMap((m) => m.to.map((t) => t.address.toLowerCase())));
}

describe('a mailing sent through the emulators', () => {
  it('reaches 300 recipients exactly once and ends as sent with the counts', async () => {
    const id = newMailingId('dreihundert');
    const recipients = testRecipients(id, 300);
    await writeMailing(
      id,
      { recipients: { source: 'test', recipients }, settings: FAST },
      'queued',
    );

    const done = await untilStatus(id, 'sent', 90_000);
    expect(done.progress).toMatchObject({
      total: 300,
      sent: 300,
      failed: 0,
      planned: true,
      run: 1,
    });
    const counts = perAddress(
      await eventually(async () => {
        const mails = await caughtFor(id);
        return mails.length >= 300 ? mails : undefined;
      }),
    );
    expect(counts.size).toBe(300);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const deliveries = await deliveriesOf(id);
    expect(deliveries.filter((d) => d.status === 'sent')).toHaveLength(300);
  });

  it('sends once when the trigger fires twice and the start and next task run twice', async () => {
    const id = newMailingId('doppelt');
    const recipients = testRecipients(id, 60);
    const key = { networkId: NETWORK, mailingId: id };
    const settings = { perMinute: 60_000, batchSize: 20 };
    // Queued: the real trigger fires once; two more "deliveries" of the same event follow.
    await writeMailing(id, { recipients: { source: 'test', recipients }, settings }, 'queued');
    const event = [
      { status: 'draft', progress: { run: 0 } },
      { status: 'queued', progress: { run: 0 } },
    ] as const;
    const deps = { store: firestoreStore(adminDb), enqueue };
    const again = await Promise.all([
      handleMailingWritten(key, event[0], event[1], deps),
      handleMailingWritten(key, event[0], event[1], deps),
    ]);
    expect(again.filter((r) => r === 'enqueued').length).toBeLessThanOrEqual(1);
    expect(again).toContain('exists');
    // Cloud Tasks may run a task twice: the same start and the same second batch once more.
    await enqueue({ ...key, run: 1, seq: 0 }, { id: await taskIdFor(key, 1, 0, '-nochmal') });
    await enqueue({ ...key, run: 1, seq: 1 }, { id: await taskIdFor(key, 1, 1, '-nochmal') });

    const done = await untilStatus(id, 'sent', 60_000);
    expect(done.progress).toMatchObject({ total: 60, sent: 60, run: 1 });
    const counts = perAddress(
      await eventually(async () => {
        const mails = await caughtFor(id);
        return mails.length >= 60 ? mails : undefined;
      }),
    );
    // Late duplicates would arrive after "sent": give them a moment.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await caughtFor(id)).length).toBe(60);
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('steering a running mailing', () => {
  it('pauses: no mail leaves while paused, and resuming sends the rest exactly once', async () => {
    const id = newMailingId('pause');
    const recipients = testRecipients(id, 40);
    await writeMailing(
      id,
      { recipients: { source: 'test', recipients }, settings: { perMinute: 600, batchSize: 50 } },
      'queued',
    );
    const ref = adminDb.doc(paths.mailing(NETWORK, id));
    await eventually(async () => ((await caughtFor(id)).length >= 5 ? true : undefined), 30_000);
    await ref.update({ status: 'paused' });

    // The worker stops before its next mail and leaves the figures right.
    const paused = await eventually(async () => {
      const m = await readMailing(id);
      const caught = (await caughtFor(id)).length;
      return m?.progress.sent === caught ? caught : undefined;
    }, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await caughtFor(id)).length).toBe(paused);
    expect(paused).toBeLessThan(40);
    expect((await readMailing(id))?.status).toBe('paused');

    await ref.update({ status: 'queued' });
    const done = await untilStatus(id, 'sent', 60_000);
    expect(done.progress).toMatchObject({ total: 40, sent: 40, run: 2 });
    const counts = perAddress(await caughtFor(id));
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('cancels: the rest is never sent and the final figures match what was caught', async () => {
    const id = newMailingId('abbruch');
    const recipients = testRecipients(id, 40);
    await writeMailing(
      id,
      { recipients: { source: 'test', recipients }, settings: { perMinute: 600, batchSize: 50 } },
      'queued',
    );
    await eventually(async () => ((await caughtFor(id)).length >= 5 ? true : undefined), 30_000);
    await adminDb.doc(paths.mailing(NETWORK, id)).update({ status: 'cancelled' });

    const final = await eventually(async () => {
      const m = await readMailing(id);
      const caught = (await caughtFor(id)).length;
      return m?.progress.finishedAt && m.progress.sent === caught ? m : undefined;
    }, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    const caught = await caughtFor(id);
    expect(caught.length).toBe(final.progress.sent);
    expect(caught.length).toBeLessThan(40);
    expect((await readMailing(id))?.status).toBe('cancelled');
    const deliveries = await deliveriesOf(id);
    expect(deliveries.filter((d) => d.status === 'queued').length).toBe(40 - caught.length);
    expect(deliveries.filter((d) => d.status === 'sending')).toEqual([]);
  });
});

describe('the mail as it arrives', () => {
  it('carries Message-ID, List-Id, one-click List-Unsubscribe, text and HTML, and the .ics', async () => {
    const id = newMailingId('kopf');
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Knotenpunkt//DE\r\nEND:VCALENDAR\r\n';
    await writeMailing(
      id,
      {
        subject: 'Einladung für {{name}}',
        bodyText: 'Guten Tag {{name}},\n\nbis bald im {{netzwerk}}.\nAbmelden: {{abmeldelink}}',
        recipients: {
          source: 'test',
          recipients: [{ email: `${id}-0001@versand.test`, name: 'Ada <b>Lovelace</b> & Co' }],
          unsubscribe: true,
        },
        attachments: [
          { name: 'einladung.ics', contentType: 'text/calendar; method=PUBLISH', content: ics },
        ],
        settings: FAST,
      },
      'queued',
    );
    await untilStatus(id, 'sent');
    const [mail] = await eventually(async () => {
      const mails = await caughtFor(id);
      return mails.length === 1 ? mails : undefined;
    });
    const [delivery] = await deliveriesOf(id);
    const headers = await rawHeaders(mail!);

    expect(headers.get('message-id')).toBe(delivery!.messageId);
    expect(delivery!.messageId).toMatch(/^<[0-9a-f]{32}\.kopf-[^@]+@knotenpunkt\.local>$/);
    expect(headers.get('list-id')).toBe(`"${NETWORK_NAME}" <${NETWORK}.knotenpunkt.local>`);
    expect(headers.get('list-unsubscribe')).toMatch(
      /^<http:\/\/127\.0\.0\.1:5000\/api\/testversand\/abmelden\?versand=kopf-[^&]+&an=kopf-[^>]+>$/,
    );
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(headers.get('reply-to')).toBe('koordination@versand.test');
    expect(mail!.from[0]).toEqual({ address: 'noreply@knotenpunkt.local', name: NETWORK_NAME });
    expect(mail!.subject).toBe('Einladung für Ada <b>Lovelace</b> & Co');

    expect(mail!.text).toContain('Guten Tag Ada <b>Lovelace</b> & Co,');
    expect(mail!.text).toContain(`bis bald im ${NETWORK_NAME}.`);
    expect(mail!.text).toContain('über Knotenpunkt geschickt');
    expect(mail!.html).toContain('Guten Tag Ada &lt;b&gt;Lovelace&lt;/b&gt; &amp; Co,');
    expect(mail!.html).not.toContain('<b>Lovelace</b>');
    expect(mail!.html).toContain('>Abmelden</a>');

    const attachments = (mail as unknown as { attachments: Array<Record<string, unknown>> })
      .attachments;
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ filename: 'einladung.ics' });
    expect(String(attachments[0]!.contentType)).toMatch(/^text\/calendar/);
  });
});
