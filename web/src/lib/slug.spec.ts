import { describe, expect, it } from 'vitest';
import { suggestSlug } from './slug.ts';

describe('suggestSlug', () => {
  it('lowercases and joins words with hyphens', () => {
    expect(suggestSlug('Netzwerk Integration Hemer')).toBe('netzwerk-integration-hemer');
  });

  it('spells out German umlauts and ß', () => {
    expect(suggestSlug('Märkischer Kreis – Große Runde für Öffentlichkeit')).toBe(
      'maerkischer-kreis-grosse-runde-fuer-oeffentlichkeit',
    );
  });

  it('drops other accents and punctuation', () => {
    expect(suggestSlug('  Café „Begegnung“ & Co.  ')).toBe('cafe-begegnung-co');
  });

  it('never ends with a hyphen after shortening to 60 characters', () => {
    const slug = suggestSlug(`${'a'.repeat(59)} b`);
    expect(slug).toBe('a'.repeat(59));
    expect(suggestSlug('x'.repeat(80))).toHaveLength(60);
  });

  it('returns an empty string when nothing usable is left', () => {
    expect(suggestSlug('!!!')).toBe('');
  });
});
