// `npm run bench`: our server, the y-websocket reference server and Hocuspocus side by side, each in
// its own child process, driven by real clients from this process. BENCH_QUICK=1 scales down.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILD_LOCK, ensureBuild } from './lib/build';
import { machineInfo } from './lib/machine';
import { renderMarkdown, type Results } from './lib/report';
import { KINDS, OUR_OVERRIDES, root, startTarget, type Kind, type Target } from './lib/servers';
import { judgeTargets } from './lib/targets';
import { ownVersion, versionOf } from './lib/versions';
import { coldLoad } from './scenarios/cold-load';
import { manyBoards } from './scenarios/many-boards';
import { memoryPerRoom } from './scenarios/memory';
import { pageWeight } from './scenarios/page-weight';
import { propagation } from './scenarios/propagation';
import { reconnectStorm } from './scenarios/storm';

// Every y-websocket provider adds a process 'exit' listener; a thousand of them are expected here.
process.setMaxListeners(0);
const quick = process.env.BENCH_QUICK === '1';
// BENCH_OURS=source: our server from TypeScript without Next (when no production build can be made).
const fromSource = process.env.BENCH_OURS === 'source';
// BENCH_ONLY=propagation,storm runs a subset (development); the written results say which ran.
const only = process.env.BENCH_ONLY?.split(',');
const runs = (name: string) => !only || only.includes(name);
// BENCH_SERVERS=ours,reference limits the servers (development).
const kinds = KINDS.filter(
  (k) => !process.env.BENCH_SERVERS || process.env.BENCH_SERVERS.split(',').includes(k),
);
const plan = quick
  ? {
      propagation: { ns: [10, 50], writers: 5, rate: 4, warmupMs: 500, durationMs: 1500 },
      many: { boards: 10, clientsPerBoard: 5, keysPerSec: 5, warmupMs: 500, durationMs: 1500 },
      cold: { stories: 50, notes: 500, loads: 5, warmLoads: 3, unloadWaitMs: 300 },
      memoryRooms: 100,
      storm: { clients: 30, stories: 10, notes: 100, timeoutMs: 15_000 },
    }
  : {
      propagation: { ns: [10, 50, 200], writers: 5, rate: 4, warmupMs: 1000, durationMs: 4000 },
      many: { boards: 100, clientsPerBoard: 10, keysPerSec: 5, warmupMs: 1000, durationMs: 4000 },
      cold: { stories: 500, notes: 5000, loads: 20, warmLoads: 10, unloadWaitMs: 300 },
      memoryRooms: 1000,
      storm: { clients: 200, stories: 50, notes: 500, timeoutMs: 30_000 },
    };

/** Our server with `env` on top of the bench's overrides; those are recorded per scenario. */
const overrides: Record<string, string> = { ...OUR_OVERRIDES };

async function withTarget<T>(kind: Kind, fn: (t: Target) => Promise<T>, env: Record<string, string> = {}) {
  if (kind === 'ours')
    for (const [k, v] of Object.entries(env)) overrides[k] = `${v} (${fn.name || 'scenario'})`;
  const t = await startTarget(kind, kind === 'ours' ? env : {}, fromSource);
  try {
    return await fn(t);
  } finally {
    await t.stop();
  }
}

async function main() {
  const started = performance.now();
  const machine = machineInfo();
  const r: Results = {
    machine,
    quick,
    versions: {
      shellboard: ownVersion(),
      'y-websocket (reference server)': versionOf('y-websocket-v1'),
      'y-websocket (client)': versionOf('y-websocket'),
      '@hocuspocus/server': versionOf('@hocuspocus/server'),
      '@hocuspocus/extension-sqlite': versionOf('@hocuspocus/extension-sqlite'),
      '@hocuspocus/provider': versionOf('@hocuspocus/provider'),
      yjs: versionOf('yjs'),
    },
    overrides,
    oursFrom: fromSource ? 'source (tsx, no Next), BENCH_OURS=source' : 'production build dist/server.mjs',
    propagation: {},
    manyBoards: {},
    coldLoad: {},
    memory: {},
    storm: {},
    pageWeight: [],
    targets: [],
  };
  const step = (s: string) =>
    console.error(`bench: ${s} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const k of runs('propagation') ? kinds : []) {
    step(`propagation ${k}`);
    const p = plan.propagation;
    r.propagation[k] = await withTarget(k, async function propagation_(t) {
      const out = [];
      for (const n of p.ns) out.push(await propagation(t, n, p));
      return out;
    });
  }
  for (const k of runs('many') ? kinds : []) {
    step(`many boards ${k}`);
    r.manyBoards[k] = await withTarget(k, (t) => manyBoards(t, plan.many));
  }
  for (const k of runs('cold') ? kinds : []) {
    step(`cold load ${k}`);
    // ROOM_GRACE_MS=0: the room leaves memory as soon as the last client does, so every load is cold.
    r.coldLoad[k] = await withTarget(
      k,
      async function coldLoad_(t) {
        return coldLoad(t, plan.cold);
      },
      { ROOM_GRACE_MS: '0' },
    );
  }
  for (const k of runs('memory') ? kinds : []) {
    step(`memory ${k}`);
    r.memory[k] = await withTarget(k, (t) => memoryPerRoom(t, plan.memoryRooms));
  }
  for (const k of runs('storm') ? kinds : []) {
    step(`reconnect storm ${k}`);
    r.storm[k] = await withTarget(k, (t) => reconnectStorm(t, plan.storm));
  }
  const nextDir = path.join(root, '.next');
  if (runs('pages') && fs.existsSync(path.join(nextDir, 'BUILD_ID'))) {
    r.pageWeight = ['/b/[boardId]', '/b/[boardId]/present'].map((route) => pageWeight(nextDir, route));
  } else console.error('bench: no .next build, page weight skipped');
  r.targets = judgeTargets(r);
  machine.loadavgEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  r.durationS = (performance.now() - started) / 1000;
  const md = renderMarkdown(r);
  const outDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'latest.md'), md);
  fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(r, null, 2) + '\n');
  console.log(md);
}

if (process.env.BENCH_LOCKED !== '1') {
  // Build if needed, then hold the build lock shared for the run: nobody rebuilds .next or dist
  // under the servers we start (builds and e2e runs wait; concurrent benches may share it).
  if (!fromSource) ensureBuild();
  const r = spawnSync(
    'flock',
    ['-s', BUILD_LOCK, process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: { ...process.env, BENCH_LOCKED: '1' },
    },
  );
  process.exit(r.status ?? 1);
} else {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
