import { getApps, initializeApp } from 'firebase-admin/app';
import { getFunctions } from 'firebase-admin/functions';
import { logger } from 'firebase-functions';
import { MAIL_FROM, PUBLIC_BASE_URL, SMTP_URL } from '../config/params.ts';
import { createMailer, isProduction } from '../mail/transport.ts';
import { db } from '../platform/firebase.ts';
import { MAIL_MAX_PER_MINUTE } from './config.ts';
import type { ControlDeps } from './control.ts';
import { firestoreStore } from './firestoreStore.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { defaultSources } from './sources/index.ts';
import { taskQueueEnqueue } from './tasks.ts';
import type { WorkerDeps } from './worker.ts';

// Production wiring of the pipeline; tests call the handlers with their own.

/**
 * Cloud Tasks through the default app. Not getApps()[0]: inside a Firestore trigger that is
 * firebase-functions' own named app, and getFunctions() without an app needs the default one.
 */
function tasks() {
  const app = getApps().find((a) => a.name === '[DEFAULT]') ?? initializeApp();
  return taskQueueEnqueue(getFunctions(app));
}

export function controlDeps(): ControlDeps {
  return { store: firestoreStore(db()), enqueue: tasks() };
}

export function workerDeps(): WorkerDeps {
  const firestore = db();
  const from = MAIL_FROM.value();
  return {
    db: firestore,
    store: firestoreStore(firestore),
    sources: defaultSources(),
    mailer: () =>
      createMailer(SMTP_URL.value(), from, isProduction(), {
        pool: true,
        maxConnections: DEFAULT_POLICY.connections,
        timeoutMs: 30_000,
      }),
    enqueue: tasks(),
    from,
    baseUrl: PUBLIC_BASE_URL.value(),
    maxPerMinute: MAIL_MAX_PER_MINUTE.value(),
    policy: DEFAULT_POLICY,
    log: { warn: (message, data) => logger.warn(message, data) },
  };
}
