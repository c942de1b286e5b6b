// Sign-in, sign-out, password reset and the signed-in user, over Firebase Auth.
import {
  onAuthStateChanged,
  sendPasswordResetEmail,
  signInWithEmailAndPassword,
  signOut as firebaseSignOut,
  type User,
} from 'firebase/auth';
import { auth } from '$lib/firebase/app';
import { isUserNotFound } from './errors.ts';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';

export interface SessionUser {
  uid: string;
  email: string;
}

function toSessionUser(user: User | null): SessionUser | null {
  return user ? { uid: user.uid, email: user.email ?? '' } : null;
}

/** The signed-in user once Auth has restored a saved session (or null). */
export async function currentUser(): Promise<SessionUser | null> {
  const instance = await auth();
  await instance.authStateReady();
  return toSessionUser(instance.currentUser);
}

/** Calls `next` with the user now and on every sign-in or sign-out (also in other tabs). */
export function watchUser(next: Next<SessionUser | null>, fail: Fail): Unsubscribe {
  return listenLater(async () => {
    const instance = await auth();
    return onAuthStateChanged(instance, (user) => next(toSessionUser(user)), fail);
  }, fail);
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  const credential = await signInWithEmailAndPassword(await auth(), email.trim(), password);
  return { uid: credential.user.uid, email: credential.user.email ?? '' };
}

export async function signOut(): Promise<void> {
  await firebaseSignOut(await auth());
}

/** Sends the reset mail. Unknown addresses succeed silently, so nobody learns who has an account. */
export async function sendPasswordReset(email: string): Promise<void> {
  try {
    await sendPasswordResetEmail(await auth(), email.trim());
  } catch (error) {
    if (!isUserNotFound(error)) throw error;
  }
}

/** The signed-in user's uid for `updatedBy`; writes without a session are refused by the rules. */
export async function requireUid(): Promise<string> {
  const uid = (await auth()).currentUser?.uid;
  if (!uid) throw Object.assign(new Error('Nicht angemeldet'), { code: 'unauthenticated' });
  return uid;
}
