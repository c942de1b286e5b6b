// `npm run admin -- <command>`: platform administration from the command line.
//   grant-admin <email>    make a user a platform admin (creates the account if needed)
//   revoke-admin <email>   take admin rights away
// Against the local emulators by default; with `--project <id>` against a real Firebase project
// using Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS or `gcloud auth`).
import { parseArgs } from 'node:util';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { grantAdmin, revokeAdmin } from '../functions/src/networks/admins.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { project: { type: 'string' } },
});
const [command, email] = positionals;
const usage = 'Aufruf: npm run admin -- grant-admin|revoke-admin <email> [--project <projekt-id>]';

if (!command || !email || !['grant-admin', 'revoke-admin'].includes(command)) {
  console.error(usage);
  process.exit(2);
}

const projectId = values.project ?? 'demo-knotenpunkt';
if (!values.project) {
  process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  process.env.FIREBASE_AUTH_EMULATOR_HOST ??= '127.0.0.1:9099';
  const up = await fetch(`http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/`).then(
    () => true,
    () => false,
  );
  if (!up) {
    console.error(
      'Die Emulatoren laufen nicht. Starten Sie zuerst `npm start` (oder nutzen Sie --project).',
    );
    process.exit(1);
  }
}

const app = initializeApp({ projectId });
const db = getFirestore(app);
const auth = getAuth(app);
try {
  if (command === 'grant-admin') {
    const { uid, created } = await grantAdmin(db, auth, email);
    console.log(`${email} ist jetzt Administrator/in (uid ${uid}).`);
    if (created) {
      const link = await auth.generatePasswordResetLink(email);
      console.log(`Das Konto wurde neu angelegt. Passwort festlegen: ${link}`);
    }
  } else {
    const { uid } = await revokeAdmin(db, auth, email);
    console.log(`${email} ist nicht mehr Administrator/in (uid ${uid}).`);
  }
} catch (error) {
  console.error(`Fehler: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
