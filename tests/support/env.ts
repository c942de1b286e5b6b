// Where the emulators and the mail catcher listen during `npm test` (see scripts/lib/processes.mjs).
export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? 'demo-knotenpunkt';
export const FIRESTORE_HOST = process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080';
export const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? '127.0.0.1:9099';
export const APP_URL = process.env.APP_URL ?? 'http://127.0.0.1:5000';
export const MAILDEV_API = process.env.MAILDEV_API ?? 'http://127.0.0.1:1080';
export const FUNCTIONS_HOST = '127.0.0.1:5001';
