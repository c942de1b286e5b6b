import { describe, expect, it } from 'vitest';
import { joinList, placeListErrors, splitList } from './lists.ts';

describe('list fields', () => {
  it('split on commas, semicolons and lines, trimmed and without repetitions', () => {
    expect(splitList(' Deutsch, Arabisch;Farsi\nDeutsch ,, ')).toEqual([
      'Deutsch',
      'Arabisch',
      'Farsi',
    ]);
    expect(joinList(['Deutsch', 'Arabisch'])).toBe('Deutsch, Arabisch');
  });

  it('show a message about one item at the list input', () => {
    expect(
      placeListErrors(
        { 'fields.languages.2': 'Höchstens 200 Zeichen.', 'fields.name': 'Bitte ausfüllen.' },
        ['fields.languages'],
      ),
    ).toEqual({ 'fields.languages': 'Höchstens 200 Zeichen.', 'fields.name': 'Bitte ausfüllen.' });
  });
});
