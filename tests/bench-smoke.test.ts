import { afterAll, describe, expect, it } from 'vitest';
import { benchDepsInstalled } from '../bench/lib/bench-deps';
import { startTarget, type Kind, type Target } from '../bench/lib/servers';
import { propagation } from '../bench/scenarios/propagation';

// Proves the benchmark harness runs (servers start, real clients connect, samples arrive). It
// asserts no speed: the figures live in `npm run bench`. Our server runs from source here so the
// suite does not depend on a production build. The reference server comes from the bench package
// (bench/package.json), which only the first `npm run bench` installs: without it, that case is
// reported skipped.
describe('bench harness smoke', () => {
  const started: Target[] = [];
  afterAll(async () => {
    await Promise.all(started.map((t) => t.stop()));
  });

  const cases: [Kind, boolean][] = [
    ['ours', true],
    ['reference', benchDepsInstalled()],
  ];
  it.for(cases)(
    'measures propagation on %s with finite figures',
    { timeout: 60_000 },
    async ([kind, installed], ctx) => {
      ctx.skip(!installed, 'the bench package is not installed (npm ci --prefix bench)');
      const target = await startTarget(kind, {}, true);
      started.push(target);
      const r = await propagation(target, 5, { writers: 2, rate: 4, warmupMs: 300, durationMs: 1500 });
      expect(r.latency.n).toBeGreaterThan(0);
      for (const v of [r.latency.p50, r.latency.p95, r.latency.p99, r.latency.max, r.serverRssMiB]) {
        expect(Number.isFinite(v)).toBe(true);
      }
      expect(r.missing).toBe(0);
    },
  );
});
