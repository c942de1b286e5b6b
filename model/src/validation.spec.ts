import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, parseInput } from './validation.ts';
import { requiredText } from './primitives.ts';

const schema = z.strictObject({ name: requiredText(10), tags: z.array(requiredText()) });

describe('fieldErrors', () => {
  it('names nested fields by their dotted path with the German message', () => {
    const result = schema.safeParse({ name: '', tags: ['ok', ''] });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({
        name: 'Bitte ausfüllen.',
        'tags.1': 'Bitte ausfüllen.',
      });
    }
  });
  it('names an unknown key instead of the whole object', () => {
    const result = schema.safeParse({ name: 'A', tags: [], role: 'admin' });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error)).toEqual({ role: 'Unbekanntes Feld.' });
  });
});

describe('parseInput', () => {
  it('returns the parsed value when valid', () => {
    expect(parseInput(schema, { name: ' Ali ', tags: [] })).toEqual({
      ok: true,
      value: { name: 'Ali', tags: [] },
    });
  });
  it('reports a too long text with its limit', () => {
    expect(parseInput(schema, { name: 'x'.repeat(11), tags: [] })).toEqual({
      ok: false,
      fields: { name: 'Höchstens 10 Zeichen.' },
    });
  });
});
