// `npm run seed` (or `npm start` on first start): writes the demo region into the emulators.
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { seedDemo } from './seed/seedDemo.ts';

if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
  console.error(
    'Der Demo-Datensatz wird nur in die Emulatoren geschrieben (FIRESTORE_EMULATOR_HOST fehlt).',
  );
  process.exit(1);
}
const app = initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-knotenpunkt' });
const result = await seedDemo({
  db: getFirestore(app),
  auth: getAuth(app),
  ifEmpty: process.argv.includes('--if-empty'),
});
console.log(
  result.seeded ? 'Demo-Netzwerk angelegt.' : 'Daten vorhanden – kein neuer Demo-Datensatz.',
);
