// Every document read passes the model's schema after its Timestamps became Dates, so the rest
// of the app can trust the types.
import { timestampsToDates } from './convert.ts';

/** The part of a zod schema we use; typed structurally so web needs no zod import of its own. */
export interface Schema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

/** Raised when a stored document does not match its schema; described like any coded error. */
export class InvalidDataError extends Error {
  readonly code = 'invalid-data';

  constructor(
    readonly path: string,
    readonly issues: readonly unknown[],
  ) {
    super(`Ungültige Daten in ${path}`);
  }
}

export function parseDoc<T>(schema: Schema<T>, path: string, data: unknown): T {
  const result = schema.safeParse(timestampsToDates(data));
  if (!result.success) throw new InvalidDataError(path, result.error.issues);
  return result.data;
}

/** For lists: skips documents that do not parse (logged), so one bad entry hides only itself. */
export function parseDocs<T, R>(
  schema: Schema<T>,
  docs: { id: string; path: string; data: unknown }[],
  toItem: (id: string, value: T) => R,
): R[] {
  const items: R[] = [];
  for (const doc of docs) {
    const result = schema.safeParse(timestampsToDates(doc.data));
    if (result.success) items.push(toItem(doc.id, result.data));
    else console.warn(`Ungültige Daten in ${doc.path}`, result.error.issues);
  }
  return items;
}
