// Runs inside `firebase emulators:exec`: the integration suites against the running emulators.
// Each suite writes a JSON report that scripts/test.mjs adds up; the exit code is non-zero if
// any suite failed.
import { join } from 'node:path';
import { root } from './emulator-env.mjs';
import { adminEmulatorEnv, bin, run } from './processes.mjs';

const reports = process.env.KP_REPORTS_DIR;
const env = { ...process.env, ...adminEmulatorEnv };
let failed = false;

async function suite(name, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${name}`);
  try {
    await run(cmd, args, { env: { ...env, ...extraEnv } });
  } catch {
    failed = true;
  }
}

await suite('Regeln und Functions (Emulatoren)', bin('vitest'), [
  'run',
  '--project',
  'rules',
  '--project',
  'integration',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(reports, 'integration.json')}`,
]);
await suite(
  'Ende-zu-Ende (Chromium)',
  bin('playwright'),
  ['test', '--config', join(root, 'tests', 'e2e', 'playwright.config.ts')],
  { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json') },
);
process.exit(failed ? 1 : 0);
