// The Cloud Tasks side: what a task carries, its deterministic name, and enqueueing through
// firebase-admin (the Tasks emulator locally, Cloud Tasks in production).
import type { Functions } from 'firebase-admin/functions';
import { z } from 'zod';
import { REGION, docId, int, sha256Hex } from '@knotenpunkt/model';
import type { MailingKey } from './store.ts';

/** The task queue function (functions/src/index.ts exports it under this name). */
export const MAILING_WORKER = 'mailingWorker';

/**
 * One batch of one mailing. `run` is the mailing's start generation (a resume begins a new run,
 * so tasks of the old one stop); `seq` numbers the tasks of a run (0 = the start).
 */
export const mailingTaskSchema = z.strictObject({
  networkId: docId,
  mailingId: docId,
  run: int(1, 1_000_000),
  seq: int(0, Number.MAX_SAFE_INTEGER),
  /** Epoch ms before which the task must not send (a delayed successor; see platform/clock.ts). */
  notBefore: int(0, Number.MAX_SAFE_INTEGER).optional(),
});
export type MailingTask = z.infer<typeof mailingTaskSchema>;

/**
 * Task names are deterministic, so enqueueing the same step twice (a trigger fired twice, a task
 * retried after it enqueued its successor) creates one task: Cloud Tasks refuses the second.
 * The hash first spreads names over Cloud Tasks' key space.
 */
export async function taskIdFor(key: MailingKey, run: number, seq: number, suffix = '') {
  const hash = (await sha256Hex(`${key.networkId}/${key.mailingId}`)).slice(0, 24);
  return `${hash}-r${run}-s${seq}${suffix}`;
}

export type Enqueue = (
  task: MailingTask,
  opts: { id: string; delaySeconds?: number },
) => Promise<'enqueued' | 'exists'>;

/** Enqueues into the mailingWorker queue; an existing task of the same name counts as done. */
export function taskQueueEnqueue(functions: Functions): Enqueue {
  const queue = functions.taskQueue<MailingTask>(`locations/${REGION}/functions/${MAILING_WORKER}`);
  return async (task, { id, delaySeconds }) => {
    try {
      await queue.enqueue(task, {
        id,
        dispatchDeadlineSeconds: 320,
        ...(delaySeconds ? { scheduleDelaySeconds: Math.ceil(delaySeconds) } : {}),
      });
      return 'enqueued';
    } catch (error) {
      if (String((error as { code?: unknown }).code).endsWith('task-already-exists')) {
        return 'exists';
      }
      throw error;
    }
  };
}
