import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import { REGION } from '@knotenpunkt/model';
import { AUTH_HOST, FUNCTIONS_HOST, PROJECT_ID } from './env.ts';

let counter = 0;

/** A browser-like client (the official JS SDK) signed in as the given user, or anonymous. */
export async function clientAs(credentials?: { email: string; password: string }) {
  const app: FirebaseApp = initializeApp(
    { projectId: PROJECT_ID, apiKey: 'demo-api-key' },
    `client-${++counter}`,
  );
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${AUTH_HOST}`, { disableWarnings: true });
  const functions = getFunctions(app, REGION);
  const [host, port] = FUNCTIONS_HOST.split(':');
  connectFunctionsEmulator(functions, host!, Number(port));
  if (credentials) await signInWithEmailAndPassword(auth, credentials.email, credentials.password);
  return {
    app,
    auth,
    call: <T = unknown>(name: string, data: unknown) =>
      httpsCallable<unknown, T>(functions, name)(data),
    close: () => deleteApp(app),
  };
}
