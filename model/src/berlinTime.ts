// Wall-clock time in Europe/Berlin without a time-zone library: the networks meet in Germany, so
// forms, series and mails speak Berlin time whatever the device or server is set to. The EU rule
// (summer time from the last Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC)
// is fixed by Directive 2000/84/EC; pure arithmetic keeps it testable and equal in browser and
// functions.

export interface BerlinDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export interface BerlinDateTime extends BerlinDate {
  hour: number;
  minute: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The day of the month of the last Sunday of a month (UTC calendar arithmetic). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0)); // day 0 of the next month
  return last.getUTCDate() - last.getUTCDay();
}

/** Minutes Berlin is ahead of UTC at this instant: 60 (CET) or 120 (CEST). */
export function berlinOffsetMinutes(instant: Date): number {
  const year = instant.getUTCFullYear();
  const summerStart = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const summerEnd = Date.UTC(year, 9, lastSunday(year, 10), 1);
  const t = instant.getTime();
  return t >= summerStart && t < summerEnd ? 120 : 60;
}

/**
 * The instant of a Berlin wall-clock time. A time skipped in spring (02:30 on the last Sunday of
 * March) comes out an hour later; a time that occurs twice in autumn gives the first occurrence.
 */
export function berlinToUtc(local: BerlinDateTime): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const summer = new Date(naive - 120 * 60_000);
  if (berlinOffsetMinutes(summer) === 120) return summer;
  return new Date(naive - 60 * 60_000);
}

/** The Berlin wall-clock time of an instant, with the weekday (0 = Sunday … 6 = Saturday). */
export function utcToBerlin(instant: Date): BerlinDateTime & { weekday: number } {
  const shifted = new Date(instant.getTime() + berlinOffsetMinutes(instant) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-12-03" in Berlin, the value of an `<input type="date">`. */
export function berlinDateString(instant: Date): string {
  const t = utcToBerlin(instant);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

/** "18:00" in Berlin, the value of an `<input type="time">`. */
export function berlinTimeString(instant: Date): string {
  const t = utcToBerlin(instant);
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/** Parses "2026-12-03"; null when it is not a real calendar date. */
export function parseDateString(value: string): BerlinDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return null;
  if (check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Parses "18:00" (also "9:30"); null when it is not a time of day. */
export function parseTimeString(value: string): { hour: number; minute: number } | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** Date and time fields of a form (Berlin) as an instant; null when either is not valid. */
export function parseBerlinDateTime(date: string, time: string): Date | null {
  const d = parseDateString(date);
  const t = parseTimeString(time);
  return d && t ? berlinToUtc({ ...d, ...t }) : null;
}

/** Adds calendar days to a date (no time of day involved). */
export function addDays(date: BerlinDate, days: number): BerlinDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekdayOf(date: BerlinDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Orders calendar dates: negative, zero or positive like a comparator. */
export function compareDates(a: BerlinDate, b: BerlinDate): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}
