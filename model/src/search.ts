// Free-text search shared by the public directory and the coordinators' lists. German users type
// "Muenster" for "Münster" and "Strasse" for "Straße", and nobody minds case: both sides are folded
// to one spelling before comparing. Pure and free of zod, so public pages can import it cheaply.

const UMLAUT = /([aou])\u0308/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Lowercase, ä/ö/ü → ae/oe/ue, ß → ss, other accents dropped (é → e, ç → c, ı → i), every run of
 * punctuation and whitespace → one space. "Straße" and "STRASSE", "Müller" and "Mueller", "Café"
 * and "Cafe" fold to the same text.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(UMLAUT, '$1e')
    .replace(COMBINING_MARKS, '')
    .replaceAll('ß', 'ss')
    .replaceAll('ı', 'i')
    .replace(NOT_WORD, ' ')
    .trim();
}

/** The folded words of a query, without repetitions; an empty query has no terms. */
export function searchTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded ? [...new Set(folded.split(' '))] : [];
}

/** Builds the folded text one entry is searched in, from its searchable parts. */
export function searchableText(parts: ReadonlyArray<string | readonly string[]>): string {
  return foldForSearch(parts.flat().join(' '));
}

/**
 * True when every term occurs in the folded text (anywhere, so "sprach" finds "Sprachcafé").
 * No terms match everything.
 */
export function matchesTerms(foldedText: string, terms: readonly string[]): boolean {
  return terms.every((term) => foldedText.includes(term));
}

/** Convenience for one-off checks: does `text` match the free-text `query`? */
export function matchesQuery(text: string, query: string): boolean {
  return matchesTerms(foldForSearch(text), searchTerms(query));
}
