// Start-up figures: how long until `npm start` is ready (first start with seeding, second start
// with import), compared with a bare `firebase emulators:exec` of the same emulators; and the
// wall time of `npm test` (skipped with --quick).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv, projectId, root } from '../scripts/lib/emulator-env.mjs';
import { bin } from '../scripts/lib/processes.mjs';
import { requireFreePorts } from './support.mjs';

const quick = process.argv.includes('--quick');

await requireFreePorts();
const env = { ...process.env, ...emulatorEnv({ quiet: true }) };

/** Seconds from spawn until `emulators:exec` runs its script. */
function bareExec() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ready = 0;
    const child = spawn(
      bin('firebase'),
      [
        'emulators:exec',
        '--project',
        projectId,
        '--only',
        'auth,firestore,functions,hosting',
        'echo KP_READY',
      ],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (d) => {
      if (!ready && d.toString().includes('KP_READY')) ready = (performance.now() - t0) / 1000;
    });
    child.on('exit', (code) =>
      code === 0 && ready ? resolve(ready) : reject(new Error(`exec: ${code}`)),
    );
  });
}

/** Seconds from `npm start` until it prints its ready block; then Ctrl-C and wait for the exit. */
function npmStart(snapshotDir) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ready = 0;
    const child = spawn('node', ['scripts/start.mjs'], {
      cwd: root,
      env: { ...process.env, KP_SNAPSHOT_DIR: snapshotDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => {
      if (!ready && d.toString().includes('Knotenpunkt läuft')) {
        ready = (performance.now() - t0) / 1000;
        child.kill('SIGINT');
      }
    });
    child.on('exit', () =>
      ready ? resolve(ready) : reject(new Error('npm start wurde nicht bereit')),
    );
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'kp-bench-'));
try {
  const bare = await bareExec();
  const first = await npmStart(join(scratch, 'data'));
  const second = await npmStart(join(scratch, 'data'));
  console.log(
    `bare emulators:exec (auth, firestore, functions, hosting) bis Skript: ${bare.toFixed(1)} s`,
  );
  console.log(
    `npm start, erster Start (mit Demo-Datensatz):  ${first.toFixed(1)} s  = ${(first / bare).toFixed(2)} × bare`,
  );
  console.log(
    `npm start, zweiter Start (Import):             ${second.toFixed(1)} s  = ${(second / bare).toFixed(2)} × bare`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (!quick) {
  const t0 = performance.now();
  const test = spawn('npm', ['test'], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
  const code = await new Promise((r) => test.on('exit', r));
  console.log(
    `npm test Wanduhrzeit: ${((performance.now() - t0) / 1000).toFixed(0)} s (Exit-Code ${code})`,
  );
}
