// Prepares the environment for the Firebase Emulator Suite on machines without internet:
// reuse Google's preinstalled Firestore/Pub/Sub emulators instead of letting firebase-tools
// download them. Idempotent; used by `npm start`, `npm test` and the benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLauncherJar } from './launcher-jar.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dataDir = join(root, '.data');
export const projectId = 'demo-knotenpunkt';

const gcloudPlatform = '/usr/lib/google-cloud-sdk/platform';
const firestoreJarCandidates = [
  process.env.FIRESTORE_EMULATOR_JAR,
  join(gcloudPlatform, 'cloud-firestore-emulator/cloud-firestore-emulator.jar'),
  '/usr/share/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar',
];
const pubsubCandidates = [
  process.env.PUBSUB_EMULATOR_BIN,
  join(gcloudPlatform, 'pubsub-emulator/bin/cloud-pubsub-emulator'),
];
const firestoreMainClass = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

export class SetupError extends Error {}

function javaVersion() {
  // `java -version` prints to stderr.
  const run = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  return `${run.stderr}${run.stdout}`.trim() || null;
}

/** Returns the environment variables the emulators need and prints which Firestore emulator runs. */
export function emulatorEnv({ quiet = false } = {}) {
  const java = javaVersion();
  if (!java) {
    throw new SetupError(
      'Java fehlt: Die Firestore-Emulatoren brauchen Java 17 oder neuer. ' +
        'Installieren Sie es z. B. mit `sudo apt-get install openjdk-17-jre-headless`. ' +
        '(Java is missing: install a JRE ≥ 17, e.g. `apt-get install openjdk-17-jre-headless`.)',
    );
  }
  const emulatorsDir = join(dataDir, 'emulators');
  mkdirSync(emulatorsDir, { recursive: true });
  const env = {
    // Keep firebase-tools' cache inside the repo's ignored folder, not in ~/.cache.
    FIREBASE_EMULATORS_PATH: join(emulatorsDir, 'cache'),
    GCLOUD_PROJECT: projectId,
  };

  const googleJar = firestoreJarCandidates.find((p) => p && existsSync(p));
  let line;
  if (googleJar) {
    // Google's jar has no Main-Class and firebase-tools runs `java -jar`: a launcher jar whose
    // manifest names the main class and puts Google's jar on the class path bridges the two.
    const launcher = join(emulatorsDir, 'firestore-launcher.jar');
    writeLauncherJar(launcher, { mainClass: firestoreMainClass, classPath: googleJar });
    env.FIRESTORE_EMULATOR_BINARY_PATH = launcher;
    line = `Firestore-Emulator: ${googleJar} (über ${launcher})`;
  } else {
    line = 'Firestore-Emulator: kein lokales Google-JAR gefunden, firebase-tools lädt sein eigenes';
  }
  const pubsub = pubsubCandidates.find((p) => p && existsSync(p));
  if (pubsub) env.PUBSUB_EMULATOR_BINARY_PATH = pubsub;

  ensureLocalSecrets();
  if (!quiet) console.log(line);
  return env;
}

// The functions emulator reads secrets from functions/.secret.local; without it, it would ask
// Google's Secret Manager. Locally, mail goes to maildev on 127.0.0.1 only.
function ensureLocalSecrets() {
  const file = join(root, 'functions', '.secret.local');
  const wanted = 'SMTP_URL=smtp://127.0.0.1:1025\n';
  if (!existsSync(file) || !readFileSync(file, 'utf8').includes('SMTP_URL=')) {
    writeFileSync(file, wanted);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const env = emulatorEnv();
    for (const [k, v] of Object.entries(env)) console.log(`export ${k}=${JSON.stringify(v)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
