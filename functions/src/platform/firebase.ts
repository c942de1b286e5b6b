import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';

// One admin app per process; the emulator sets FIRESTORE_EMULATOR_HOST etc. for it.
function app() {
  return getApps()[0] ?? initializeApp();
}

export const db = () => getFirestore(app());
export const auth = () => getAuth(app());

/** True inside the Firebase emulators (set by firebase-tools for the functions runtime). */
export const isEmulator = () => process.env.FUNCTIONS_EMULATOR === 'true';
