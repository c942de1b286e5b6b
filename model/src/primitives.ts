import { z } from 'zod';

// Limits shared by forms, functions and rules (firestore.rules repeats the numbers it needs).
export const LIMITS = {
  shortText: 200,
  longText: 5000,
  listItems: 50,
} as const;

/** A trimmed, non-empty single-line text with a length limit. */
export const requiredText = (max: number = LIMITS.shortText) =>
  z
    .string({ error: 'Bitte ausfüllen.' })
    .trim()
    .min(1, { error: 'Bitte ausfüllen.' })
    .max(max, { error: `Höchstens ${max} Zeichen.` });

/** Optional text: empty input becomes ''. */
export const optionalText = (max: number = LIMITS.shortText) =>
  z
    .string()
    .trim()
    .max(max, { error: `Höchstens ${max} Zeichen.` })
    .default('');

export const email = z
  .string({ error: 'Bitte eine E-Mail-Adresse angeben.' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'Höchstens 254 Zeichen.' })
  .pipe(z.email({ error: 'Bitte eine gültige E-Mail-Adresse angeben.' }));

export const optionalEmail = z.union([z.literal(''), email]).default('');

export const phone = z
  .string()
  .trim()
  .max(40, { error: 'Höchstens 40 Zeichen.' })
  .regex(/^[0-9+()/ -]*$/, { error: 'Nur Ziffern, Leerzeichen und + ( ) / -.' })
  .default('');

export const url = z
  .string()
  .trim()
  .max(500, { error: 'Höchstens 500 Zeichen.' })
  .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), {
    error: 'Bitte eine Adresse beginnend mit https:// angeben.',
  })
  .default('');

/** URL-safe lowercase identifier used in paths: "netzwerk-hemer". */
export const slug = z
  .string({ error: 'Bitte ausfüllen.' })
  .trim()
  .min(2, { error: 'Mindestens 2 Zeichen.' })
  .max(60, { error: 'Höchstens 60 Zeichen.' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'Nur Kleinbuchstaben, Ziffern und Bindestriche (z. B. netzwerk-hemer).',
  });

/** Firestore document id as created by the SDKs or our functions. */
export const docId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'Ungültige Kennung.' });

export const textList = (max: number = LIMITS.listItems, itemMax: number = LIMITS.shortText) =>
  z
    .array(requiredText(itemMax))
    .max(max, { error: `Höchstens ${max} Einträge.` })
    .default([]);

/** Timestamps are plain Dates inside the app; the data layers convert SDK Timestamps at the edge. */
export const timestamp = z.date();

/** A point in time that may be unset (deadline, confirmation, …). */
export const optionalTimestamp = timestamp.nullable().default(null);

/** A whole number in a range, with German messages. */
export const int = (min: number, max: number) =>
  z
    .number({ error: 'Bitte eine Zahl angeben.' })
    .int({ error: 'Bitte eine ganze Zahl angeben.' })
    .min(min, { error: `Mindestens ${min}.` })
    .max(max, { error: `Höchstens ${max}.` });

/** A list of values without repetitions (ids, enum choices). */
export const uniqueList = <T extends z.ZodType>(item: T, min: number, max: number) =>
  z
    .array(item)
    .min(min, {
      error: min === 1 ? 'Bitte mindestens einen Eintrag wählen.' : `Mindestens ${min} Einträge.`,
    })
    .max(max, { error: `Höchstens ${max} Einträge.` })
    .refine((items) => new Set(items).size === items.length, {
      error: 'Jeder Eintrag darf nur einmal vorkommen.',
    });
