// Duplicate warnings for actor names. The same organisation gets entered twice as "Café
// International e. V." and "Cafe International", or "Caritas Migrationsberatung" and
// "Migrationsberatung der Caritas" (the pain of every directory that grew from lists). This
// compares names after folding and without legal forms and filler words; it warns, never blocks.
import { foldForSearch } from './search.ts';

/** Legal forms and filler words that say nothing about which organisation is meant. */
const NOISE = new Set([
  'e',
  'v',
  'ev',
  'eg',
  'gmbh',
  'ggmbh',
  'ug',
  'gbr',
  'ag',
  'mbh',
  'verein',
  'der',
  'die',
  'das',
  'des',
  'dem',
  'den',
  'und',
  'fuer',
  'im',
  'in',
  'am',
  'an',
  'von',
  'zu',
  'zur',
  'zum',
]);

/** The words of a name that identify it: folded, without legal forms and filler words. */
export function nameTokens(name: string): string[] {
  const words = foldForSearch(name).split(' ').filter(Boolean);
  const meaningful = words.filter((w) => !NOISE.has(w));
  // A name made only of filler ("Der Verein") is still compared by what it has.
  return meaningful.length > 0 ? meaningful : words;
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice coefficient over character bigrams: 1 for equal texts, 0 for nothing shared. */
export function diceCoefficient(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  if (a.length < 2 || b.length < 2) return 0;
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/**
 * How alike two names are, from 0 to 1. Word order does not matter; a name whose every word
 * occurs in the other ("Jugendmigrationsdienst Diakonie" in "Jugendmigrationsdienst der Diakonie
 * Hemerfeld") counts as very close when it has at least two words or one long one.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  const sortedLeft = [...left].sort().join(' ');
  const sortedRight = [...right].sort().join(' ');
  if (sortedLeft === sortedRight) return 1;

  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  const contained = shorter.every((word) => longer.includes(word));
  const distinctive = shorter.length >= 2 || (shorter[0]?.length ?? 0) >= 8;
  const containment = contained && distinctive ? 0.9 : 0;

  const compact = diceCoefficient(sortedLeft.replaceAll(' ', ''), sortedRight.replaceAll(' ', ''));
  return Math.max(containment, compact);
}

/** From this similarity on, the form warns that the actor may exist already. */
export const SIMILAR_NAME_THRESHOLD = 0.8;

export interface SimilarName<T> {
  item: T;
  similarity: number;
}

/**
 * The candidates whose name is close to `name`, closest first (at most `limit`). `nameOf` reads
 * a candidate's name, so actors, import rows and snapshot entries all work.
 */
export function findSimilarNames<T>(
  name: string,
  candidates: readonly T[],
  nameOf: (candidate: T) => string,
  { threshold = SIMILAR_NAME_THRESHOLD, limit = 5 }: { threshold?: number; limit?: number } = {},
): SimilarName<T>[] {
  if (nameTokens(name).length === 0) return [];
  return candidates
    .map((item) => ({ item, similarity: nameSimilarity(name, nameOf(item)) }))
    .filter((match) => match.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit);
}

/** A key under which names that are the same apart from case, accents and legal form collide. */
export function nameKey(name: string): string {
  return [...nameTokens(name)].sort().join(' ');
}
