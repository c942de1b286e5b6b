// What starts and ends runs besides the worker itself: the trigger on the mailing document (a
// coordinator sends, resumes or cancels) and the sweeper that restarts a run whose tasks died.
import type { Firestore } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import type { MailingStatus } from '@knotenpunkt/model';
import type { MailingKey, MailingStore } from './store.ts';
import { taskIdFor, type Enqueue } from './tasks.ts';

export interface ControlDeps {
  store: MailingStore;
  enqueue: Enqueue;
  now?: () => Date;
}

interface MailingSnapshot {
  status?: unknown;
  progress?: { run?: unknown };
}

const statusOf = (data: MailingSnapshot | undefined) =>
  typeof data?.status === 'string' ? (data.status as MailingStatus) : undefined;
const runOf = (data: MailingSnapshot | undefined) =>
  typeof data?.progress?.run === 'number' ? data.progress.run : 0;

export type WrittenResult = 'ignored' | 'enqueued' | 'exists' | 'finalized';

/**
 * networks/{n}/mailings/{m} written. Queued (sent off or resumed) → enqueue the start task of the
 * next run; its name is deterministic, so a trigger that fires twice enqueues it once, and the
 * task's own transaction makes a task that runs twice start the run once. Cancelled → the final
 * figures. Everything else (the worker's progress writes) is ignored.
 */
export async function handleMailingWritten(
  key: MailingKey,
  before: MailingSnapshot | undefined,
  after: MailingSnapshot | undefined,
  deps: ControlDeps,
): Promise<WrittenResult> {
  const was = statusOf(before);
  const is = statusOf(after);
  if (is === 'queued' && was !== 'queued') {
    const run = runOf(after) + 1;
    return deps.enqueue({ ...key, run, seq: 0 }, { id: await taskIdFor(key, run, 0) });
  }
  if (is === 'cancelled' && was !== 'cancelled') {
    const now = (deps.now ?? (() => new Date()))();
    const counts = await deps.store.count(key);
    await deps.store.update(key, {
      run: null,
      expect: ['cancelled'],
      progress: { finishedAt: now },
      counts: { counts, countedAt: now },
    });
    return 'finalized';
  }
  return 'ignored';
}

/** A run without a sign of life for this long has lost its tasks (Cloud Tasks gave up). */
export const STALL_MS = 15 * 60_000;

/**
 * Scheduled safety net: mailings sending without a heartbeat, or queued without a start, for
 * STALL_MS get a new task. Its name carries the minute, so it is not mistaken for the lost one.
 */
export async function handleResumeStalledMailings(
  db: Firestore,
  deps: ControlDeps,
): Promise<number> {
  const now = (deps.now ?? (() => new Date()))();
  const before = Timestamp.fromMillis(now.getTime() - STALL_MS);
  const minute = Math.floor(now.getTime() / 60_000);
  const snap = await db
    .collectionGroup('mailings')
    .where('status', 'in', ['queued', 'sending'])
    .get();
  let resumed = 0;
  for (const doc of snap.docs) {
    const networkId = doc.ref.parent.parent?.id;
    if (!networkId) continue;
    const key = { networkId, mailingId: doc.id };
    const status = doc.get('status') as MailingStatus;
    const run = Number(doc.get('progress.run') ?? 0);
    const lastSign = (doc.get('progress.heartbeatAt') ?? doc.get('updatedAt')) as Timestamp | null;
    if (lastSign && lastSign.toMillis() > before.toMillis()) continue;
    const task =
      status === 'queued' ? { ...key, run: run + 1, seq: 0 } : { ...key, run, seq: minute };
    const id = await taskIdFor(key, task.run, task.seq, status === 'queued' ? `-w${minute}` : '');
    if ((await deps.enqueue(task, { id })) === 'enqueued') resumed++;
  }
  return resumed;
}
