// Time for code that waits: the system clock, or a test's. And the one place that knows the Tasks
// emulator dispatches a task at once, ignoring its schedule time (firebase-tools' task queue has no
// timer), so a task that must not run early carries its due time and waits for it itself. In
// production Cloud Tasks dispatches on time and the wait is zero.

export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Waits until `notBefore` (epoch ms), at most `maxWaitMs`. Returns the milliseconds still left
 * afterwards: 0 when the task is due, more when the caller must hand over to a later task.
 */
export async function waitUntilDue(
  notBefore: number | undefined,
  maxWaitMs: number,
  clock: Clock = systemClock,
): Promise<number> {
  if (notBefore === undefined) return 0;
  const early = notBefore - clock.now().getTime();
  if (early <= 0) return 0;
  await clock.sleep(Math.min(early, maxWaitMs));
  return Math.max(0, notBefore - clock.now().getTime());
}
