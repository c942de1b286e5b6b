// The one place that knows the Firebase config and the emulators. Only firebase/app is imported
// statically; Auth, Firestore (full and lite) and Functions are loaded on first use, so a public
// page that only reads with firestore/lite never downloads the full SDK or Auth.
import { initializeApp, type FirebaseApp } from 'firebase/app';
import type { Auth } from 'firebase/auth';
import type { Firestore } from 'firebase/firestore';
import type { Firestore as LiteFirestore } from 'firebase/firestore/lite';
import type { Functions } from 'firebase/functions';
import {
  PUBLIC_FIREBASE_API_KEY,
  PUBLIC_FIREBASE_AUTH_DOMAIN,
  PUBLIC_FIREBASE_PROJECT_ID,
} from '$env/static/public';
import { REGION } from '@knotenpunkt/model';

const EMULATOR_PORTS = { auth: 9099, firestore: 8080, functions: 5001 } as const;

/** "demo-" projects exist only in the emulators (Firebase's own convention). */
const useEmulators = PUBLIC_FIREBASE_PROJECT_ID.startsWith('demo-');

/** The emulators run beside the page: same host the browser used to reach the app. */
function emulatorHost(): string {
  return location.hostname;
}

let app: FirebaseApp | undefined;

export function firebaseApp(): FirebaseApp {
  app ??= initializeApp({
    apiKey: PUBLIC_FIREBASE_API_KEY,
    authDomain: PUBLIC_FIREBASE_AUTH_DOMAIN,
    projectId: PUBLIC_FIREBASE_PROJECT_ID,
  });
  return app;
}

/** Caches one promise per service so concurrent first calls share the same instance. */
function once<T>(init: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= init().catch((error: unknown) => {
      promise = undefined; // a failed chunk load may succeed on retry
      throw error;
    });
    return promise;
  };
}

/** Firestore Lite for public pages (REST, no listeners, ~34 KB). */
export const liteDb = once<LiteFirestore>(async () => {
  const { getFirestore, connectFirestoreEmulator } = await import('firebase/firestore/lite');
  const db = getFirestore(firebaseApp());
  if (useEmulators) connectFirestoreEmulator(db, emulatorHost(), EMULATOR_PORTS.firestore);
  return db;
});

/** The full Firestore SDK with live listeners, for the coordinators' area. */
export const db = once<Firestore>(async () => {
  const { getFirestore, connectFirestoreEmulator } = await import('firebase/firestore');
  const firestore = getFirestore(firebaseApp());
  if (useEmulators) connectFirestoreEmulator(firestore, emulatorHost(), EMULATOR_PORTS.firestore);
  return firestore;
});

export const auth = once<Auth>(async () => {
  const {
    initializeAuth,
    indexedDBLocalPersistence,
    browserLocalPersistence,
    browserSessionPersistence,
    connectAuthEmulator,
  } = await import('firebase/auth');
  // initializeAuth without a popup/redirect resolver: we only sign in with email and password.
  const instance = initializeAuth(firebaseApp(), {
    persistence: [indexedDBLocalPersistence, browserLocalPersistence, browserSessionPersistence],
  });
  instance.languageCode = 'de';
  if (useEmulators) {
    connectAuthEmulator(instance, `http://${emulatorHost()}:${EMULATOR_PORTS.auth}`, {
      disableWarnings: true,
    });
  }
  return instance;
});

export const functions = once<Functions>(async () => {
  const { getFunctions, connectFunctionsEmulator } = await import('firebase/functions');
  const instance = getFunctions(firebaseApp(), REGION);
  if (useEmulators) connectFunctionsEmulator(instance, emulatorHost(), EMULATOR_PORTS.functions);
  return instance;
});
