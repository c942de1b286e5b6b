// Firestore's REST API for public reads that need no SDK at all: one fetch per document. The
// published directory is made for this (its documents hold JSON text), which keeps Firestore's
// SDKs (and their ~34–140 KB) out of the public pages. Same project and emulator rule as app.ts:
// "demo-" projects talk to the local emulator beside the page.
import { PUBLIC_FIREBASE_API_KEY, PUBLIC_FIREBASE_PROJECT_ID } from '$env/static/public';

const FIRESTORE_EMULATOR_PORT = 8080;
const useEmulator = PUBLIC_FIREBASE_PROJECT_ID.startsWith('demo-');

/** A failed read, with the code describeError (data/errors.ts) turns into German text. */
export class RestError extends Error {
  constructor(
    readonly code: 'unavailable' | 'permission-denied' | 'invalid-data',
    message: string,
  ) {
    super(message);
  }
}

function documentUrl(path: string, fields: readonly string[]): string {
  const base = useEmulator
    ? `http://${location.hostname}:${FIRESTORE_EMULATOR_PORT}`
    : 'https://firestore.googleapis.com';
  const params = new URLSearchParams();
  for (const field of fields) params.append('mask.fieldPaths', field);
  if (!useEmulator) params.set('key', PUBLIC_FIREBASE_API_KEY);
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${base}/v1/projects/${PUBLIC_FIREBASE_PROJECT_ID}/databases/(default)/documents/${encoded}?${params}`;
}

type RestValue =
  | { stringValue: string }
  | { integerValue: string }
  | { timestampValue: string }
  | Record<string, unknown>;

/**
 * Reads the named fields of one document as an unauthenticated visitor (the rules decide).
 * Strings, integers and timestamps come back as text, numbers and Dates; null when the document
 * does not exist.
 */
export async function getPublicDocument(
  path: string,
  fields: readonly string[],
): Promise<Record<string, string | number | Date> | null> {
  let res: Response;
  try {
    res = await fetch(documentUrl(path, fields), { headers: { accept: 'application/json' } });
  } catch {
    throw new RestError('unavailable', 'Firestore nicht erreichbar');
  }
  if (res.status === 404) return null;
  if (res.status === 403) throw new RestError('permission-denied', path);
  if (!res.ok) throw new RestError('unavailable', `Firestore antwortete ${res.status}`);
  const body = (await res.json()) as { fields?: Record<string, RestValue> };
  const out: Record<string, string | number | Date> = {};
  for (const [key, value] of Object.entries(body.fields ?? {})) {
    if ('stringValue' in value && typeof value.stringValue === 'string')
      out[key] = value.stringValue;
    else if ('integerValue' in value) out[key] = Number(value.integerValue);
    else if ('timestampValue' in value && typeof value.timestampValue === 'string')
      out[key] = new Date(value.timestampValue);
  }
  return out;
}
