// The distribution list's public side: plain fetches to /api/subscribers/* (Hosting rewrites them
// to the `api` function), no Firebase SDK at all. Personal links' tokens are posted in the body,
// never put into a URL the server sees.
import {
  ERROR_MESSAGES,
  type ExportFile,
  type PreferencesInput,
  type PreferencesView,
  type SignupFormView,
  type SignupInput,
} from '@knotenpunkt/model';

export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; code: string; message: string; fields: Record<string, string> };

const UNREACHABLE =
  'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.';

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

async function call<T>(
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
    // An HTML error page (proxy, outage): the generic message below.
  }
  if (res.ok) return { ok: true, value: payload as T };
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

export const loadSignupForm = (networkId: string) =>
  call<SignupFormView>('GET', `/api/subscribers/form?network=${encodeURIComponent(networkId)}`);

export const signup = (input: SignupInput) =>
  call<{ ok: true; message: string }>('POST', '/api/subscribers/signup', input);

export interface Confirmed {
  networkId: string;
  networkName: string;
  preferencesToken: string;
  alreadyConfirmed: boolean;
}

export const confirmSubscription = (token: string) =>
  call<Confirmed>('POST', '/api/subscribers/confirm', { token });

export const loadPreferences = (token: string) =>
  call<PreferencesView>('POST', '/api/subscribers/preferences', { token });

export const savePreferences = (input: PreferencesInput) =>
  call<PreferencesView>('POST', '/api/subscribers/preferences/save', input);

export const unsubscribe = (token: string) =>
  call<{ ok: true; message: string }>('POST', '/api/subscribers/unsubscribe', { token });

export const exportMyData = (token: string, format: 'json' | 'csv') =>
  call<ExportFile>('POST', '/api/subscribers/export', { token, format });

export const eraseMyData = (token: string) =>
  call<{ ok: true; message: string }>('POST', '/api/subscribers/erase', { token, confirm: true });

/** The token of a personal link: `#t=…` in the address (a fragment never reaches a server). */
export function tokenFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}
