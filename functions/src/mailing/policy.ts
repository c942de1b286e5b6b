// The pipeline's arithmetic, kept pure so it can be tested without clocks or servers: the
// throttle's rate window, batch sizes that fit a task, and the backoff for temporary failures.

export interface WorkerPolicy {
  /** Time a task spends sending before it hands over to the next task. */
  budgetMs: number;
  /**
   * How long a claim protects a delivery. Longer than a task can possibly live (the function's
   * timeout), so when it has expired the worker that claimed it is certainly gone.
   */
  leaseMs: number;
  /** SMTP attempts per delivery before it counts as failed. */
  maxAttempts: number;
  /** Backoff for temporary failures: base · 2^(attempt−1), at most max. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Mails in the works at once: SMTP conversations plus the records written after them. */
  concurrency: number;
  /** Pooled SMTP connections (fewer than concurrency, so a connection never waits for a record). */
  connections: number;
  /** Within a task, wait this long at most for the next delivery to become due. */
  maxInlineWaitMs: number;
  /** A successor that waits for the next due delivery starts at most this much later. */
  maxHandOverMs: number;
  /** Progress is written at most this often (one document takes ~1 write a second). */
  flushEveryMs: number;
  /** The mailing's status (paused? cancelled?) is re-read this often. */
  controlEveryMs: number;
  /** Recipients asked from the source per page while planning. */
  planPageSize: number;
}

/** Production values; tests pass faster ones. The task function's timeout is 300 s. */
export const DEFAULT_POLICY: WorkerPolicy = {
  budgetMs: 30_000,
  leaseMs: 330_000,
  maxAttempts: 5,
  retryBaseMs: 30_000,
  retryMaxMs: 15 * 60_000,
  concurrency: 16,
  connections: 5,
  maxInlineWaitMs: 20_000,
  maxHandOverMs: 60_000,
  flushEveryMs: 1_000,
  controlEveryMs: 500,
  planPageSize: 400,
};

/** Milliseconds between two mails at the given rate. */
export function intervalMs(perMinute: number): number {
  return 60_000 / Math.max(1, perMinute);
}

/** The rate the mailing asked for, never above what the deployment allows. */
export function effectivePerMinute(requested: number, cap: number): number {
  return Math.max(1, Math.min(requested, cap));
}

/**
 * Reserves the next sending slot: mails are spaced `interval` apart, so no window of a minute
 * holds more than perMinute of them. `nextAt` is the earliest time the next mail may go; a slot in
 * the past is not saved up (a pause does not allow a burst afterwards).
 */
export function reserveSlot(
  nextAt: number,
  now: number,
  interval: number,
): { waitMs: number; nextAt: number } {
  const at = Math.max(nextAt, now);
  return { waitMs: at - now, nextAt: at + interval };
}

/** Recipients one task claims: the batch size, or fewer when the throttle would outlast the task. */
export function batchLimit(batchSize: number, interval: number, budgetMs: number): number {
  return Math.max(1, Math.min(batchSize, Math.floor(budgetMs / interval)));
}

/** Wait before the next attempt after a temporary failure of attempt number `attempt` (1, 2, …). */
export function retryDelayMs(
  attempt: number,
  policy: Pick<WorkerPolicy, 'retryBaseMs' | 'retryMaxMs'>,
): number {
  const doublings = Math.min(Math.max(attempt, 1) - 1, 30);
  return Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** doublings);
}

export type FailureDecision = 'retry' | 'fail';

/** Temporary failures are tried again until the attempts are used up; permanent ones are not. */
export function decideAfterFailure(
  temporary: boolean,
  attempts: number,
  maxAttempts: number,
): FailureDecision {
  return temporary && attempts < maxAttempts ? 'retry' : 'fail';
}

/** listmonk's rule: too many errors in a row mean something is wrong with sending itself. */
export function shouldAutoPause(consecutiveErrors: number, pauseAfterErrors: number): boolean {
  return consecutiveErrors >= pauseAfterErrors;
}

export function autoPauseReason(errors: number, lastAnswer: string): string {
  return `Automatisch angehalten nach ${errors} Fehlern in Folge. Letzte Antwort des Mailservers: ${lastAnswer}`.slice(
    0,
    1000,
  );
}
