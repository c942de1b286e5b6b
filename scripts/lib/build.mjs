// Builds what `npm start` and `npm test` serve: the bundled functions and the static web app.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './emulator-env.mjs';
import { run } from './processes.mjs';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.svelte-kit')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Rebuilds the web app only when its sources (or the model) changed since the last build. */
export function webIsStale() {
  const marker = join(root, 'web', 'build', 'index.html');
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  const sources = [
    join(root, 'web', 'src'),
    join(root, 'model', 'src'),
    join(root, 'web', 'static'),
  ];
  return sources.some((dir) => existsSync(dir) && newestMtime(dir) > built);
}

export async function buildAll({ force = false } = {}) {
  await run('npm', ['run', '--silent', 'build', '-w', 'functions']);
  if (force || webIsStale()) {
    console.log('Baue die Web-App …');
    await run('npm', ['run', '--silent', 'build', '-w', 'web']);
  }
}
