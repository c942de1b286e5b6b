// "Serie anlegen": the dates of a series of meetings, e.g. every two months on the first Tuesday,
// 16:00–18:00 Berlin time. Pure calendar arithmetic (berlinTime.ts), so the form's preview and the
// stored meetings agree.
import { z } from 'zod';
import {
  addDays,
  berlinToUtc,
  compareDates,
  parseDateString,
  parseTimeString,
  weekdayOf,
  type BerlinDate,
} from './berlinTime.ts';
import { int } from './primitives.ts';

export const SERIES_PATTERNS = ['monthly', 'weekly'] as const;
export type SeriesPattern = (typeof SERIES_PATTERNS)[number];

/** 1–4: first … fourth; -1: the last one of the month. */
export const NTH_VALUES = [1, 2, 3, 4, -1] as const;
export const NTH_LABELS: Record<(typeof NTH_VALUES)[number], string> = {
  1: 'ersten',
  2: 'zweiten',
  3: 'dritten',
  4: 'vierten',
  [-1]: 'letzten',
};

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export const WEEKDAY_NAMES = [
  'Sonntag',
  'Montag',
  'Dienstag',
  'Mittwoch',
  'Donnerstag',
  'Freitag',
  'Samstag',
] as const;

export const SERIES_COUNT_MAX = 24;

const dateString = z.string().refine((v) => parseDateString(v) !== null, {
  error: 'Bitte ein Datum angeben.',
});
const timeString = z.string().refine((v) => parseTimeString(v) !== null, {
  error: 'Bitte eine Uhrzeit angeben (z. B. 16:00).',
});

/** What the series form submits (besides the meeting fields every date shares). */
export const seriesRuleSchema = z
  .strictObject({
    pattern: z.enum(SERIES_PATTERNS, { error: 'Bitte monatlich oder wöchentlich wählen.' }),
    /** Months between two meetings (monthly) or weeks (weekly). */
    interval: int(1, 12),
    /** monthly: which occurrence of the weekday in the month */
    nth: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])
      .default(1),
    weekday: int(0, 6),
    /** The first meeting is on or after this date. */
    from: dateString,
    count: int(2, SERIES_COUNT_MAX),
    startTime: timeString,
    endTime: timeString,
  })
  .check((ctx) => {
    const start = parseTimeString(ctx.value.startTime);
    const end = parseTimeString(ctx.value.endTime);
    if (start && end && end.hour * 60 + end.minute <= start.hour * 60 + start.minute) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.endTime,
        path: ['endTime'],
        message: 'Das Ende muss nach dem Beginn liegen.',
      });
    }
  });
export type SeriesRule = z.output<typeof seriesRuleSchema>;
export type SeriesRuleInput = z.input<typeof seriesRuleSchema>;

/** The nth (or last, -1) given weekday of a month; null when the month has no such (5th). */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: number,
  nth: number,
): BerlinDate | null {
  if (nth === -1) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const lastDate = { year, month, day: last };
    return addDays(lastDate, -((weekdayOf(lastDate) - weekday + 7) % 7));
  }
  const first = { year, month, day: 1 };
  const day = 1 + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
  const result = { year, month, day };
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 ? result : null;
}

function addMonths(year: number, month: number, months: number) {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The calendar dates of a series, in order. */
export function seriesDays(rule: SeriesRule): BerlinDate[] {
  const from = parseDateString(rule.from);
  if (!from) return [];
  const days: BerlinDate[] = [];
  if (rule.pattern === 'weekly') {
    let day = addDays(from, (rule.weekday - weekdayOf(from) + 7) % 7);
    while (days.length < rule.count) {
      days.push(day);
      day = addDays(day, 7 * rule.interval);
    }
    return days;
  }
  // Monthly: the month of `from`, then every `interval` months; an occurrence before `from`
  // (the first Tuesday was already past) moves the series to the next interval.
  for (let step = 0; days.length < rule.count && step < rule.count * 2 + 2; step++) {
    const { year, month } = addMonths(from.year, from.month, step * rule.interval);
    const day = nthWeekdayOfMonth(year, month, rule.weekday, rule.nth);
    if (day && compareDates(day, from) >= 0) days.push(day);
  }
  return days;
}

/** Start and end instants of each meeting of the series (Berlin wall-clock times). */
export function seriesDates(rule: SeriesRule): Array<{ start: Date; end: Date }> {
  const start = parseTimeString(rule.startTime);
  const end = parseTimeString(rule.endTime);
  if (!start || !end) return [];
  return seriesDays(rule).map((day) => ({
    start: berlinToUtc({ ...day, ...start }),
    end: berlinToUtc({ ...day, ...end }),
  }));
}

/** "alle 2 Monate am ersten Dienstag", "jeden Donnerstag", "alle 2 Wochen am Montag". */
export function describeSeries(rule: Pick<SeriesRule, 'pattern' | 'interval' | 'nth' | 'weekday'>) {
  const weekday = WEEKDAY_NAMES[rule.weekday] ?? '';
  if (rule.pattern === 'weekly') {
    return rule.interval === 1 ? `jeden ${weekday}` : `alle ${rule.interval} Wochen am ${weekday}`;
  }
  const every = rule.interval === 1 ? 'jeden Monat' : `alle ${rule.interval} Monate`;
  return `${every} am ${NTH_LABELS[rule.nth]} ${weekday}`;
}
