// The distribution list's public HTTP operations, added to the table in functions/src/http/api.ts.
// Errors become { error: CODE, message, field?, fields? } with the matching 4xx status.
import { HttpsError, type Request } from 'firebase-functions/v2/https';
import type { ErrorDetails } from '@knotenpunkt/model';
import type { ApiDeps, ApiResponse } from '../http/api.ts';
import { handleConfirm } from './confirm.ts';
import { SIGNUP_LIMIT, type SubscriberDeps } from './deps.ts';
import { handleErase } from './erase.ts';
import { handleExport } from './export.ts';
import { handleSignupForm } from './form.ts';
import { handleGetPreferences, handleSavePreferences } from './preferences.ts';
import { clientAddress } from './rateLimit.ts';
import { handleSignup } from './signup.ts';
import { handleUnsubscribe, unsubscribePage, unsubscribeToken } from './unsubscribe.ts';

type Route = (req: Request, deps: ApiDeps) => Promise<ApiResponse>;

const subscriberDeps = (api: ApiDeps): SubscriberDeps => ({
  ...api,
  now: () => new Date(),
  signupLimit: SIGNUP_LIMIT,
});

/** Runs a handler; an HttpsError from fail() becomes its status and a JSON error body. */
export async function answer(status: number, work: () => Promise<unknown>): Promise<ApiResponse> {
  try {
    return { status, body: await work() };
  } catch (error) {
    if (!(error instanceof HttpsError)) throw error;
    const details = (error.details ?? {}) as Partial<ErrorDetails>;
    return {
      status: error.httpErrorCode.status,
      body: {
        error: details.code ?? 'INTERNAL',
        message: error.message,
        ...(details.field ? { field: details.field } : {}),
        ...(details.fields ? { fields: details.fields } : {}),
      },
    };
  }
}

const post =
  (status: number, handler: (req: Request, deps: SubscriberDeps) => Promise<unknown>): Route =>
  (req, deps) =>
    answer(status, () => handler(req, subscriberDeps(deps)));

export const subscriberRoutes: Record<string, Partial<Record<string, Route>>> = {
  '/api/subscribers/form': {
    GET: post(200, (req, deps) => handleSignupForm(req.query, deps)),
  },
  // 202: accepted, whatever the address; the mail says what happens next.
  '/api/subscribers/signup': {
    POST: post(202, (req, deps) => handleSignup(req.body, clientAddress(req), deps)),
  },
  '/api/subscribers/confirm': { POST: post(200, (req, deps) => handleConfirm(req.body, deps)) },
  '/api/subscribers/unsubscribe': {
    POST: post(200, (req, deps) => handleUnsubscribe(unsubscribeToken(req.query, req.body), deps)),
    // Someone opened the List-Unsubscribe URL in a browser: nothing changes, the page asks.
    GET: async (req, deps) => ({
      status: 303,
      headers: { Location: await unsubscribePage(req.query, subscriberDeps(deps)) },
      body: { message: 'Weiter zu Ihren Einstellungen.' },
    }),
  },
  '/api/subscribers/preferences': {
    POST: post(200, (req, deps) => handleGetPreferences(req.body, deps)),
  },
  '/api/subscribers/preferences/save': {
    POST: post(200, (req, deps) => handleSavePreferences(req.body, deps)),
  },
  '/api/subscribers/export': { POST: post(200, (req, deps) => handleExport(req.body, deps)) },
  '/api/subscribers/erase': { POST: post(200, (req, deps) => handleErase(req.body, deps)) },
};
