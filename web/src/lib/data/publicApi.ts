// The public HTTP endpoints under /api (Hosting rewrites them to the `api` function): forms that
// need no account post JSON here. Answers carry a German message and, for bad input, the fields.
import { ERROR_MESSAGES } from '@knotenpunkt/model';

export type ApiResult<T = Record<string, unknown>> =
  | { ok: true; body: T & { message?: string } }
  | { ok: false; status: number; code: string; message: string; fields: Record<string, string> };

const UNREACHABLE =
  'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.';

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

export async function callApi<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: 'UNAVAILABLE', message: UNREACHABLE, fields: {} };
  }
  let payload: Record<string, unknown> = {};
  try {
    payload = (await res.json()) as Record<string, unknown>;
  } catch {
    // An HTML error page (proxy, outage): fall through to the generic message.
  }
  if (res.ok) return { ok: true, body: payload as T & { message?: string } };
  const fields = stringRecord(payload.fields);
  const message =
    typeof payload.message === 'string'
      ? payload.message.replace(/ \(Feld: [^)]*\)$/, '')
      : res.status >= 500
        ? ERROR_MESSAGES.INTERNAL
        : ERROR_MESSAGES.INVALID_ARGUMENT;
  if (typeof payload.field === 'string' && payload.field !== '_' && !(payload.field in fields)) {
    fields[payload.field] = message;
  }
  const code = typeof payload.error === 'string' ? payload.error : 'INTERNAL';
  return { ok: false, status: res.status, code, message, fields };
}

export const postApi = <T = Record<string, unknown>>(path: string, body: unknown) =>
  callApi<T>('POST', path, body);

export const getApi = <T = Record<string, unknown>>(path: string) => callApi<T>('GET', path);
