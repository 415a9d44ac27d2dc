// `npm run bench`: our server, the y-websocket reference server and Hocuspocus side by side, each in
// its own child process, driven by real clients from a fresh driver process per scenario and server
// (bench/tasks.ts). BENCH_QUICK=1 scales down. The comparison servers are the bench package's
// (bench/package.json), installed here on the first run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBenchDeps } from './lib/bench-deps';
import { BUILD_LOCK, ensureBuild } from './lib/build';
import { machineInfo } from './lib/machine';
import { renderMarkdown, type Results } from './lib/report';
import { KINDS, OUR_OVERRIDES, root, type Kind } from './lib/servers';
import { judgeTargets } from './lib/targets';
import { ownVersion, versionOf } from './lib/versions';
import { pageWeight } from './scenarios/page-weight';
import { SCENARIOS, SCENARIO_ENV, runTask, type Scenario } from './tasks';

// Every y-websocket provider adds a process 'exit' listener; a thousand of them are expected here.
process.setMaxListeners(0);
const quick = process.env.BENCH_QUICK === '1';
// BENCH_OURS=source: our server from TypeScript without Next (when no production build can be made).
const fromSource = process.env.BENCH_OURS === 'source';
// BENCH_ONLY=propagation,storm and BENCH_SERVERS=ours,reference run a subset (development).
const only = process.env.BENCH_ONLY?.split(',');
const runs = (name: string) => !only || only.includes(name);
const kinds = KINDS.filter(
  (k) => !process.env.BENCH_SERVERS || process.env.BENCH_SERVERS.split(',').includes(k),
);

/** Runs one scenario against one server in a child driver process and returns its result. */
function task<T>(scenario: Scenario, kind: Kind): T {
  const outFile = path.join(os.tmpdir(), `bench-task-${process.pid}-${scenario}-${kind}.json`);
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_TASK: `${scenario}:${kind}`, BENCH_TASK_OUT: outFile },
  });
  if (r.status !== 0) throw new Error(`bench task ${scenario}:${kind} failed (${r.status ?? r.signal})`);
  const out = JSON.parse(fs.readFileSync(outFile, 'utf8')) as T;
  fs.rmSync(outFile);
  return out;
}

async function main() {
  // The comparison servers, unless only ours runs (here, so BENCH_LOCKED=1 by hand installs them too).
  const others = SCENARIOS.some((s) => s !== 'browser' && runs(s)) && kinds.some((k) => k !== 'ours');
  if (others) ensureBenchDeps();
  const overrides: Record<string, string> = { ...OUR_OVERRIDES };
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
    browser: {},
    pageWeight: [],
    targets: [],
  };
  const step = (s: string) =>
    console.error(`bench: ${s} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const store: Record<Scenario, Partial<Record<Kind, unknown>>> = {
    propagation: r.propagation,
    many: r.manyBoards,
    cold: r.coldLoad,
    memory: r.memory,
    storm: r.storm,
    browser: r.browser,
  };
  for (const scenario of SCENARIOS.filter(runs)) {
    for (const k of kinds) {
      // the browser scenario measures our client (the production build) on our server only
      if (scenario === 'browser' && (k !== 'ours' || fromSource)) continue;
      step(`${scenario} ${k}`);
      store[scenario][k] = task(scenario, k);
    }
  }
  for (const [scenario, env] of Object.entries(SCENARIO_ENV)) {
    if (runs(scenario)) for (const [k, v] of Object.entries(env)) overrides[k] = `${v} (${scenario} only)`;
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
  // A subset run must not overwrite the last full results.
  const name = only || process.env.BENCH_SERVERS ? 'partial' : 'latest';
  fs.writeFileSync(path.join(outDir, `${name}.md`), md);
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(r, null, 2) + '\n');
  console.log(md);
}

if (process.env.BENCH_TASK) {
  runTask(process.env.BENCH_TASK, process.env.BENCH_TASK_OUT!).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
} else if (process.env.BENCH_LOCKED !== '1') {
  // Build if needed, then hold the build lock shared for the run: nobody rebuilds .next or dist
  // under the servers we start (builds and e2e runs wait; concurrent benches may share it).
  if (!fromSource) ensureBuild({ client: runs('browser') });
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
