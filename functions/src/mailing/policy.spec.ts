import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  autoPauseReason,
  batchLimit,
  decideAfterFailure,
  effectivePerMinute,
  intervalMs,
  reserveSlot,
  retryDelayMs,
  shouldAutoPause,
} from './policy.ts';

describe('throttle', () => {
  it('spaces mails evenly over the minute', () => {
    expect(intervalMs(600)).toBe(100);
    expect(intervalMs(60)).toBe(1000);
    expect(intervalMs(0)).toBe(60_000);
  });

  it('never sends faster than the deployment allows', () => {
    expect(effectivePerMinute(6000, 600)).toBe(600);
    expect(effectivePerMinute(30, 600)).toBe(30);
  });

  it('gives the first slot at once and the following ones an interval apart', () => {
    let nextAt = 0;
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const slot = reserveSlot(nextAt, 1000, 250);
      waits.push(slot.waitMs);
      nextAt = slot.nextAt;
    }
    expect(waits).toEqual([0, 250, 500, 750]);
    expect(nextAt).toBe(2000);
  });

  it('keeps every minute at or below the rate, across batches', () => {
    // 120 a minute: whatever the clock does between reservations, no 60 s window holds more.
    const sendTimes: number[] = [];
    let nextAt = 0;
    let now = 0;
    for (let i = 0; i < 500; i++) {
      now += (i * 7919) % 300; // irregular gaps, sometimes zero
      const slot = reserveSlot(nextAt, now, intervalMs(120));
      sendTimes.push(now + slot.waitMs);
      nextAt = slot.nextAt;
    }
    for (let i = 0; i < sendTimes.length; i++) {
      const inWindow = sendTimes.filter((t) => t >= sendTimes[i]! && t < sendTimes[i]! + 60_000);
      expect(inWindow.length).toBeLessThanOrEqual(120);
    }
  });

  it('does not save up slots while idle, so a pause is not followed by a burst', () => {
    const slot = reserveSlot(1000, 60_000, 100);
    expect(slot).toEqual({ waitMs: 0, nextAt: 60_100 });
  });
});

describe('batches', () => {
  it('claim the batch size when the throttle allows it within a task', () => {
    expect(batchLimit(50, 100, 30_000)).toBe(50);
  });

  it('claim fewer when sending them would outlast the task', () => {
    expect(batchLimit(50, 1000, 30_000)).toBe(30);
    expect(batchLimit(50, 60_000, 30_000)).toBe(1);
  });
});

describe('backoff', () => {
  it('doubles from the base for each attempt and stops at the maximum', () => {
    const policy = { retryBaseMs: 30_000, retryMaxMs: 15 * 60_000 };
    expect([1, 2, 3, 4, 5, 6, 50].map((a) => retryDelayMs(a, policy))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000,
    ]);
  });

  it('retries temporary failures until the attempts are used up and never permanent ones', () => {
    expect(decideAfterFailure(true, 1, 5)).toBe('retry');
    expect(decideAfterFailure(true, 4, 5)).toBe('retry');
    expect(decideAfterFailure(true, 5, 5)).toBe('fail');
    expect(decideAfterFailure(false, 1, 5)).toBe('fail');
  });
});

describe('auto-pause', () => {
  it('pauses at the configured number of errors in a row', () => {
    expect(shouldAutoPause(4, 5)).toBe(false);
    expect(shouldAutoPause(5, 5)).toBe(true);
  });

  it('names the count and the last answer of the mail server', () => {
    expect(autoPauseReason(5, '550 5.7.1 relay denied')).toBe(
      'Automatisch angehalten nach 5 Fehlern in Folge. Letzte Antwort des Mailservers: 550 5.7.1 relay denied',
    );
  });

  it('leases outlast a task in production', () => {
    expect(DEFAULT_POLICY.leaseMs).toBeGreaterThan(300_000);
  });
});
