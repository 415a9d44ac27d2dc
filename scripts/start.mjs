// `npm start`: build the app if the build is missing or older than the sources, then run the
// production server (one process, one port; SQLite in ./data unless DATABASE_URL is set).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'dist', 'server.mjs');
const sources = [
  'app',
  'components',
  'lib',
  'server',
  'next.config.js',
  'package.json',
  'postcss.config.mjs',
  'tsconfig.json',
];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(out);
const stale = built && Math.max(...sources.map((s) => newest(path.join(root, s)))) > fs.statSync(out).mtimeMs;
if (!built || stale || process.env.FORCE_BUILD === '1') {
  console.log(
    built ? 'Sources changed since the last build; rebuilding…' : 'No production build yet; building…',
  );
  const r = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
process.env.NODE_ENV = 'production';
process.chdir(root);
await import(pathToFileURL(out).href);
