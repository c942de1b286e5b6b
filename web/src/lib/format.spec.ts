import { describe, expect, it } from 'vitest';
import { formatMeetingTime } from './format.ts';

describe('formatMeetingTime', () => {
  it('writes a meeting on one day with weekday, date and time span in German time', () => {
    // 17:00 UTC is 18:00 in Berlin in winter.
    const start = new Date('2026-12-01T17:00:00Z');
    const end = new Date('2026-12-01T19:00:00Z');
    expect(formatMeetingTime(start, end)).toBe('Dienstag, 1. Dezember 2026, 18:00–20:00 Uhr');
  });

  it('names both days when a meeting runs past midnight', () => {
    const start = new Date('2026-06-05T16:00:00Z');
    const end = new Date('2026-06-06T10:00:00Z');
    expect(formatMeetingTime(start, end)).toBe(
      'Freitag, 5. Juni 2026, 18:00 Uhr – Samstag, 6. Juni 2026, 12:00 Uhr',
    );
  });
});
