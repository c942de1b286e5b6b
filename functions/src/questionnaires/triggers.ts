// Thin triggers around the questionnaire handlers (each testable alone).
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { callable } from '../platform/callable.ts';
import { db } from '../platform/firebase.ts';
import { handleResponseWritten, runAggregateTask } from './aggregate.ts';
import { markInvitationSubmitted } from './answer.ts';
import {
  handleCorrectTexts,
  handleInvite,
  handleRecount,
  handleRemind,
  type CoordinateDeps,
} from './coordinate.ts';
import { startMailingThroughPipeline } from './mail.ts';
import {
  handleQuestionnaireSchedule,
  handleQuestionnaireWritten,
  publishResults,
} from './publish.ts';
import { questionnaireTaskSchema, taskQueueEnqueue, type QuestionnaireTask } from './tasks.ts';

const coordinateDeps = (): CoordinateDeps => ({
  db: db(),
  startMailing: startMailingThroughPipeline(db()),
});

/**
 * A pending response asks for an aggregation run (one per questionnaire and window). Retried on
 * failure: a lost event would leave the response uncounted until the next one, and enqueueing
 * twice is harmless.
 */
export const questionnaireResponseWritten = onDocumentWritten(
  {
    document: 'networks/{networkId}/questionnaires/{questionnaireId}/responses/{responseId}',
    retry: true,
  },
  async (event) => {
    await handleResponseWritten(
      { networkId: event.params.networkId, questionnaireId: event.params.questionnaireId },
      event.data?.after.data(),
      { enqueue: taskQueueEnqueue() },
    );
  },
);

/**
 * Aggregation runs and delayed marks. One run at a time: the summary has a single writer, and
 * a run drains everything pending, so queued runs behind it finish at once.
 */
export const questionnaireTasks = onTaskDispatched<QuestionnaireTask>(
  {
    retryConfig: { maxAttempts: 10, minBackoffSeconds: 5, maxBackoffSeconds: 120 },
    rateLimits: { maxConcurrentDispatches: 1, maxDispatchesPerSecond: 20 },
    timeoutSeconds: 300,
  },
  async (request) => {
    const task = questionnaireTaskSchema.parse(request.data);
    if (task.type === 'aggregate') await runAggregateTask(db(), task);
    else await markInvitationSubmitted(db(), task.invitationPath);
  },
);

/** Publishes the results when a questionnaire closes; retried, as publishing is repeatable. */
export const questionnaireWritten = onDocumentWritten(
  { document: 'networks/{networkId}/questionnaires/{questionnaireId}', retry: true },
  async (event) => {
    await handleQuestionnaireWritten(
      { networkId: event.params.networkId, questionnaireId: event.params.questionnaireId },
      event.data?.before.data(),
      event.data?.after.data(),
      { db: db() },
    );
  },
);

export const questionnaireSchedule = onSchedule(
  { schedule: 'every 60 minutes', timeZone: 'Europe/Berlin' },
  async () => {
    await handleQuestionnaireSchedule(db(), { startMailing: startMailingThroughPipeline(db()) });
  },
);

export const inviteToQuestionnaire = callable((data, caller) =>
  handleInvite(data, caller, coordinateDeps()),
);
export const remindQuestionnaire = callable((data, caller) =>
  handleRemind(data, caller, coordinateDeps()),
);
export const recountQuestionnaire = callable(async (data, caller) => {
  const deps = coordinateDeps();
  const result = await handleRecount(data, caller, deps);
  const key = data as { networkId: string; questionnaireId: string };
  await publishResults(deps.db, key, new Date());
  return result;
});
export const correctQuestionnaireTexts = callable((data, caller) =>
  handleCorrectTexts(data, caller, coordinateDeps()),
);
