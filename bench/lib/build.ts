import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './servers';

export const BUILD_LOCK = '/tmp/shellboard-build.lock';

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

function run(args: string[]): void {
  console.error(`bench: ${args.join(' ')}`);
  const r = spawnSync('flock', [BUILD_LOCK, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
}

/**
 * The production build, through the shared build lock: the whole build when it is missing, or when
 * `client` (the browser scenario runs) and `app/`, `components/` or `lib/` changed since `.next` was
 * built; otherwise only the server bundle (esbuild, seconds) when `server/` or `lib/` changed.
 */
export function ensureBuild({ client = false } = {}): void {
  const out = path.join(root, 'dist', 'server.mjs');
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(out) || !fs.existsSync(buildId)) {
    run(['npm', 'run', 'build']);
    return;
  }
  const ui = ['app', 'components', 'lib'].map((d) => newest(path.join(root, d)));
  if (client && Math.max(...ui) > fs.statSync(buildId).mtimeMs) {
    run(['npm', 'run', 'build']);
    return;
  }
  const built = fs.statSync(out).mtimeMs;
  if (Math.max(newest(path.join(root, 'server')), newest(path.join(root, 'lib'))) > built) {
    run(['node', 'scripts/build-server.mjs']);
  }
}
