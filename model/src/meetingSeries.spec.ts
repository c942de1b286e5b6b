import { describe, expect, it } from 'vitest';
import { berlinDateString, berlinTimeString } from './berlinTime.ts';
import {
  describeSeries,
  nthWeekdayOfMonth,
  seriesDates,
  seriesDays,
  seriesRuleSchema,
} from './meetingSeries.ts';

const TUESDAY = 2;
const every2MonthsFirstTuesday = seriesRuleSchema.parse({
  pattern: 'monthly',
  interval: 2,
  nth: 1,
  weekday: TUESDAY,
  from: '2027-01-01',
  count: 6,
  startTime: '16:00',
  endTime: '18:00',
});

describe('series of meetings', () => {
  it('finds the first, third and last weekday of a month and no fifth where there is none', () => {
    expect(nthWeekdayOfMonth(2027, 1, TUESDAY, 1)).toEqual({ year: 2027, month: 1, day: 5 });
    expect(nthWeekdayOfMonth(2027, 1, TUESDAY, 3)).toEqual({ year: 2027, month: 1, day: 19 });
    expect(nthWeekdayOfMonth(2027, 1, TUESDAY, -1)).toEqual({ year: 2027, month: 1, day: 26 });
    expect(nthWeekdayOfMonth(2027, 2, TUESDAY, 4)).toEqual({ year: 2027, month: 2, day: 23 });
    expect(nthWeekdayOfMonth(2027, 2, 0, -1)).toEqual({ year: 2027, month: 2, day: 28 });
  });

  it('plans every two months on the first Tuesday across the year boundary', () => {
    const days = seriesDays({ ...every2MonthsFirstTuesday, count: 7 }).map(
      (d) => `${d.year}-${d.month}-${d.day}`,
    );
    expect(days).toEqual([
      '2027-1-5',
      '2027-3-2',
      '2027-5-4',
      '2027-7-6',
      '2027-9-7',
      '2027-11-2',
      '2028-1-4',
    ]);
  });

  it('keeps the Berlin time of day in summer and in winter', () => {
    const dates = seriesDates(every2MonthsFirstTuesday);
    expect(dates.map((d) => berlinTimeString(d.start))).toEqual(Array(6).fill('16:00'));
    expect(dates.map((d) => berlinTimeString(d.end))).toEqual(Array(6).fill('18:00'));
    expect(dates[0]?.start.toISOString()).toBe('2027-01-05T15:00:00.000Z');
    expect(dates[2]?.start.toISOString()).toBe('2027-05-04T14:00:00.000Z');
  });

  it('starts with the next interval when the month’s occurrence lies before the first date', () => {
    const days = seriesDays({ ...every2MonthsFirstTuesday, from: '2027-01-10', count: 2 });
    expect(days).toEqual([
      { year: 2027, month: 3, day: 2 },
      { year: 2027, month: 5, day: 4 },
    ]);
  });

  it('plans weekly and fortnightly series from the first matching weekday', () => {
    const rule = seriesRuleSchema.parse({
      pattern: 'weekly',
      interval: 2,
      weekday: 4,
      from: '2026-12-01',
      count: 3,
      startTime: '09:30',
      endTime: '11:00',
    });
    expect(seriesDates(rule).map((d) => berlinDateString(d.start))).toEqual([
      '2026-12-03',
      '2026-12-17',
      '2026-12-31',
    ]);
  });

  it('refuses an end before the start and too many meetings', () => {
    const bad = seriesRuleSchema.safeParse({
      ...every2MonthsFirstTuesday,
      endTime: '15:00',
      count: 99,
    });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['count', 'endTime']);
  });

  it('describes the rule in German', () => {
    expect(describeSeries(every2MonthsFirstTuesday)).toBe('alle 2 Monate am ersten Dienstag');
    expect(describeSeries({ pattern: 'weekly', interval: 1, nth: 1, weekday: 4 })).toBe(
      'jeden Donnerstag',
    );
    expect(describeSeries({ pattern: 'monthly', interval: 1, nth: -1, weekday: 5 })).toBe(
      'jeden Monat am letzten Freitag',
    );
  });
});
