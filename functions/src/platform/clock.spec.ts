import { describe, expect, it } from 'vitest';
import { waitUntilDue, type Clock } from './clock.ts';

/** A clock whose sleep moves time on and records how long it was asked to sleep. */
function fakeClock(start: number) {
  let now = start;
  const slept: number[] = [];
  const clock: Clock = {
    now: () => new Date(now),
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
  return { clock, slept };
}

describe('a task dispatched before its time', () => {
  it('runs at once when it has no due time or is due', async () => {
    const { clock, slept } = fakeClock(10_000);
    expect(await waitUntilDue(undefined, 5_000, clock)).toBe(0);
    expect(await waitUntilDue(10_000, 5_000, clock)).toBe(0);
    expect(await waitUntilDue(9_000, 5_000, clock)).toBe(0);
    expect(slept).toEqual([]);
  });

  it('waits for the due time when it is near', async () => {
    const { clock, slept } = fakeClock(10_000);
    expect(await waitUntilDue(12_250, 5_000, clock)).toBe(0);
    expect(slept).toEqual([2_250]);
  });

  it('waits at most the limit and says how much time is still left', async () => {
    const { clock, slept } = fakeClock(10_000);
    expect(await waitUntilDue(100_000, 20_000, clock)).toBe(70_000);
    expect(slept).toEqual([20_000]);
  });
});
