import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { AUTH_HOST, FIRESTORE_HOST, PROJECT_ID } from './env.ts';

process.env.FIRESTORE_EMULATOR_HOST ??= FIRESTORE_HOST;
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= AUTH_HOST;

const app = getApps()[0] ?? initializeApp({ projectId: PROJECT_ID });
/** firebase-admin against the emulators: bypasses rules, for seeding and reading back. */
export const adminDb = getFirestore(app);
export const adminAuth = getAuth(app);

/** Empties Firestore and Auth through the emulators' own reset endpoints. */
export async function resetEmulators() {
  // The emulator answers 409 while a transaction (a trigger of the previous test) is still open;
  // it succeeds a moment later.
  let fs: Response | undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    fs = await fetch(
      `http://${FIRESTORE_HOST}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`,
      { method: 'DELETE' },
    );
    if (fs.status !== 409) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!fs?.ok) throw new Error(`Firestore reset failed: ${fs?.status}`);
  const auth = await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT_ID}/accounts`, {
    method: 'DELETE',
  });
  if (!auth.ok) throw new Error(`Auth reset failed: ${auth.status}`);
}

/** Polls until check returns a value (not undefined) or fails after timeoutMs. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
