import { describe, expect, it } from 'vitest';
import { AGGREGATE_WINDOW_MS, aggregateTaskFor, submittedMarkDelaySeconds } from './tasks.ts';

const key = { networkId: 'netz', questionnaireId: 'fb' };

describe('aggregation tasks', () => {
  it('share one name within a window and start after it has ended', async () => {
    const start = new Date(Math.floor(Date.now() / AGGREGATE_WINDOW_MS) * AGGREGATE_WINDOW_MS);
    const a = await aggregateTaskFor(key, new Date(start.getTime() + 10));
    const b = await aggregateTaskFor(key, new Date(start.getTime() + AGGREGATE_WINDOW_MS - 1));
    const next = await aggregateTaskFor(key, new Date(start.getTime() + AGGREGATE_WINDOW_MS));
    expect(a.id).toBe(b.id);
    expect(next.id).not.toBe(a.id);
    expect(a.scheduleTime.getTime()).toBeGreaterThan(start.getTime() + AGGREGATE_WINDOW_MS);
    const other = await aggregateTaskFor({ ...key, questionnaireId: 'fb2' }, start);
    expect(other.id).not.toBe(a.id);
  });

  it('mark anonymous invitations 5 to 60 minutes later', () => {
    expect(submittedMarkDelaySeconds(() => 0)).toBe(300);
    expect(submittedMarkDelaySeconds(() => 0.999)).toBeLessThanOrEqual(3600);
  });
});
