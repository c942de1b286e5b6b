// The pipeline's handler called directly, with a tiny SMTP sink that can refuse, and a fault
// switch that makes the worker "die" mid-batch. The mailings here are already `sending` (as if
// their start task ran), so the emulator's own trigger leaves them alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '@knotenpunkt/model';
import { createMailer } from '../../functions/src/mail/transport.ts';
import { firestoreStore } from '../../functions/src/mailing/firestoreStore.ts';
import { DEFAULT_POLICY } from '../../functions/src/mailing/policy.ts';
import {
  defaultSources,
  type PermanentFailure,
} from '../../functions/src/mailing/sources/index.ts';
import type { Enqueue, MailingTask } from '../../functions/src/mailing/tasks.ts';
import {
  SimulatedCrash,
  handleMailingTask,
  type TaskResult,
  type WorkerDeps,
} from '../../functions/src/mailing/worker.ts';
import { adminDb } from '../support/admin.ts';
import { startSink, type Sink } from './mailingSink.ts';
import {
  NETWORK,
  deliveriesOf,
  ensureNetwork,
  newMailingId,
  readMailing,
  tally,
  testRecipients,
  writeMailing,
} from './mailingSupport.ts';

const FROM = 'Knotenpunkt (Test) <noreply@knotenpunkt.local>';
let sink: Sink;

beforeAll(async () => {
  await ensureNetwork();
  sink = await startSink();
});
afterAll(() => sink.close());

/** Cloud Tasks in miniature: names are unique, tasks run one after another when drained. */
class TaskQueue {
  readonly names = new Set<string>();
  readonly pending: MailingTask[] = [];
  enqueue: Enqueue = async (task, { id }) => {
    if (this.names.has(id)) return 'exists';
    this.names.add(id);
    this.pending.push(task);
    return 'enqueued';
  };
  async drain(deps: WorkerDeps, max = 50): Promise<TaskResult[]> {
    const results: TaskResult[] = [];
    for (
      let task = this.pending.shift();
      task && results.length < max;
      task = this.pending.shift()
    ) {
      results.push(await handleMailingTask(task, deps));
    }
    return results;
  }
}

function workerDeps(queue: TaskQueue, over: Partial<WorkerDeps> = {}): WorkerDeps {
  return {
    db: adminDb,
    store: firestoreStore(adminDb),
    sources: defaultSources(),
    mailer: () =>
      createMailer(sink.url, FROM, false, { pool: true, maxConnections: 3, timeoutMs: 5000 }),
    enqueue: queue.enqueue,
    from: FROM,
    baseUrl: 'http://127.0.0.1:5000',
    maxPerMinute: 60_000,
    policy: {
      ...DEFAULT_POLICY,
      budgetMs: 10_000,
      leaseMs: 600,
      retryBaseMs: 100,
      retryMaxMs: 400,
      concurrency: 3,
      maxInlineWaitMs: 5_000,
      flushEveryMs: 50,
      controlEveryMs: 20,
      planPageSize: 25,
    },
    ...over,
  };
}

/** A mailing whose start task has run: sending, run 1; its first batch task is seq 1. */
async function sendingMailing(label: string, count: number, settings = {}) {
  const id = newMailingId(label);
  const recipients = testRecipients(id, count);
  await writeMailing(
    id,
    { recipients: { source: 'test', recipients }, settings: { perMinute: 60_000, ...settings } },
    'sending',
    { run: 1, startedAt: new Date() },
  );
  const task: MailingTask = { networkId: NETWORK, mailingId: id, run: 1, seq: 1 };
  return { id, recipients: recipients.map((r) => r.email), task };
}

const counted = (addresses: string[]) =>
  tally(sink.messages.flatMap((m) => m.to).filter((a) => addresses.includes(a)));

/** Sends a sending mailing to the end, with `change` made right after the source planned it. */
async function sendChangingAfterPlanning(
  id: string,
  name: 'subscribers' | 'contacts',
  change: () => Promise<unknown>,
) {
  const sources = defaultSources();
  const planned = sources[name];
  sources[name] = {
    ...planned,
    async page(ctx, cursor, limit) {
      const page = await planned.page(ctx, cursor, limit);
      await change();
      return page;
    },
  };
  const queue = new TaskQueue();
  const deps = workerDeps(queue, { sources });
  await handleMailingTask({ networkId: NETWORK, mailingId: id, run: 1, seq: 1 }, deps);
  await queue.drain(deps);
}

describe('a worker that dies in the middle of a batch', () => {
  it('leaves its claims leased; the retried task sends the rest, each recipient exactly once', async () => {
    const { id, recipients, task } = await sendingMailing('absturz', 30, { batchSize: 30 });
    const queue = new TaskQueue();

    await expect(
      handleMailingTask(task, workerDeps(queue, { fault: { crashBeforeSend: 12 } })),
    ).rejects.toThrow(SimulatedCrash);
    const afterCrash = await deliveriesOf(id);
    const stuck = afterCrash.filter((d) => d.status === 'sending');
    expect(stuck.length).toBeGreaterThan(0);
    expect(stuck.every((d) => d.leaseId !== '')).toBe(true);
    const sentBefore = afterCrash.filter((d) => d.status === 'sent').length;
    expect(counted(recipients).size).toBe(sentBefore);
    expect(sentBefore).toBeLessThan(30);

    // Cloud Tasks retries the failed task; the dead worker's leases run out, then it goes on.
    const deps = workerDeps(queue);
    await handleMailingTask(task, deps);
    await queue.drain(deps);

    const perRecipient = counted(recipients);
    expect(perRecipient.size).toBe(30);
    expect([...perRecipient.values()].filter((n) => n > 1)).toEqual([]);
    const mailing = await readMailing(id);
    expect(mailing?.status).toBe('sent');
    expect(mailing?.progress).toMatchObject({ total: 30, sent: 30, failed: 0 });
  });

  it('repeats exactly the one mail accepted but not yet recorded, with the same Message-ID', async () => {
    const { id, recipients, task } = await sendingMailing('fenster', 10, { batchSize: 10 });
    const queue = new TaskQueue();
    await expect(
      handleMailingTask(task, workerDeps(queue, { fault: { crashAfterAccept: 4 } })),
    ).rejects.toThrow(SimulatedCrash);
    const deps = workerDeps(queue);
    await handleMailingTask(task, deps);
    await queue.drain(deps);

    const twice = [...counted(recipients)].filter(([, n]) => n === 2).map(([a]) => a);
    expect(twice).toHaveLength(1);
    expect(counted(recipients).size).toBe(10);
    const copies = sink.messages.filter((m) => m.to.includes(twice[0]!));
    expect(copies[0]!.messageId).toBe(copies[1]!.messageId);
    expect((await readMailing(id))?.progress).toMatchObject({ total: 10, sent: 10 });
  });
});

// The Tasks emulator dispatches a delayed task at once; the task waits a while itself.
describe('a task dispatched before its time', () => {
  it('waits at most a while, then sends what is due', async () => {
    const { id, recipients, task } = await sendingMailing('frueh', 3);
    const queue = new TaskQueue();
    const slept: number[] = [];
    const base = workerDeps(queue);
    const deps = workerDeps(queue, {
      policy: { ...base.policy, maxInlineWaitMs: 300 },
      clock: {
        now: () => new Date(),
        sleep: (ms) => {
          slept.push(ms);
          return new Promise((resolve) => setTimeout(resolve, ms));
        },
      },
    });

    await handleMailingTask({ ...task, notBefore: Date.now() + 10 * 60_000 }, deps);
    await queue.drain(deps);
    expect(slept[0]).toBe(300);
    expect([...counted(recipients).values()]).toEqual([1, 1, 1]);
    expect((await readMailing(id))?.status).toBe('sent');
  });

  it('looks again soon when it waits for a lease, and sends a claim released meanwhile', async () => {
    const { id, recipients, task } = await sendingMailing('freigabe', 3, { batchSize: 3 });
    const queue = new TaskQueue();
    const base = workerDeps(queue);
    const policy = {
      ...base.policy,
      leaseMs: 10 * 60_000,
      maxInlineWaitMs: 100,
      maxHandOverMs: 1_000,
    };
    // A worker claims all three and stops before sending (its claims now hold for ten minutes).
    await expect(
      handleMailingTask(task, workerDeps(queue, { policy, fault: { crashBeforeSend: 1 } })),
    ).rejects.toThrow(SimulatedCrash);
    const deps = workerDeps(queue, { policy });

    // The next task finds nothing due and hands over, to look again within a second.
    const before = Date.now();
    expect(await handleMailingTask({ ...task, seq: 2 }, deps)).toBe('waiting');
    const successor = queue.pending.at(-1)!;
    expect(successor.notBefore).toBeGreaterThan(before);
    expect(successor.notBefore).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(counted(recipients).size).toBe(0);

    // The first worker lets go of its claims; the successor sends them, each once.
    const leased = (await deliveriesOf(id)).filter((d) => d.status === 'sending');
    expect(leased).toHaveLength(3);
    await firestoreStore(adminDb).release(
      { networkId: NETWORK, mailingId: id },
      leased.map((d) => d.id),
      leased[0]!.leaseId,
      new Date(),
    );
    await queue.drain(deps);
    expect([...counted(recipients).values()]).toEqual([1, 1, 1]);
    expect((await readMailing(id))?.status).toBe('sent');
  });
});

describe('answers of the mail server', () => {
  it('a 451 is retried after a backoff and the mail then goes out once', async () => {
    const { id, recipients, task } = await sendingMailing('grau', 3);
    const greylisted = recipients[1]!;
    sink.setRule((address, attempt) =>
      address === greylisted && attempt === 1
        ? { code: 451, text: '4.7.1 Greylisted, try again later' }
        : null,
    );
    const queue = new TaskQueue();
    const deps = workerDeps(queue);
    await handleMailingTask(task, deps);
    await queue.drain(deps);
    sink.setRule(() => null);

    expect(sink.attempts.get(greylisted)).toBe(2);
    expect(counted(recipients).get(greylisted)).toBe(1);
    const delivery = (await deliveriesOf(id)).find((d) => d.address === greylisted)!;
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2 });
    expect(delivery.lastAnswer).toMatch(/^250/);
    expect((await readMailing(id))?.progress).toMatchObject({ total: 3, sent: 3, failed: 0 });
  });

  it('a 550 marks the delivery failed with the answer and tells the recipient source', async () => {
    const { id, recipients, task } = await sendingMailing('unbekannt', 4);
    const unknown = recipients[2]!;
    sink.setRule((address) =>
      address === unknown ? { code: 550, text: '5.1.1 User unknown' } : null,
    );
    const reports: PermanentFailure[] = [];
    const sources = defaultSources();
    sources.test = {
      ...sources.test,
      onPermanentFailure: async (_ctx, failure) => void reports.push(failure),
    };
    const queue = new TaskQueue();
    const deps = workerDeps(queue, { sources });
    await handleMailingTask(task, deps);
    await queue.drain(deps);
    sink.setRule(() => null);

    const delivery = (await deliveriesOf(id)).find((d) => d.address === unknown)!;
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(delivery.lastAnswer).toMatch(/^550 5\.1\.1 User unknown/);
    expect(reports).toEqual([{ address: unknown, sourceRef: '', answer: delivery.lastAnswer }]);
    expect(counted(recipients).has(unknown)).toBe(false);
    const mailing = await readMailing(id);
    expect(mailing?.status).toBe('sent');
    expect(mailing?.progress).toMatchObject({ total: 4, sent: 3, failed: 1 });
  });

  it('five failures in a row pause the mailing with the reason and hand the rest back', async () => {
    const { id, recipients, task } = await sendingMailing('gesperrt', 12, { pauseAfterErrors: 5 });
    sink.setRule(() => ({ code: 451, text: '4.3.0 Try again later' }));
    const queue = new TaskQueue();
    const deps = workerDeps(queue, { policy: { ...workerDeps(queue).policy, concurrency: 1 } });
    expect(await handleMailingTask(task, deps)).toBe('paused');
    sink.setRule(() => null);

    const mailing = await readMailing(id);
    expect(mailing?.status).toBe('paused');
    expect(mailing?.progress.pauseReason).toBe(
      'Automatisch angehalten nach 5 Fehlern in Folge. Letzte Antwort des Mailservers: 451 4.3.0 Try again later',
    );
    const deliveries = await deliveriesOf(id);
    expect(deliveries.filter((d) => d.status === 'sending')).toEqual([]);
    expect(deliveries.filter((d) => d.status === 'queued')).toHaveLength(12);
    expect(deliveries.filter((d) => d.attempts === 1)).toHaveLength(5);
    expect(counted(recipients).size).toBe(0);
    // Nothing is enqueued: only a coordinator's resume starts a new run.
    expect(queue.pending).toEqual([]);
  });
});

describe('recipients who leave while a mailing runs', () => {
  it('get nothing once unsubscribed or erased after planning; the others get their mail', async () => {
    const id = newMailingId('abgang');
    const people = ['bleibt', 'geloescht', 'abgemeldet'].map((who) => ({
      id: `${id}-${who}`,
      email: `${who}@${id}.example`,
    }));
    const now = new Date();
    for (const p of people) {
      await adminDb.doc(paths.subscriber(NETWORK, p.id)).set({
        email: p.email,
        name: '',
        organisation: '',
        status: 'confirmed',
        purposes: { invitations: true, volunteer: false },
        interests: [],
        updatedAt: now,
      });
    }
    await writeMailing(
      id,
      { recipients: { source: 'subscribers', interests: [] }, settings: { perMinute: 60_000 } },
      'sending',
      { run: 1, startedAt: now },
    );
    // Right after the list is planned, one person is erased and one unsubscribes.
    await sendChangingAfterPlanning(id, 'subscribers', async () => {
      await adminDb.doc(paths.subscriber(NETWORK, people[1]!.id)).delete();
      await adminDb.doc(paths.subscriber(NETWORK, people[2]!.id)).update({
        status: 'unsubscribed',
      });
    });

    const addresses = people.map((p) => p.email);
    expect([...counted(addresses).keys()]).toEqual([people[0]!.email]);
    const byAddress = new Map((await deliveriesOf(id)).map((d) => [d.address, d]));
    expect(byAddress.get(people[0]!.email)?.status).toBe('sent');
    expect(byAddress.get(people[1]!.email)).toMatchObject({
      status: 'failed',
      lastAnswer: expect.stringMatching(/^Nicht gesendet: .*gelöscht/),
    });
    expect(byAddress.get(people[2]!.email)).toMatchObject({
      status: 'failed',
      lastAnswer: expect.stringMatching(/^Nicht gesendet: .*abgemeldet/),
    });
    const mailing = await readMailing(id);
    expect(mailing?.status).toBe('sent');
    expect(mailing?.progress).toMatchObject({ total: 3, sent: 1, failed: 2, consecutiveErrors: 0 });
  });

  it('a contact whose consent is withdrawn after planning gets nothing', async () => {
    const id = newMailingId('einwilligung');
    const contacts = ['bleibt', 'widerruft'].map((who) => ({
      id: `${id}-${who}`,
      email: `${who}@${id}.example`,
    }));
    for (const c of contacts) {
      await adminDb.doc(paths.contact(c.id)).set({
        networkIds: [NETWORK],
        name: c.id,
        email: c.email,
        consent: { given: true },
      });
    }
    await writeMailing(
      id,
      { recipients: { source: 'contacts' }, settings: { perMinute: 60_000 } },
      'sending',
      { run: 1, startedAt: new Date() },
    );
    await sendChangingAfterPlanning(id, 'contacts', () =>
      adminDb.doc(paths.contact(contacts[1]!.id)).update({ 'consent.given': false }),
    );

    const addresses = contacts.map((c) => c.email);
    expect([...counted(addresses).keys()]).toEqual([contacts[0]!.email]);
    const gone = (await deliveriesOf(id)).find((d) => d.address === contacts[1]!.email);
    expect(gone).toMatchObject({
      status: 'failed',
      lastAnswer: expect.stringMatching(/^Nicht gesendet: .*Einwilligung/),
    });
  });
});
