// Runs inside `firebase emulators:exec`: the integration suites against the running emulators.
// Each suite writes a JSON report that scripts/test.mjs adds up; the exit code is non-zero if
// any suite failed.
import { openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './emulator-env.mjs';
import { adminEmulatorEnv, bin, run } from './processes.mjs';

// Optional narrowing for quick runs: KP_SUITES=rules,functions,e2e and KP_FILTER (a vitest file
// filter or a Playwright --grep pattern).
const suites = (process.env.KP_SUITES ?? 'rules,functions,e2e').split(',');
const filter = process.env.KP_FILTER ? [process.env.KP_FILTER] : [];

const reports = process.env.KP_REPORTS_DIR;
const env = { ...process.env, ...adminEmulatorEnv, FORCE_COLOR: '1' };
let failed = false;
// Our stdout is the emulators' log file (emulators:exec shares its stdio); the suites write to
// KP_OUTPUT, which scripts/test.mjs shows live.
const out = process.env.KP_OUTPUT ? openSync(process.env.KP_OUTPUT, 'a') : 'inherit';

async function suite(name, cmd, args, extraEnv = {}) {
  if (out !== 'inherit') writeSync(out, `\n▶ ${name}\n`);
  try {
    await run(cmd, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', out, out] });
  } catch {
    failed = true;
  }
}

const projects = [
  ...(suites.includes('rules') ? ['--project', 'rules'] : []),
  ...(suites.includes('functions') ? ['--project', 'integration'] : []),
];
if (projects.length > 0) {
  await suite('Regeln und Functions (Emulatoren)', bin('vitest'), [
    'run',
    ...projects,
    ...filter,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(reports, 'integration.json')}`,
  ]);
}
if (suites.includes('e2e')) {
  await suite(
    'Ende-zu-Ende (Chromium)',
    bin('playwright'),
    [
      'test',
      '--config',
      join(root, 'tests', 'e2e', 'playwright.config.ts'),
      ...(filter.length ? ['--grep', filter[0]] : []),
    ],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json') },
  );
}
process.exit(failed ? 1 : 0);
