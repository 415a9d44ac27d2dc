// Bundles server/index.ts (and the lib/ code it uses) into dist/server.mjs, and the compaction
// worker (server/sync/fold-worker.ts) beside it as dist/fold-worker.mjs, where server/sync/folder.ts
// looks for it; node_modules stay external.
import { build } from 'esbuild';

await build({
  entryPoints: { server: 'server/index.ts', 'fold-worker': 'server/sync/fold-worker.ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built dist/server.mjs and dist/fold-worker.mjs');
