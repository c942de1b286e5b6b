import { HttpsError, onCall, type CallableOptions } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions';
import type { Caller } from './access.ts';
import { fail } from './errors.ts';

/**
 * The thin trigger around a plain handler: passes data and caller, and is the one error
 * boundary (unexpected errors become INTERNAL without leaking internals).
 */
export function callable<R>(
  handler: (data: unknown, caller: Caller | undefined) => Promise<R>,
  opts: Pick<CallableOptions, 'secrets'> = {},
) {
  return onCall({ ...opts, cors: true }, async (request) => {
    const caller = request.auth
      ? { uid: request.auth.uid, email: request.auth.token.email }
      : undefined;
    try {
      return await handler(request.data, caller);
    } catch (error) {
      if (error instanceof HttpsError) throw error;
      logger.error('callable failed', error);
      fail('INTERNAL');
    }
  });
}
