import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { benchModules } from './bench-deps';
import { sleep } from './stats';

export type Kind = 'ours' | 'reference' | 'hocuspocus';
export const KINDS: Kind[] = ['ours', 'reference', 'hocuspocus'];

export interface Board {
  room: string;
  /** our server's team key; the others have no access control */
  key?: string;
}

/** One server under test, in its own child process on its own port. */
export interface Target {
  kind: Kind;
  port: number;
  pid: number;
  /** base URL a y-websocket provider appends the room name to */
  wsBase: string;
  newBoard(title?: string): Promise<Board>;
  /** SIGKILL and start again on the same port and data */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const root = path.resolve(__dirname, '..', '..');

/** Environment overrides our server runs with in the bench (recorded in the output). */
export const OUR_OVERRIDES: Record<string, string> = {
  // the bench creates up to ~1,100 boards from one address in a few seconds
  BOARD_CREATE_BURST: '5000',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, proc: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(25);
  }
  throw new Error(`server on port ${port} did not start`);
}

function kill(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    const force = setTimeout(() => proc.kill('SIGKILL'), 5000);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    proc.kill(signal);
  });
}

interface Spec {
  args: string[];
  env: Record<string, string>;
}

/**
 * `fromSource` runs our server from TypeScript without Next (the test suite's entry): the same sync
 * code, for the smoke test, which must not depend on a production build.
 */
function specFor(
  kind: Kind,
  port: number,
  dataDir: string,
  extraEnv: Record<string, string>,
  fromSource: boolean,
): Spec {
  const base = { PORT: String(port), HOST: '127.0.0.1' };
  if (kind === 'ours') {
    return {
      args: fromSource
        ? ['--import', 'tsx', path.join(root, 'tests', 'helpers', 'server-main.ts')]
        : [path.join(root, 'dist', 'server.mjs')],
      env: {
        ...base,
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...OUR_OVERRIDES,
        ...extraEnv,
      },
    };
  }
  if (kind === 'reference') {
    return { args: [path.join(benchModules, 'y-websocket-v1', 'bin', 'server.js')], env: base };
  }
  return {
    args: ['--import', 'tsx', path.join(root, 'bench', 'servers', 'hocuspocus.ts')],
    env: { ...base, HOCUSPOCUS_DB: path.join(dataDir, 'hocuspocus.sqlite') },
  };
}

let seq = 0;

export async function startTarget(
  kind: Kind,
  extraEnv: Record<string, string> = {},
  fromSource = false,
): Promise<Target> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${kind}-`));
  const spec = specFor(kind, port, dataDir, extraEnv, fromSource);
  const launch = async () => {
    // BENCH_CPU_PROF=<dir>: profile our server (node --cpu-prof) to find what a missed target costs.
    const prof =
      kind === 'ours' && process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : [];
    const proc = spawn(process.execPath, [...prof, ...spec.args], {
      cwd: root,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForPort(port, proc);
    return proc;
  };
  let proc = await launch();
  const wsBase = kind === 'ours' ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`;
  const target: Target = {
    kind,
    port,
    pid: proc.pid!,
    wsBase,
    async newBoard(title = 'Bench board') {
      if (kind !== 'ours') return { room: `bench-${process.pid}-${++seq}` };
      const res = await fetch(`http://127.0.0.1:${port}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { id: string; links: { team: string } };
      return { room: body.id, key: new URL(body.links.team).hash.replace(/^#k=/, '') };
    },
    async restart() {
      await kill(proc, 'SIGKILL');
      proc = await launch();
      target.pid = proc.pid!;
    },
    async stop() {
      await kill(proc, 'SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return target;
}
