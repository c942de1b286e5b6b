import { describe, expect, it } from 'vitest';
import { datedFileName } from './download.ts';

describe('datedFileName', () => {
  it('names the file with the day in Berlin', () => {
    expect(datedFileName('akteure', 'csv', new Date('2026-11-21T23:30:00Z'))).toBe(
      'akteure-2026-11-22.csv',
    );
  });
});
