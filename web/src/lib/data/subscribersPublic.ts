// The distribution list's public side: plain fetches to /api/subscribers/* (Hosting rewrites them
// to the `api` function), no Firebase SDK at all. Personal links' tokens are posted in the body,
// never put into a URL the server sees.
import {
  type ExportFile,
  type PreferencesInput,
  type PreferencesView,
  type SignupFormView,
  type SignupInput,
} from '@knotenpunkt/model';
import { callApi } from './publicApi.ts';

export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; code: string; message: string; fields: Record<string, string> };

/** The shared request (publicApi.ts), with the answer's body as `value`. */
async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  const result = await callApi<T>(method, path, body);
  return result.ok ? { ok: true, value: result.body as T } : result;
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
