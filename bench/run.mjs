// `npm run bench`: runs every benchmark in bench/ (files *.bench.mjs) one after another; each
// prints its figures. Pass `--quick` to skip the slow ones (they check process.argv themselves).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n━━ ${file}`);
  const run = spawnSync(process.execPath, [join(here, file), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
