import type { z } from 'zod';

/** Flattens zod issues to { "dotted.path": "German message" } for forms and function errors. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    // An unknown key is reported at the object; name the key itself so the answer says which.
    const path =
      issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const key = path.map(String).join('.') || '_';
    const message = issue.code === 'unrecognized_keys' ? 'Unbekanntes Feld.' : issue.message;
    if (!(key in out)) out[key] = message;
  }
  return out;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

/** Parses input with a schema, returning German per-field messages instead of throwing. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, fields: fieldErrors(result.error) };
}
