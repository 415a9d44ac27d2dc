import type { BrowserResult } from '../scenarios/browser';
import { floorFigures, sizeFigures, type SizeFigures } from './browser-report';
import type { Results } from './report';
import { fmt } from './stats';

type Target = Results['targets'][number];

/** The browser targets of the "Live at real backlog size" issue, judged on this run's figures. */
export function browserTargets(r: BrowserResult | undefined): Target[] {
  if (!r) return [];
  const figs = sizeFigures(r);
  const at = (stories: number) => figs.find((f) => f.stories === stories && f.visits > 0);
  const base = at(5);
  const mid = at(500);
  const big = at(2000);
  const out: Target[] = [];
  const rel = (what: string, max: number, a: number, b: number) =>
    out.push({
      target: `500/5,000 ${what} ≤ ${max}× the 5/50 board (same run)`,
      measured: `${fmt(a)} vs ${fmt(b)} ms (${fmt(a / b, 2)}×)`,
      pass: a <= max * b,
    });
  if (base && mid) {
    rel('first story (median)', 2, mid.first.median, base.first.median);
    rel('note → panel p95', 1.5, mid.note.p95, base.note.p95);
    rel('composer keystroke p95', 1.5, mid.composer.p95, base.composer.p95);
    rel('title keystroke p95', 1.5, mid.title.p95, base.title.p95);
  }
  if (mid) {
    out.push({
      target: '500/5,000 first story < 1.0 s (median)',
      measured: `${fmt(mid.first.median, 0)} ms (${fmt(mid.first.min, 0)}–${fmt(mid.first.max, 0)})`,
      pass: mid.first.median < 1000,
    });
  }
  const every = (what: string, limit: number, value: (f: SizeFigures) => number, note = '') => {
    const vals = figs.filter((f) => f.visits > 0).map((f) => [f, value(f)] as const);
    if (vals.length === 0) return;
    out.push({
      target: `${what} < ${limit} ms at every size`,
      measured: vals.map(([f, v]) => `${f.stories}: ${fmt(v)}`).join(', ') + note,
      pass: vals.every(([, v]) => v < limit),
    });
  };
  every('note → panel p99', 100, (f) => f.note.p99);
  const floor = floorFigures(r).keys;
  every(
    'keystroke p95 (worse of composer, title)',
    16,
    (f) => Math.max(f.composer.p95, f.title.p95),
    floor.n > 0 ? `; bare-page floor ${fmt(floor.p95)}` : '',
  );
  if (big) {
    out.push({
      target: '2,000/20,000 opens, scrolls, searches and accepts notes (every visit)',
      measured:
        `${big.ok}/${big.visits} visits ok; first story ${fmt(big.first.median, 0)} ms, scroll ${fmt(big.scroll.median, 0)} ms, ` +
        `search ${fmt(big.search.median, 0)} ms, note p99 ${fmt(big.note.p99)} ms, ${big.notesMissing} notes missing`,
      pass: big.visits > 0 && big.ok === big.visits && big.notesMissing === 0,
    });
  }
  return out;
}
