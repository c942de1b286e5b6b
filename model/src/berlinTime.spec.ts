import { describe, expect, it } from 'vitest';
import {
  berlinDateString,
  berlinOffsetMinutes,
  berlinTimeString,
  berlinToUtc,
  parseBerlinDateTime,
  parseDateString,
  parseTimeString,
  utcToBerlin,
} from './berlinTime.ts';

describe('Berlin wall-clock time', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(berlinOffsetMinutes(new Date('2026-12-03T16:00:00Z'))).toBe(60);
    expect(berlinOffsetMinutes(new Date('2026-07-07T16:00:00Z'))).toBe(120);
  });

  it('switches at 01:00 UTC on the last Sundays of March and October', () => {
    expect(berlinOffsetMinutes(new Date('2027-03-28T00:59:00Z'))).toBe(60);
    expect(berlinOffsetMinutes(new Date('2027-03-28T01:00:00Z'))).toBe(120);
    expect(berlinOffsetMinutes(new Date('2027-10-31T00:59:00Z'))).toBe(120);
    expect(berlinOffsetMinutes(new Date('2027-10-31T01:00:00Z'))).toBe(60);
  });

  it('turns a Berlin time into the instant in both seasons', () => {
    expect(berlinToUtc({ year: 2026, month: 12, day: 1, hour: 16, minute: 0 }).toISOString()).toBe(
      '2026-12-01T15:00:00.000Z',
    );
    expect(berlinToUtc({ year: 2027, month: 6, day: 1, hour: 16, minute: 30 }).toISOString()).toBe(
      '2027-06-01T14:30:00.000Z',
    );
  });

  it('moves a time skipped in spring an hour later and takes the first of a doubled autumn hour', () => {
    expect(berlinToUtc({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }).toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
    expect(berlinToUtc({ year: 2027, month: 10, day: 31, hour: 2, minute: 30 }).toISOString()).toBe(
      '2027-10-31T00:30:00.000Z',
    );
  });

  it('reads an instant back as the Berlin date, time and weekday', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(utcToBerlin(instant)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 30,
      weekday: 5,
    });
    expect(berlinDateString(instant)).toBe('2027-01-01');
    expect(berlinTimeString(instant)).toBe('00:30');
  });

  it('parses form values and refuses dates that do not exist', () => {
    expect(parseDateString('2027-02-29')).toBeNull();
    expect(parseDateString('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseTimeString('24:00')).toBeNull();
    expect(parseTimeString('9:05')).toEqual({ hour: 9, minute: 5 });
    expect(parseBerlinDateTime('2026-12-03', '18:00')?.toISOString()).toBe(
      '2026-12-03T17:00:00.000Z',
    );
    expect(parseBerlinDateTime('', '18:00')).toBeNull();
  });
});
