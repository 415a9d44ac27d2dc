// Bundles server/index.ts (and the lib/ code it uses) into dist/server.mjs; node_modules stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile: 'dist/server.mjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built dist/server.mjs');
