// The bench package (bench/package.json): the comparison servers and Hocuspocus's client, kept out
// of the root install (sqlite3, which Hocuspocus's SQLite extension needs, compiles for minutes).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const benchDir = path.resolve(__dirname, '..');
export const benchModules = path.join(benchDir, 'node_modules');

interface Lock {
  packages: Record<string, { version?: string; optional?: boolean }>;
}
const readLock = (file: string): Lock | null => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Lock;
  } catch {
    return null;
  }
};

/**
 * True when bench/node_modules holds what bench/package-lock.json pins: every required package at its
 * locked version in npm's own record of the install (node_modules/.package-lock.json).
 */
export function benchDepsInstalled(): boolean {
  const want = readLock(path.join(benchDir, 'package-lock.json'));
  const have = readLock(path.join(benchModules, '.package-lock.json'));
  if (!want || !have) return false;
  return Object.entries(want.packages).every(
    ([p, v]) => p === '' || v.optional || have.packages[p]?.version === v.version,
  );
}

/** Installs the bench package from its lockfile (`npm ci` in bench/) unless it is already there. */
export function ensureBenchDeps(): void {
  if (benchDepsInstalled()) return;
  console.error('bench: installing the comparison servers (once): npm ci in bench/');
  const r = spawnSync('npm', ['ci', '--no-fund', '--no-audit'], {
    cwd: benchDir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    throw new Error(
      'installing bench/ failed (sqlite3 builds from source when no prebuilt binary downloads: it ' +
        'needs python3, make and a C++ compiler). BENCH_SERVERS=ours runs without it.',
    );
  }
}
