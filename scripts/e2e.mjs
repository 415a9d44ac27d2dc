// Browser end-to-end tests: find (or install) Chromium, build once, start the production server
// on a free port with a fresh data dir, run Playwright against it, stop the server.
// Extra arguments go to `playwright test` (e.g. `node scripts/e2e.mjs e2e/xss.spec.ts`).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const log = (msg) => console.log(`[e2e] ${msg}`);

function playwrightChromium() {
  for (const mod of ['playwright-core', '@playwright/test']) {
    try {
      const p = require(mod).chromium.executablePath();
      if (p && fs.existsSync(p)) return p;
    } catch {
      // module missing or no browser registered: try the next
    }
  }
  return null;
}

function findBrowser() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return playwrightChromium();
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts }).status === 0;
}

function installBrowser() {
  const debianRoot = fs.existsSync('/etc/debian_version') && process.getuid?.() === 0;
  if (debianRoot) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['install', '-y', 'chromium'], { env })) return;
    if (run('apt-get', ['update'], { env }) && run('apt-get', ['install', '-y', 'chromium'], { env })) return;
  } else {
    run('npx', ['playwright', 'install', 'chromium']);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited early with code ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${base}/api/health within ${timeoutMs / 1000} s`);
}

// 1. A browser, never silently skipped.
let browser = findBrowser();
if (!browser) {
  log('No Chromium found; installing one…');
  installBrowser();
  browser = findBrowser();
}
if (!browser) {
  console.error(
    '[e2e] No Chromium available. Install it and rerun:\n' +
      '  as root on Debian/Ubuntu:  apt-get update && apt-get install -y chromium\n' +
      '  elsewhere:                 npx playwright install chromium\n' +
      '  or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
  );
  process.exit(1);
}
log(`browser: ${browser}`);

// 2. One production build per run.
if (process.env.E2E_SKIP_BUILD === '1') log('E2E_SKIP_BUILD=1: using the existing build');
else if (!run('npm', ['run', 'build'])) process.exit(1);
if (!fs.existsSync(path.join(root, 'dist', 'server.mjs'))) {
  console.error('[e2e] dist/server.mjs is missing; run `npm run build` first.');
  process.exit(1);
}

// 3. The real server, on a free port, with a throwaway data dir.
const port = await freePort();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shellboard-e2e-'));
const base = `http://127.0.0.1:${port}`;
// No PUBLIC_URL or DATABASE_URL/REDIS_URL from the caller's shell: links must point at this server,
// and the run must be self-contained (SQLite in the temp dir, one instance).
const serverEnv = { ...process.env };
for (const k of ['PUBLIC_URL', 'DATABASE_URL', 'REDIS_URL']) delete serverEnv[k];
// The tracker journey (e2e/tracker.spec.ts) pushes to a local Redmine: let the server reach it.
if (process.env.TEST_REDMINE_URL) {
  const host = new URL(process.env.TEST_REDMINE_URL).hostname;
  serverEnv.TRACKER_ALLOW_HOSTS = [process.env.TRACKER_ALLOW_HOSTS, host].filter(Boolean).join(',');
}
const server = spawn(process.execPath, ['dist/server.mjs'], {
  cwd: root,
  env: {
    ...serverEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', stopServer);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

let code;
try {
  await waitForHealth(base, server, 60_000);
  log(`server ready at ${base} (data in ${dataDir})`);
  // 4. Playwright, forwarding extra arguments.
  const pw = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: base, CHROMIUM_PATH: browser },
  });
  code = await new Promise((resolve) => pw.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
} catch (err) {
  console.error(`[e2e] ${err instanceof Error ? err.message : err}`);
  code = 1;
} finally {
  // 5. Stop the server and clean up its data.
  stopServer();
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
