import { describe, expect, it } from 'vitest';
import {
  SIMILAR_NAME_THRESHOLD,
  diceCoefficient,
  findSimilarNames,
  nameKey,
  nameSimilarity,
  nameTokens,
} from './similarity.ts';

const similar = (a: string, b: string) => nameSimilarity(a, b) >= SIMILAR_NAME_THRESHOLD;

describe('nameTokens', () => {
  it('drops legal forms and filler words after folding', () => {
    expect(nameTokens('Café International e. V.')).toEqual(['cafe', 'international']);
    expect(nameTokens('Wohnraum für alle e.V.')).toEqual(['wohnraum', 'alle']);
    expect(nameTokens('Bildungswerk gGmbH')).toEqual(['bildungswerk']);
  });

  it('keeps a name that consists of filler words only', () => {
    expect(nameTokens('Der Verein')).toEqual(['der', 'verein']);
  });
});

describe('diceCoefficient', () => {
  it('is 1 for equal texts and 0 for texts without a shared pair of letters', () => {
    expect(diceCoefficient('kita', 'kita')).toBe(1);
    expect(diceCoefficient('abc', 'xyz')).toBe(0);
    expect(diceCoefficient('', '')).toBe(0);
  });

  it('stays high for a swapped pair of letters', () => {
    expect(diceCoefficient('volkshochschulerheinwald', 'volkshochschulerheinwlad')).toBeGreaterThan(
      0.85,
    );
  });
});

describe('nameSimilarity', () => {
  it('finds the same organisation written with or without legal form, accents and case', () => {
    expect(nameSimilarity('Café International e. V.', 'CAFE INTERNATIONAL')).toBe(1);
    expect(similar('Ukrainischer Verein „Mriya“', 'Ukrainischer Verein Mriya e.V.')).toBe(true);
  });

  it('finds the same words in another order', () => {
    expect(nameSimilarity('Caritas Migrationsberatung', 'Migrationsberatung der Caritas')).toBe(1);
  });

  it('finds a name contained in a longer one', () => {
    expect(
      similar('Jugendmigrationsdienst Diakonie', 'Jugendmigrationsdienst der Diakonie Hemerfeld'),
    ).toBe(true);
    expect(similar('Volkshochschule', 'Volkshochschule Rheinwald')).toBe(true);
  });

  it('finds typing errors', () => {
    expect(similar('Volkshochschule Rheinwlad', 'Volkshochschule Rheinwald')).toBe(true);
    expect(similar('Afrikanisches Forum Rheinwald', 'Afrikanisches Forum Rheinwlad e. V.')).toBe(
      true,
    );
  });

  it('does not confuse different organisations of the same kind', () => {
    expect(similar('Kita Regenbogen', 'Kita Sonnenschein')).toBe(false);
    expect(similar('Grundschule am Park', 'Grundschule Nord')).toBe(false);
    expect(
      similar('Evangelische Kirchengemeinde Hemerfeld', 'Katholische Pfarrei St. Marien'),
    ).toBe(false);
  });

  it('does not call a short generic word a duplicate of every name containing it', () => {
    expect(similar('Kita', 'Kita Regenbogen')).toBe(false);
  });

  it('is 0 for empty names', () => {
    expect(nameSimilarity('', 'Kita Regenbogen')).toBe(0);
    expect(nameSimilarity('–', 'Kita Regenbogen')).toBe(0);
  });
});

describe('findSimilarNames', () => {
  const actors = [
    { id: 'vhs', name: 'Volkshochschule Rheinwald' },
    { id: 'kita', name: 'Kita Regenbogen' },
    { id: 'cafe', name: 'Café International e. V.' },
  ];

  it('returns close names, closest first, with their similarity', () => {
    const found = findSimilarNames('Cafe International', actors, (a) => a.name);
    expect(found.map((f) => f.item.id)).toEqual(['cafe']);
    expect(found[0]?.similarity).toBe(1);
  });

  it('returns nothing for a new name or an empty one', () => {
    expect(findSimilarNames('Nähcafé Rheinstadt', actors, (a) => a.name)).toEqual([]);
    expect(findSimilarNames('  ', actors, (a) => a.name)).toEqual([]);
  });

  it('honours the limit', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ name: `Kita Regenbogen ${i}` }));
    expect(findSimilarNames('Kita Regenbogen', many, (a) => a.name, { limit: 3 })).toHaveLength(3);
  });
});

describe('nameKey', () => {
  it('collides for names that differ only in case, accents, legal form and word order', () => {
    expect(nameKey('Café International e. V.')).toBe(nameKey('cafe international'));
    expect(nameKey('Caritas Migrationsberatung')).toBe(nameKey('Migrationsberatung der Caritas'));
    expect(nameKey('Kita Regenbogen')).not.toBe(nameKey('Kita Sonnenschein'));
  });
});
