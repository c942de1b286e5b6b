import { describe, expect, it } from 'vitest';
import { timestampsToDates } from './convert.ts';

class FakeTimestamp {
  constructor(
    readonly seconds: number,
    readonly nanoseconds = 0,
  ) {}
  toDate() {
    return new Date(this.seconds * 1000);
  }
}

describe('timestampsToDates', () => {
  it('turns top-level and nested timestamps into dates', () => {
    const result = timestampsToDates({
      name: 'Netzwerk',
      updatedAt: new FakeTimestamp(10),
      meetings: [{ start: new FakeTimestamp(20), title: 'Treffen' }],
    }) as { updatedAt: Date; meetings: { start: Date; title: string }[] };
    expect(result.updatedAt).toEqual(new Date(10_000));
    expect(result.meetings[0]?.start).toEqual(new Date(20_000));
    expect(result.meetings[0]?.title).toBe('Treffen');
  });

  it('leaves plain values, dates and null untouched', () => {
    const date = new Date(5);
    expect(timestampsToDates({ a: 1, b: null, c: date, d: ['x'] })).toEqual({
      a: 1,
      b: null,
      c: date,
      d: ['x'],
    });
  });
});
