// One benchmark task (scenario × server) in a fresh driver process, so no scenario inherits another's
// heap or garbage: `BENCH_TASK=<scenario>:<server>` runs it and writes its JSON to BENCH_TASK_OUT.
import fs from 'node:fs';
import { browserAtSize, type BrowserPlan } from './scenarios/browser';
import { startTarget, type Kind, type Target } from './lib/servers';
import { coldLoad } from './scenarios/cold-load';
import { manyBoards } from './scenarios/many-boards';
import { memoryPerRoom } from './scenarios/memory';
import { propagation } from './scenarios/propagation';
import { reconnectStorm } from './scenarios/storm';

export const SCENARIOS = ['propagation', 'many', 'cold', 'memory', 'storm', 'browser'] as const;
export type Scenario = (typeof SCENARIOS)[number];

const quick = process.env.BENCH_QUICK === '1';
// The storm's clients live in this many driver processes (the issue allows up to 4).
const stormWorkers = Math.min(4, Math.max(1, Number(process.env.BENCH_STORM_WORKERS) || 2));
// Propagation's clients likewise (1 = all in one process, every timestamp on one clock).
const propWorkers = Math.min(4, Math.max(1, Number(process.env.BENCH_PROP_WORKERS) || 2));
// Browser rounds (development: BENCH_BROWSER_ROUNDS=1 for a quick look at every size).
const browserRounds = Number(process.env.BENCH_BROWSER_ROUNDS) || 0;
// BENCH_BROWSER_SIZES=5,2000: only the boards of these story counts (keep 5 for the ratios).
const browserSizes = process.env.BENCH_BROWSER_SIZES?.split(',').map(Number);
const browserPlan = (p: BrowserPlan): BrowserPlan => ({
  ...p,
  sizes: browserSizes ? p.sizes.filter(([s]) => browserSizes.includes(s)) : p.sizes,
  ...(browserRounds > 0 ? { rounds: browserRounds, bigRounds: Math.min(p.bigRounds, browserRounds) } : {}),
});
export const plan = quick
  ? {
      propagation: {
        ns: [10, 50],
        writers: 5,
        rate: 4,
        warmupMs: 500,
        durationMs: 1500,
        workers: propWorkers,
      },
      many: { boards: 10, clientsPerBoard: 5, keysPerSec: 5, warmupMs: 500, durationMs: 1500 },
      cold: { stories: 50, notes: 500, loads: 5, warmLoads: 3, unloadWaitMs: 300 },
      memoryRooms: 100,
      storm: { clients: 30, stories: 10, notes: 100, workers: 2, timeoutMs: 15_000 },
      browser: browserPlan({
        sizes: [
          [5, 50],
          [500, 5000],
        ],
        rounds: 1,
        bigRounds: 1,
        peers: 10,
        notes: 10,
        keys: 20,
        timeoutMs: 120_000,
        keysTimeoutMs: 60_000,
      }),
    }
  : {
      propagation: {
        ns: [10, 50, 200],
        writers: 5,
        rate: 4,
        warmupMs: 1000,
        durationMs: 4000,
        workers: propWorkers,
      },
      many: { boards: 100, clientsPerBoard: 10, keysPerSec: 5, warmupMs: 1000, durationMs: 4000 },
      cold: { stories: 500, notes: 5000, loads: 20, warmLoads: 10, unloadWaitMs: 300 },
      memoryRooms: 1000,
      storm: { clients: 200, stories: 50, notes: 500, workers: stormWorkers, timeoutMs: 30_000 },
      browser: browserPlan({
        sizes: [
          [5, 50],
          [100, 1000],
          [500, 5000],
          [2000, 20000],
        ],
        rounds: 3,
        // the current client takes minutes per 2,000/20,000 visit
        bigRounds: 1,
        peers: 10,
        notes: 30,
        keys: 50,
        timeoutMs: 120_000,
        keysTimeoutMs: 60_000,
      }),
    };

/** Per-scenario env for our server on top of OUR_OVERRIDES (recorded in the output). */
export const SCENARIO_ENV: Partial<Record<Scenario, Record<string, string>>> = {
  // the room leaves memory as soon as the last client does, so every load is cold
  cold: { ROOM_GRACE_MS: '0' },
};

async function run(scenario: Scenario, t: Target): Promise<unknown> {
  switch (scenario) {
    case 'propagation': {
      const out = [];
      for (const n of plan.propagation.ns) out.push(await propagation(t, n, plan.propagation));
      return out;
    }
    case 'many':
      return manyBoards(t, plan.many);
    case 'cold':
      return coldLoad(t, plan.cold);
    case 'memory':
      return memoryPerRoom(t, plan.memoryRooms);
    case 'storm':
      return reconnectStorm(t, plan.storm);
    case 'browser':
      return browserAtSize(t, plan.browser);
  }
}

export async function runTask(task: string, outFile: string): Promise<void> {
  const [scenario, kind] = task.split(':') as [Scenario, Kind];
  const env = kind === 'ours' ? (SCENARIO_ENV[scenario] ?? {}) : {};
  const t = await startTarget(kind, env, process.env.BENCH_OURS === 'source');
  try {
    fs.writeFileSync(outFile, JSON.stringify(await run(scenario, t)));
  } finally {
    await t.stop();
  }
}
