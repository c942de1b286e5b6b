// `npm start`: builds, starts maildev and the Firebase emulators with persistent data, seeds the
// demo network on first start, runs scheduled functions on a timer, and prints where to go.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError, dataDir, emulatorEnv, projectId, root } from './lib/emulator-env.mjs';
import { buildAll } from './lib/build.mjs';
import {
  adminEmulatorEnv,
  bin,
  maildevReady,
  portInUse,
  ports,
  run,
  startMaildev,
  waitFor,
} from './lib/processes.mjs';
import { exportSnapshot, importDir, snapshotDir } from './lib/snapshots.mjs';
import { DEMO_LOGINS } from './seed/logins.mjs';

const EXPORT_EVERY_MS = 60_000;
const startedAt = Date.now();
const children = new Set();
let stopping = false;

function fatal(message) {
  console.error(`\n✖ ${message}`);
  shutdown(1);
}

async function main() {
  let env;
  try {
    env = emulatorEnv();
  } catch (error) {
    if (error instanceof SetupError) return fatal(error.message);
    throw error;
  }
  for (const [name, port] of Object.entries(ports)) {
    if (await portInUse(port)) {
      return fatal(
        `Port ${port} (${name}) ist belegt. Läuft Knotenpunkt schon in einem anderen Terminal? ` +
          'Beenden Sie es dort mit Strg+C.',
      );
    }
  }
  await buildAll();

  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const maildev = startMaildev(join(dataDir, 'mail'));
  children.add(maildev);

  const from = importDir();
  const args = [
    'emulators:start',
    '--project',
    projectId,
    '--only',
    'auth,firestore,functions,hosting,tasks',
    '--export-on-exit',
    snapshotDir,
    ...(from ? ['--import', from] : []),
  ];
  const logFile = join(dataDir, 'logs', 'emulators.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  console.log(`Starte die Emulatoren (Protokoll: ${logFile}) …`);
  const firebase = spawn(bin('firebase'), args, {
    cwd: root,
    env: { ...process.env, ...env },
    // Own process group, so Ctrl-C reaches it only through us and we can wait for its export.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(firebase);
  firebase.stdout.pipe(log);
  firebase.stderr.pipe(log);
  firebase.on('exit', (code) => {
    children.delete(firebase);
    if (!stopping) fatal(`Die Emulatoren sind unerwartet beendet (Code ${code}). Siehe ${logFile}`);
    else finish();
  });

  await waitFor('maildev', maildevReady);
  await waitFor(
    'die Emulatoren',
    async () => {
      const res = await fetch(`http://127.0.0.1:${ports.hosting}/api/health`, { method: 'POST' });
      return res.ok;
    },
    { timeoutMs: 180_000 },
  );

  const adminEnv = { ...process.env, ...adminEmulatorEnv };
  await run(bin('tsx'), ['scripts/seed.ts', '--if-empty'], { env: adminEnv });

  const scheduler = spawn(bin('tsx'), ['scripts/dev-scheduler.ts'], {
    cwd: root,
    env: adminEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(scheduler);

  const timer = setInterval(() => {
    exportSnapshot().catch((error) => console.error(`Sicherung fehlgeschlagen: ${error.message}`));
  }, EXPORT_EVERY_MS);
  timer.unref();

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const logins = DEMO_LOGINS.map((l) => `  ${l.role.padEnd(14)} ${l.email} / ${l.password}`).join(
    '\n',
  );
  console.log(`
────────────────────────────────────────────────────────────
 Knotenpunkt läuft (bereit nach ${seconds} s)

  App:          http://127.0.0.1:${ports.hosting}
  Mail-Eingang: http://127.0.0.1:${ports.inbox}

 Anmeldung (http://127.0.0.1:${ports.hosting}/anmelden):
${logins}

 Daten bleiben in .data/ erhalten. Beenden mit Strg+C.
────────────────────────────────────────────────────────────`);
}

let exitCode = 0;
function finish() {
  for (const child of children) child.kill('SIGTERM');
  process.exit(exitCode);
}

function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  const firebase = [...children].find((c) => c.spawnargs.some((a) => a === 'emulators:start'));
  for (const child of children) if (child !== firebase) child.kill('SIGTERM');
  if (firebase && firebase.exitCode === null) {
    console.log('\nSichere die Daten und beende die Emulatoren …');
    firebase.kill('SIGINT');
  } else {
    finish();
  }
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
main().catch((error) => fatal(error instanceof Error ? error.message : String(error)));
