import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '@knotenpunkt/model';
import { describeError } from './errors.ts';

/** Shaped like the SDKs' FirebaseError: an Error with a string code and optional details. */
function firebaseError(code: string, details?: unknown) {
  return Object.assign(new Error(code), { code, details });
}

describe('describeError', () => {
  it('shows the German text for the stable code a callable function sent', () => {
    const result = describeError(
      firebaseError('functions/already-exists', { code: 'NETWORK_EXISTS', field: 'slug' }),
    );
    expect(result.message).toBe(ERROR_MESSAGES.NETWORK_EXISTS);
    expect(result.fields).toEqual({ slug: ERROR_MESSAGES.NETWORK_EXISTS });
  });

  it('keeps per-field messages from the function for the form', () => {
    const result = describeError(
      firebaseError('functions/invalid-argument', {
        code: 'INVALID_ARGUMENT',
        fields: { email: 'Bitte eine gültige E-Mail-Adresse angeben.', bad: 3 },
      }),
    );
    expect(result.message).toBe(ERROR_MESSAGES.INVALID_ARGUMENT);
    expect(result.fields).toEqual({ email: 'Bitte eine gültige E-Mail-Adresse angeben.' });
  });

  it('answers wrong password and unknown account alike, so nobody learns who has an account', () => {
    const wrong = describeError(firebaseError('auth/wrong-password')).message;
    expect(describeError(firebaseError('auth/user-not-found')).message).toBe(wrong);
    expect(describeError(firebaseError('auth/invalid-credential')).message).toBe(wrong);
  });

  it('explains too many attempts and a lost connection at sign-in', () => {
    expect(describeError(firebaseError('auth/too-many-requests')).message).toMatch(/Zu viele/);
    expect(describeError(firebaseError('auth/network-request-failed')).message).toMatch(
      /Keine Verbindung/,
    );
  });

  it('maps Firestore and Functions status codes without details', () => {
    expect(describeError(firebaseError('permission-denied')).message).toMatch(/Berechtigung/);
    expect(describeError(firebaseError('functions/permission-denied')).message).toMatch(
      /Berechtigung/,
    );
    expect(describeError(firebaseError('unavailable')).message).toMatch(/nicht erreichbar/);
  });

  it('reports a refused connection of Firestore Lite as the server being unreachable', () => {
    const error = Object.assign(new Error('Request failed with error: Failed to fetch'), {
      code: 'unknown',
    });
    expect(describeError(error).message).toMatch(/nicht erreichbar/);
  });

  it('ignores unknown detail codes and falls back to the status', () => {
    const result = describeError(firebaseError('functions/unavailable', { code: 'NOPE' }));
    expect(result.message).toMatch(/nicht erreichbar/);
    expect(result.fields).toEqual({});
  });

  it('falls back to a generic German message for anything else', () => {
    expect(describeError(new Error('boom')).message).toBe(ERROR_MESSAGES.INTERNAL);
    expect(describeError('string').message).toBe(ERROR_MESSAGES.INTERNAL);
  });

  it('asks for a reload when a lazily loaded module could not be fetched', () => {
    expect(
      describeError(new TypeError('Failed to fetch dynamically imported module')).message,
    ).toMatch(/neu/);
  });
});
