import type { BrowserResult } from '../scenarios/browser';
import type { BrowserVisit } from '../scenarios/browser-visit';
import { fmt, fmtRatio, ratio, summarize, type Summary } from './stats';

/** A per-visit figure over the rounds: median and spread (min–max). */
export interface Spread {
  n: number;
  median: number;
  min: number;
  max: number;
}

export interface SizeFigures {
  stories: number;
  notes: number;
  visits: number;
  ok: number;
  first: Spread;
  connected: Spread;
  repeatFirst: Spread;
  repeatConnected: Spread;
  scroll: Spread;
  search: Spread;
  heap: Spread;
  /** pooled over the rounds */
  note: Summary;
  notesMissing: number;
  /** each round's own p95, for the spread */
  noteP95: Spread;
  composer: Summary;
  composerP95: Spread;
  title: Summary;
  titleP95: Spread;
  errors: string[];
}

function spread(values: (number | null)[]): Spread {
  const s = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN };
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { n: s.length, median, min: s[0]!, max: s[s.length - 1]! };
}

export const p95s = (lists: number[][]) =>
  spread(lists.filter((l) => l.length > 0).map((l) => summarize(l).p95));

export function sizeFigures(r: BrowserResult): SizeFigures[] {
  return r.sizes.map(({ stories, notes }) => {
    const vs = r.visits.filter((v) => v.stories === stories);
    const pick = (f: (v: BrowserVisit) => number | null) => spread(vs.map(f));
    return {
      stories,
      notes,
      visits: vs.length,
      ok: vs.filter((v) => v.errors.length === 0).length,
      first: pick((v) => v.firstStoryMs),
      connected: pick((v) => v.connectedMs),
      repeatFirst: pick((v) => v.repeatFirstStoryMs),
      repeatConnected: pick((v) => v.repeatConnectedMs),
      scroll: pick((v) => v.scrollMs),
      search: pick((v) => v.searchMs),
      heap: pick((v) => v.heapMiB),
      note: summarize(vs.flatMap((v) => v.noteMs)),
      notesMissing: vs.reduce((a, v) => a + v.notesMissing, 0),
      noteP95: p95s(vs.map((v) => v.noteMs)),
      composer: summarize(vs.flatMap((v) => v.composerKeyMs)),
      composerP95: p95s(vs.map((v) => v.composerKeyMs)),
      title: summarize(vs.flatMap((v) => v.titleKeyMs)),
      titleP95: p95s(vs.map((v) => v.titleKeyMs)),
      errors: vs.flatMap((v) => v.errors),
    };
  });
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const size = (f: SizeFigures) => `${f.stories}/${f.notes}`;

/** "median (min–max)", or the median alone from one round. */
function cell(s: Spread, digits = 0): string {
  if (s.n === 0) return '–';
  const m = fmt(s.median, digits);
  return s.n > 1 ? `${m} (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : m;
}

function pct(v: number, s: Spread): string {
  return s.n > 1 ? `${fmt(v)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(v);
}

export function browserSection(r: BrowserResult | undefined): string {
  if (!r) return 'Not run.';
  const figs = sizeFigures(r);
  const base = figs.find((f) => f.stories === 5);
  const head =
    `Chromium ${r.chromium}, production build, fresh browser context per visit; ${r.rounds} interleaved ` +
    `rounds (${r.bigRounds} for 2,000 stories), ${r.peers} peers present, ${r.notesPerVisit} notes and ` +
    `${r.keysPerField} keystrokes per field per visit; took ${fmt(r.durationS, 0)} s. ` +
    'Cells: median over rounds (min–max); percentiles pooled over rounds (each round’s own p95 min–max).\n\n';
  const load = table(
    [
      'stories/notes',
      'visits ok',
      'first story ms',
      '"Connected" ms',
      'first story (repeat visit) ms',
      '"Connected" (repeat) ms',
      'scroll to end → late card ms',
      'search → late card ms',
      'JS heap MiB',
    ],
    figs.map((f) => [
      size(f),
      `${f.ok}/${f.visits}`,
      cell(f.first),
      cell(f.connected),
      cell(f.repeatFirst),
      cell(f.repeatConnected),
      cell(f.scroll),
      cell(f.search),
      cell(f.heap, 1),
    ]),
  );
  const live = table(
    [
      'stories/notes',
      'notes (missing)',
      'keys composer / title',
      'note → panel p50 ms',
      'p95 ms',
      'p99 ms',
      'composer key p50 ms',
      'p95 ms',
      'title key p50 ms',
      'p95 ms',
    ],
    figs.map((f) => [
      size(f),
      `${f.note.n} (${f.notesMissing})`,
      `${f.composer.n} / ${f.title.n}`,
      fmt(f.note.p50),
      pct(f.note.p95, f.noteP95),
      fmt(f.note.p99),
      fmt(f.composer.p50),
      pct(f.composer.p95, f.composerP95),
      fmt(f.title.p50),
      pct(f.title.p95, f.titleP95),
    ]),
  );
  const x = (a: number, b: number | undefined) => fmtRatio(ratio(a, b ?? NaN));
  const ratios = base
    ? table(
        [
          'stories/notes',
          'first story',
          '"Connected"',
          'search',
          'heap',
          'note p95',
          'note p99',
          'composer key p95',
          'title key p95',
        ],
        figs.map((f) => [
          size(f),
          x(f.first.median, base.first.median),
          x(f.connected.median, base.connected.median),
          x(f.search.median, base.search.median),
          x(f.heap.median, base.heap.median),
          x(f.note.p95, base.note.p95),
          x(f.note.p99, base.note.p99),
          x(f.composer.p95, base.composer.p95),
          x(f.title.p95, base.title.p95),
        ]),
      )
    : 'No 5/50 board in this run: no ratios.';
  const floor = floorFigures(r);
  const floorLine =
    floor.keys.n > 0
      ? `Floor of the keystroke method, same run (a bare textarea, same instrument and cadence): ` +
        `p50 ${fmt(floor.keys.p50)} ms, p95 ${pct(floor.keys.p95, floor.p95)} ms over ${floor.keys.n} keys — ` +
        'the wait for the next frame alone, which no page can go below.'
      : 'Floor of the keystroke method: not measured.';
  const failures = [...r.seedErrors, ...figs.flatMap((f) => f.errors)];
  return [
    head + load,
    '',
    'Live: a collaborator’s note → its text in the open panel (Node write → page, one clock); keystroke → next frame.',
    '',
    live,
    '',
    floorLine,
    '',
    'Ratio to the 5/50 board in the same run:',
    '',
    ratios,
    '',
    failures.length ? `Failures:\n${failures.map((e) => `- ${e}`).join('\n')}` : 'No failures.',
  ].join('\n');
}

/** Keystroke → next frame on the bare page, pooled over rounds, with each round's own p95. */
export function floorFigures(r: BrowserResult): { keys: Summary; p95: Spread } {
  const rounds = r.floorKeyMs ?? [];
  return { keys: summarize(rounds.flat()), p95: p95s(rounds) };
}
