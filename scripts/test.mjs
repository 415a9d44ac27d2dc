// `npm test`: typecheck, lint, Vitest, then the browser end-to-end suite, stopping at the first
// failure, with each step's wall time at the end (CI's log shows where its minutes go).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const steps = [
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  ['vitest', 'npx', ['vitest', 'run']],
  ['e2e (build + Playwright)', 'node', ['scripts/e2e.mjs']],
];
const took = [];
let code = 0;
for (const [name, cmd, args] of steps) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  took.push(`${name} ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) {
    code = r.status ?? 1;
    took.push(`${name} FAILED (exit ${r.status ?? r.signal})`);
    break;
  }
}
console.log(`\ntest: ${took.join(' · ')}`);
process.exit(code);
