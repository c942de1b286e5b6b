// Firestore hands out SDK Timestamp objects; the model works with plain Dates. Both the full SDK
// and Lite Timestamps have toDate(), so one duck-typed converter serves every read at the edge.

interface TimestampLike {
  toDate(): Date;
  seconds: number;
  nanoseconds: number;
}

function isTimestamp(value: unknown): value is TimestampLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TimestampLike).toDate === 'function' &&
    typeof (value as TimestampLike).seconds === 'number'
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Returns a copy of a document's data with every Timestamp (also nested) turned into a Date. */
export function timestampsToDates(value: unknown): unknown {
  if (isTimestamp(value)) return value.toDate();
  if (Array.isArray(value)) return value.map(timestampsToDates);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = timestampsToDates(inner);
    return out;
  }
  return value;
}
