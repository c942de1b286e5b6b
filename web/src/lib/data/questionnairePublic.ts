// Without an account: the answering page talks to POST /api/fragebogen/* with the token from the
// link (plain fetch, same origin through Hosting), and published results are read with
// Firestore Lite. No full SDK, no Auth.
import { doc, getDoc } from 'firebase/firestore/lite';
import {
  answerErrorSchema,
  answerSavedSchema,
  answerSessionSchema,
  answerSubmittedSchema,
  openLinkAnswerSchema,
  paths,
  publicResultsSchema,
  type AnswerSession,
  type PublicResults,
  type QuestionnaireRef,
} from '@knotenpunkt/model';
import { liteDb } from '$lib/firebase/app';
import { parseDoc } from './parse.ts';

export interface AnswerError {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  message: string;
  /** Per question id. */
  fields: Record<string, string>;
}

export type AnswerResult<T> = { ok: true; value: T } | { ok: false; error: AnswerError };

const OFFLINE =
  'Der Server ist gerade nicht erreichbar. Ihre Eingaben bleiben auf dieser Seite erhalten – bitte versuchen Sie es gleich noch einmal.';

async function post<T>(
  route: 'laden' | 'entwurf' | 'absenden' | 'offen',
  body: unknown,
  schema: { parse(value: unknown): T },
): Promise<AnswerResult<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/fragebogen/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { status: 0, message: OFFLINE, fields: {} } };
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // A proxy's HTML error page: described below by the status.
  }
  if (res.ok) {
    try {
      return { ok: true, value: schema.parse(json) };
    } catch {
      return {
        ok: false,
        error: { status: 500, message: 'Die Antwort des Servers war unerwartet.', fields: {} },
      };
    }
  }
  const parsed = answerErrorSchema.safeParse(json);
  return {
    ok: false,
    error: parsed.success
      ? { status: res.status, message: parsed.data.message, fields: parsed.data.fields ?? {} }
      : {
          status: res.status,
          message: res.status >= 500 ? OFFLINE : 'Anfrage abgelehnt.',
          fields: {},
        },
  };
}

export const loadAnswerSession = (token: string) =>
  post<AnswerSession>('laden', { token }, answerSessionSchema);

export const saveAnswerDraft = (token: string, answers: Record<string, unknown>) =>
  post('entwurf', { token, answers }, answerSavedSchema);

/** The open link: a personal token of one's own for this questionnaire. */
export const startOpenLink = (key: QuestionnaireRef) => post('offen', key, openLinkAnswerSchema);

export const submitAnswers = (token: string, answers: Record<string, unknown>) =>
  post('absenden', { token, answers }, answerSubmittedSchema);

/** The published results of a questionnaire, or null when not (or no longer) published. */
export async function loadPublicResults(
  networkId: string,
  questionnaireId: string,
): Promise<PublicResults | null> {
  const path = paths.publicResults(networkId, questionnaireId);
  try {
    const snap = await getDoc(doc(await liteDb(), path));
    return snap.exists() ? parseDoc(publicResultsSchema, path, snap.data()) : null;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'permission-denied') return null;
    throw error;
  }
}
