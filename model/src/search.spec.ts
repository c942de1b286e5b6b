import { describe, expect, it } from 'vitest';
import {
  foldForSearch,
  matchesQuery,
  matchesTerms,
  searchTerms,
  searchableText,
} from './search.ts';

describe('foldForSearch', () => {
  it('ignores case', () => {
    expect(foldForSearch('SprachCafé')).toBe(foldForSearch('sprachcafe'));
  });

  it('treats ä/ae, ö/oe, ü/ue and ß/ss alike', () => {
    expect(foldForSearch('Käse')).toBe(foldForSearch('Kaese'));
    expect(foldForSearch('Öffnungszeiten')).toBe(foldForSearch('Oeffnungszeiten'));
    expect(foldForSearch('Müller')).toBe(foldForSearch('MUELLER'));
    expect(foldForSearch('Straße')).toBe(foldForSearch('Strasse'));
    expect(foldForSearch('STRAẞE')).toBe('strasse');
  });

  it('folds decomposed umlauts like precomposed ones', () => {
    expect(foldForSearch('Mu\u0308nster')).toBe('muenster');
    expect(foldForSearch('M\u00fcnster')).toBe('muenster');
  });

  it('drops other accents and maps the dotless i', () => {
    expect(foldForSearch('Café Çiğdem Yıldız')).toBe('cafe cigdem yildiz');
  });

  it('turns punctuation and runs of spaces into single spaces', () => {
    expect(foldForSearch('  Jugend-\nmigrations   dienst, e. V. ')).toBe(
      'jugend migrations dienst e v',
    );
  });

  it('keeps letters of other scripts, folded alike on both sides', () => {
    expect(foldForSearch('العربية')).toBe('العربية');
    expect(matchesQuery('Беседы: Українська мова', 'УКРАЇНСЬКА')).toBe(true);
  });
});

describe('searchTerms', () => {
  it('splits a query into folded words without repetitions', () => {
    expect(searchTerms('Sprachcafé  sprachcafe Hemerfeld')).toEqual(['sprachcafe', 'hemerfeld']);
  });

  it('finds no terms in an empty or blank query', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(' – ')).toEqual([]);
  });
});

describe('matching', () => {
  const text = searchableText(['Evangelische Kirchengemeinde', ['Begegnungscafé', 'Deutsch']]);

  it('needs every term somewhere in the text, also inside words', () => {
    expect(matchesTerms(text, searchTerms('kirche cafe'))).toBe(true);
    expect(matchesTerms(text, searchTerms('kirche moschee'))).toBe(false);
  });

  it('matches everything with no terms', () => {
    expect(matchesTerms(text, [])).toBe(true);
  });

  it('finds "Gemeinschaftsunterkunft Grünweg" by "gruenweg" and "Fussweg" by "Fußweg"', () => {
    expect(matchesQuery('Gemeinschaftsunterkunft Grünweg', 'gruenweg')).toBe(true);
    expect(matchesQuery('Am Fussweg 3', 'Fußweg')).toBe(true);
  });
});
