import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { SMTP_URL } from '../config/params.ts';
import { db } from '../platform/firebase.ts';
import { handleMailingWritten, handleResumeStalledMailings } from './control.ts';
import { controlDeps, workerDeps } from './deps.ts';
import type { MailingTask } from './tasks.ts';
import { handleMailingTask } from './worker.ts';

/**
 * The queue that drives every bulk mail. Each task is one batch; a failed task comes back with
 * backoff, and the queue's rate limits bound how many batches run at once.
 */
export const mailingWorker = onTaskDispatched<MailingTask>(
  {
    retryConfig: { maxAttempts: 20, minBackoffSeconds: 10, maxBackoffSeconds: 300 },
    rateLimits: { maxConcurrentDispatches: 10, maxDispatchesPerSecond: 20 },
    timeoutSeconds: 300,
    memory: '512MiB',
    secrets: [SMTP_URL],
  },
  async (request) => {
    await handleMailingTask(request.data, workerDeps());
  },
);

export const onMailingWritten = onDocumentWritten(
  { document: 'networks/{networkId}/mailings/{mailingId}', retry: true },
  async (event) => {
    await handleMailingWritten(
      { networkId: event.params.networkId, mailingId: event.params.mailingId },
      event.data?.before.data(),
      event.data?.after.data(),
      controlDeps(),
    );
  },
);

export const resumeStalledMailings = onSchedule(
  { schedule: 'every 5 minutes', timeZone: 'Europe/Berlin' },
  async () => {
    await handleResumeStalledMailings(db(), controlDeps());
  },
);
