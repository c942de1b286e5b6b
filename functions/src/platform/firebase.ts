import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';

// One admin app per process; the emulator sets FIRESTORE_EMULATOR_HOST etc. for it. Firestore
// triggers make firebase-functions create an app of its own ("__admin__"), so look for the
// default app by name: services such as getFunctions() only ever use the default one.
function app() {
  return getApps().find((a) => a.name === '[DEFAULT]') ?? initializeApp();
}

export const db = () => getFirestore(app());
export const auth = () => getAuth(app());

/** True inside the Firebase emulators (set by firebase-tools for the functions runtime). */
export const isEmulator = () => process.env.FUNCTIONS_EMULATOR === 'true';
