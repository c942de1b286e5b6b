import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import { ERROR_MESSAGES, fieldErrors, type ErrorCode, type ErrorDetails } from '@knotenpunkt/model';
import type { z } from 'zod';

const STATUS: Record<ErrorCode, FunctionsErrorCode> = {
  INVALID_ARGUMENT: 'invalid-argument',
  UNAUTHENTICATED: 'unauthenticated',
  NOT_ADMIN: 'permission-denied',
  NOT_COORDINATOR: 'permission-denied',
  NETWORK_EXISTS: 'already-exists',
  NETWORK_NOT_FOUND: 'not-found',
  MEMBER_NOT_FOUND: 'not-found',
  RATE_LIMITED: 'resource-exhausted',
  TOKEN_INVALID: 'not-found',
  SUBSCRIBER_NOT_FOUND: 'not-found',
  SUBSCRIBER_NOT_PENDING: 'failed-precondition',
  MAIL_LIMIT_REACHED: 'resource-exhausted',
  MAIL_FAILED: 'unavailable',
  QUESTIONNAIRE_NOT_FOUND: 'not-found',
  QUESTIONNAIRE_NOT_OPEN: 'failed-precondition',
  QUESTIONNAIRE_CLOSED: 'failed-precondition',
  QUESTIONNAIRE_FROZEN: 'failed-precondition',
  QUESTIONNAIRE_ANSWERED: 'already-exists',
  QUESTIONNAIRE_OPEN_LINK_OFF: 'not-found',
  QUESTIONNAIRE_LINK_INVALID: 'not-found',
  INTERNAL: 'internal',
};

/** The one way functions report errors: a stable code, a German message, optional fields. */
export function fail(code: ErrorCode, extra: Omit<ErrorDetails, 'code'> = {}): never {
  const details: ErrorDetails = { code, ...extra };
  const message = extra.field
    ? `${ERROR_MESSAGES[code]} (Feld: ${extra.field})`
    : ERROR_MESSAGES[code];
  throw new HttpsError(STATUS[code], message, details);
}

export function assert(
  condition: unknown,
  code: ErrorCode,
  extra?: Omit<ErrorDetails, 'code'>,
): asserts condition {
  if (!condition) fail(code, extra);
}

/** Parses untrusted input; on failure answers invalid-argument naming the first field. */
export function parseOrFail<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  fail('INVALID_ARGUMENT', { field: Object.keys(fields)[0] ?? '_', fields });
}
