// `npm run typecheck`, second half: the bench files that import the bench package's modules
// (Hocuspocus), which the root tsconfig leaves out. They are checked when bench/node_modules exists
// (the first `npm run bench` installs it); a root-only install has nothing to check them against.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (!fs.existsSync(path.join(root, 'bench', 'node_modules', '@hocuspocus'))) {
  console.log('typecheck: bench/ package not installed; its Hocuspocus files were not checked');
  process.exit(0);
}
const r = spawnSync('npx', ['tsc', '--noEmit', '-p', 'bench'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
