import type { Auth, UserRecord } from 'firebase-admin/auth';

/** Finds the Auth user of an email address or creates one without a password. */
export async function findOrCreateUser(
  auth: Auth,
  email: string,
  displayName: string,
): Promise<{ user: UserRecord; created: boolean }> {
  try {
    return { user: await auth.getUserByEmail(email), created: false };
  } catch (error) {
    if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
  }
  try {
    return { user: await auth.createUser({ email, displayName }), created: true };
  } catch (error) {
    // A concurrent grant created it first.
    if ((error as { code?: string }).code === 'auth/email-already-exists') {
      return { user: await auth.getUserByEmail(email), created: false };
    }
    throw error;
  }
}
