// `npm test`: types, lint, unit tests, then one `firebase emulators:exec` running the rules,
// functions and end-to-end suites. Runs every stage, exits non-zero if any failed, and ends with
// the line `N passed, N failed`.
import { closeSync, mkdirSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError, dataDir, emulatorEnv, projectId } from './lib/emulator-env.mjs';
import { buildAll } from './lib/build.mjs';
import {
  bin,
  maildevReady,
  portInUse,
  ports,
  run,
  startMaildev,
  waitFor,
} from './lib/processes.mjs';
import { playwrightCounts, vitestCounts } from './lib/results.mjs';

const reports = join(dataDir, 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** Shows what the suites write to `path` while they run; returns a function that flushes and stops. */
function tail(path) {
  writeFileSync(path, '');
  let offset = 0;
  const flush = () => {
    const size = statSync(path).size;
    if (size <= offset) return;
    const buf = Buffer.alloc(size - offset);
    const fd = openSync(path, 'r');
    readSync(fd, buf, 0, buf.length, offset);
    closeSync(fd);
    offset = size;
    process.stdout.write(buf);
  };
  const timer = setInterval(flush, 300);
  return () => {
    clearInterval(timer);
    flush();
  };
}

const stages = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
const t0 = Date.now();

function record(name, ok, counts) {
  const c = counts ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  // A stage that failed without a test failing (a crash, a compile error) still counts once.
  if (!ok && c.failed === 0) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  stages.push({ name, ok, ...c });
}

async function stage(name, fn, countsOf) {
  console.log(`\n━━ ${name}`);
  const started = Date.now();
  let ok = true;
  try {
    await fn();
  } catch (error) {
    ok = false;
    console.error(`✖ ${name}: ${error instanceof Error ? error.message : error}`);
  }
  record(name, ok, countsOf?.());
  console.log(`   ${ok ? '✔' : '✖'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

let env;
try {
  env = emulatorEnv();
} catch (error) {
  console.error(error instanceof SetupError ? error.message : error);
  process.exit(1);
}

// `npm test -- --integration` skips the static checks and unit tests (for quick iterations).
const integrationOnly = process.argv.includes('--integration');
if (!integrationOnly) {
  await stage('Typen (tsc, svelte-check)', () => run('npm', ['run', '--silent', 'typecheck']));
  await stage('Lint (ESLint, Prettier)', () => run('npm', ['run', '--silent', 'lint']));
  await stage(
    'Unit-Tests (vitest)',
    () =>
      run(bin('vitest'), [
        'run',
        '--project',
        'model',
        '--project',
        'functions',
        '--project',
        'web',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${join(reports, 'unit.json')}`,
      ]),
    () => vitestCounts(join(reports, 'unit.json')),
  );
}
const built = await stage('Build (Functions, Web)', () => buildAll());

if (built) {
  const busy = [];
  for (const [name, port] of Object.entries(ports))
    if (await portInUse(port)) busy.push(`${name} ${port}`);
  if (busy.length > 0) {
    console.error(
      `\n✖ Ports belegt (${busy.join(', ')}): läuft \`npm start\` noch? Bitte dort beenden.`,
    );
    record('Integration (Emulatoren)', false);
  } else {
    const maildev = startMaildev(join(dataDir, 'test-mail'));
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    const emulatorLogPath = join(dataDir, 'logs', 'test-emulators.log');
    const emulatorLog = openSync(emulatorLogPath, 'w');
    const outputPath = join(reports, 'integration.log');
    const stopTail = tail(outputPath);
    try {
      await waitFor('maildev', maildevReady, { timeoutMs: 30_000 });
      await stage(
        'Integration (Regeln, Functions, Ende-zu-Ende)',
        () =>
          run(
            bin('firebase'),
            [
              'emulators:exec',
              '--project',
              projectId,
              '--only',
              'auth,firestore,functions,hosting,tasks',
              `node scripts/lib/integration.mjs`,
            ],
            {
              env: { ...process.env, ...env, KP_REPORTS_DIR: reports, KP_OUTPUT: outputPath },
              // The emulators' own chatter goes to a file; the suites print to the terminal.
              stdio: ['ignore', emulatorLog, emulatorLog],
            },
          ).catch((error) => {
            console.error(`Protokoll der Emulatoren: ${emulatorLogPath}`);
            throw error;
          }),
        () => {
          const parts = [
            vitestCounts(join(reports, 'integration.json')),
            playwrightCounts(join(reports, 'e2e.json')),
          ];
          if (parts.every((p) => p === null)) return null;
          return parts.reduce(
            (sum, p) => ({
              passed: sum.passed + (p?.passed ?? 0),
              failed: sum.failed + (p?.failed ?? 0),
              skipped: sum.skipped + (p?.skipped ?? 0),
            }),
            { passed: 0, failed: 0, skipped: 0 },
          );
        },
      );
    } finally {
      stopTail();
      maildev.kill('SIGTERM');
    }
  }
}

console.log('\n━━ Zusammenfassung');
for (const s of stages) {
  console.log(
    `${s.ok ? '✔' : '✖'} ${s.name}: ${s.passed} bestanden, ${s.failed} fehlgeschlagen${s.skipped ? `, ${s.skipped} übersprungen` : ''}`,
  );
}
console.log(`Dauer: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
// Skipped tests are reported, never counted as passed.
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed > 0 || stages.some((s) => !s.ok) ? 1 : 0);
