import { describe, expect, it } from 'vitest';
import {
  addSample,
  formatDuration,
  formatRate,
  percentDone,
  remainingMs,
  throughputPerMinute,
} from './figures.ts';

describe('samples', () => {
  it('keep the last minute and ignore a snapshot that is not newer', () => {
    let samples = addSample([], { at: 0, done: 0 });
    samples = addSample(samples, { at: 30_000, done: 10 });
    samples = addSample(samples, { at: 30_000, done: 11 });
    samples = addSample(samples, { at: 70_000, done: 30 });
    expect(samples).toEqual([
      { at: 30_000, done: 10 },
      { at: 70_000, done: 30 },
    ]);
  });
});

describe('throughput and remaining time', () => {
  it('is the rate over the samples, per minute', () => {
    const samples = [
      { at: 0, done: 0 },
      { at: 30_000, done: 50 },
    ];
    expect(throughputPerMinute(samples)).toBe(100);
    expect(remainingMs(200, 100)).toBe(120_000);
  });

  it('is unknown with a single sample or less than two seconds of them', () => {
    expect(throughputPerMinute([{ at: 0, done: 0 }])).toBeNull();
    expect(
      throughputPerMinute([
        { at: 0, done: 0 },
        { at: 1_000, done: 5 },
      ]),
    ).toBeNull();
    expect(remainingMs(10, null)).toBeNull();
    expect(remainingMs(10, 0)).toBeNull();
    expect(remainingMs(0, null)).toBe(0);
  });
});

describe('percentDone', () => {
  it('shows 100 only when everything is done', () => {
    expect(percentDone(999, 1000)).toBe(99);
    expect(percentDone(1000, 1000)).toBe(100);
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(0, 0)).toBe(0);
  });
});

describe('German wording', () => {
  it('rounds durations the way people say them', () => {
    expect(formatDuration(4_000)).toBe('wenige Sekunden');
    expect(formatDuration(44_000)).toBe('etwa 40 Sekunden');
    expect(formatDuration(80_000)).toBe('etwa eine Minute');
    expect(formatDuration(17 * 60_000)).toBe('etwa 17 Minuten');
    expect(formatDuration(60 * 60_000)).toBe('etwa eine Stunde');
    expect(formatDuration(135 * 60_000)).toBe('etwa 2 Stunden 15 Minuten');
  });

  it('writes rates with German digit grouping', () => {
    expect(formatRate(1234.4)).toBe('1.234 Mails pro Minute');
  });
});
