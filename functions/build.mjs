// Bundles the functions with the shared model inlined, so the deployed package needs only the
// npm dependencies listed in functions/package.json (workspace packages can't be deployed).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'lib/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  packages: 'external',
  // ...except our own workspace package, which is bundled in.
  plugins: [
    {
      name: 'inline-model',
      setup(b) {
        b.onResolve({ filter: /^@knotenpunkt\/model$/ }, () => ({
          path: new URL('../model/src/index.ts', import.meta.url).pathname,
        }));
      },
    },
  ],
  logLevel: 'warning',
});
