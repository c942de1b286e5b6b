// The questionnaire task queue (Cloud Tasks; the Tasks emulator locally): aggregation runs, and
// the delayed "submitted" mark of anonymous invitations. Names are deterministic where a task
// must exist once, so a trigger that fires twice enqueues one task.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFunctions, type Functions } from 'firebase-admin/functions';
import { z } from 'zod';
import { REGION, docId, int, sha256Hex, type QuestionnaireRef } from '@knotenpunkt/model';

/** The task queue function (functions/src/index.ts exports it under this name). */
export const QUESTIONNAIRE_TASKS = 'questionnaireTasks';

export const questionnaireTaskSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('aggregate'),
    networkId: docId,
    questionnaireId: docId,
    /** The window's end: the run must not start before it (see platform/clock.ts). */
    notBefore: int(0, Number.MAX_SAFE_INTEGER).optional(),
  }),
  z.strictObject({ type: z.literal('markSubmitted'), invitationPath: z.string().max(500) }),
]);
export type QuestionnaireTask = z.infer<typeof questionnaireTaskSchema>;

export type Enqueue = (
  task: QuestionnaireTask,
  opts: { id?: string; scheduleTime?: Date; delaySeconds?: number },
) => Promise<'enqueued' | 'exists'>;

/**
 * Through the default app: inside a Firestore trigger getApps()[0] is firebase-functions' own
 * named app, which Cloud Tasks cannot use.
 */
function defaultFunctions(): Functions {
  return getFunctions(getApps().find((a) => a.name === '[DEFAULT]') ?? initializeApp());
}

export function taskQueueEnqueue(functions: Functions = defaultFunctions()): Enqueue {
  const queue = functions.taskQueue<QuestionnaireTask>(
    `locations/${REGION}/functions/${QUESTIONNAIRE_TASKS}`,
  );
  return async (task, { id, scheduleTime, delaySeconds }) => {
    try {
      const when = scheduleTime
        ? { scheduleTime }
        : delaySeconds
          ? { scheduleDelaySeconds: Math.ceil(delaySeconds) }
          : {};
      await queue.enqueue(task, { ...when, ...(id ? { id } : {}), dispatchDeadlineSeconds: 300 });
      return 'enqueued';
    } catch (error) {
      if (String((error as { code?: unknown }).code).endsWith('task-already-exists')) {
        return 'exists';
      }
      throw error;
    }
  };
}

/**
 * Responses written within one window share one aggregation task, which starts after the window
 * has ended: it sees every response of the window, and the summary is written at most once per
 * window and batch (Firestore sustains about one write a second per document).
 */
export const AGGREGATE_WINDOW_MS = 2000;

export async function aggregateTaskFor(key: QuestionnaireRef, now: Date) {
  const windowEnd = (Math.floor(now.getTime() / AGGREGATE_WINDOW_MS) + 1) * AGGREGATE_WINDOW_MS;
  const hash = (await sha256Hex(`${key.networkId}/${key.questionnaireId}`)).slice(0, 24);
  return {
    id: `agg-${hash}-${windowEnd}`,
    scheduleTime: new Date(windowEnd + 250),
  };
}

/**
 * Anonymous questionnaires mark an invitation "submitted" at a random time 5 to 60 minutes
 * later, in a write of its own: the invitation's update time then tells nothing about when (and
 * so which) response was stored.
 */
export function submittedMarkDelaySeconds(random: () => number = Math.random): number {
  return Math.round(300 + random() * 3300);
}
