import type { BrowserResult } from '../scenarios/browser';
import type { ColdLoadResult } from '../scenarios/cold-load';
import type { ManyBoardsResult } from '../scenarios/many-boards';
import type { MemoryResult } from '../scenarios/memory';
import type { PageWeight } from '../scenarios/page-weight';
import type { PropagationResult } from '../scenarios/propagation';
import type { StormResult } from '../scenarios/storm';
import { browserSection } from './browser-report';
import type { MachineInfo } from './machine';
import type { Kind } from './servers';
import { fmt, fmtRatio, ratio, type Summary } from './stats';

export interface Results {
  machine: MachineInfo;
  quick: boolean;
  versions: Record<string, string>;
  overrides: Record<string, string>;
  oursFrom: string;
  durationS?: number;
  propagation: Partial<Record<Kind, PropagationResult[]>>;
  manyBoards: Partial<Record<Kind, ManyBoardsResult>>;
  coldLoad: Partial<Record<Kind, ColdLoadResult>>;
  memory: Partial<Record<Kind, MemoryResult>>;
  storm: Partial<Record<Kind, StormResult>>;
  /** our client in Chromium on our server ('ours' only) */
  browser: Partial<Record<Kind, BrowserResult>>;
  pageWeight: PageWeight[];
  targets: { target: string; measured: string; pass: boolean }[];
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const ms = (s: Summary | undefined) =>
  s ? [fmt(s.p50), fmt(s.p95), fmt(s.p99), fmt(s.max)] : ['–', '–', '–', '–'];
const LAT = ['p50 ms', 'p95 ms', 'p99 ms', 'max ms'];

/** Ratio columns ours/reference and ours/Hocuspocus for one percentile. */
function ratios(ours: number | undefined, ref: number | undefined, hp: number | undefined): string[] {
  return [fmtRatio(ratio(ours ?? NaN, ref ?? NaN)), fmtRatio(ratio(ours ?? NaN, hp ?? NaN))];
}

function propagationSection(r: Results): string {
  const rows: (string | number)[][] = [];
  const ns = (r.propagation.ours ?? []).map((p) => p.clients);
  for (const n of ns) {
    const at = (k: Kind) => r.propagation[k]?.find((p) => p.clients === n);
    for (const k of ['ours', 'reference', 'hocuspocus'] as Kind[]) {
      const p = at(k);
      if (!p) continue;
      const rt =
        k === 'ours'
          ? ratios(p.latency.p99, at('reference')?.latency.p99, at('hocuspocus')?.latency.p99)
          : ['', ''];
      rows.push([
        n,
        k,
        p.latency.n,
        ...ms(p.latency),
        ...rt,
        p.missing,
        fmt(p.serverCpu * 100, 0) + '%',
        p.workers,
        p.driver.map((d) => fmt(d.cpu * 100, 0) + '%').join(' / '),
        p.driver.map((d) => fmt(d.lagP99Ms)).join(' / '),
      ]);
    }
  }
  return table(
    [
      'clients',
      'server',
      'samples',
      ...LAT,
      'p99 ours/ref',
      'p99 ours/Hocus',
      'lost',
      'server CPU',
      'driver workers',
      'CPU per worker',
      'worker lag p99 ms',
    ],
    rows,
  );
}

function manyBoardsSection(r: Results): string {
  const o = r.manyBoards.ours;
  const rows = (['ours', 'reference', 'hocuspocus'] as Kind[]).flatMap((k) => {
    const m = r.manyBoards[k];
    if (!m) return [];
    const rt =
      k === 'ours'
        ? ratios(o?.latency.p99, r.manyBoards.reference?.latency.p99, r.manyBoards.hocuspocus?.latency.p99)
        : ['', ''];
    return [
      [
        k,
        m.sockets,
        m.keysPerSec,
        ...ms(m.latency),
        ...rt,
        m.missing,
        fmt(m.serverRssMiB, 0),
        fmt(m.serverCpu * 100, 0) + '%',
        fmt(m.driver.cpu * 100, 0) + '%',
        fmt(m.driver.lagP99Ms),
      ],
    ];
  });
  return table(
    [
      'server',
      'sockets',
      'keys/s',
      ...LAT,
      'p99 ours/ref',
      'p99 ours/Hocus',
      'lost',
      'server RSS MiB',
      'server CPU',
      'driver CPU',
      'driver lag p99 ms',
    ],
    rows,
  );
}

function coldLoadSection(r: Results): string {
  const o = r.coldLoad.ours;
  const rows = (['ours', 'reference', 'hocuspocus'] as Kind[]).flatMap((k) => {
    const c = r.coldLoad[k];
    if (!c) return [];
    const line = (
      mode: string,
      s: Summary | undefined,
      oursS: Summary | undefined,
      refS?: Summary,
      hpS?: Summary,
    ) => [k, mode, ...ms(s), ...(k === 'ours' ? ratios(oursS?.p99, refS?.p99, hpS?.p99) : ['', ''])];
    const ref = r.coldLoad.reference;
    const hp = r.coldLoad.hocuspocus;
    return [
      line('cold, served', c.cold?.served, o?.cold?.served, ref?.cold?.served, hp?.cold?.served),
      line('cold, synced', c.cold?.synced, o?.cold?.synced, ref?.cold?.synced, hp?.cold?.synced),
      line('in memory, served', c.warm.served, o?.warm.served, ref?.warm.served, hp?.warm.served),
      line('in memory, synced', c.warm.synced, o?.warm.synced, ref?.warm.synced, hp?.warm.synced),
    ];
  });
  const any = o ?? r.coldLoad.reference;
  const head = any
    ? `Board: ${any.stories} stories, ${any.notes} notes; document ${fmt(any.docBytes / 1024, 0)} KiB. ` +
      `Client floor (decode + apply in a fresh Y.Doc): p50 ${fmt(any.clientApply.p50)} ms. Incomplete loads: ` +
      (['ours', 'reference', 'hocuspocus'] as Kind[])
        .map((k) => `${k} ${r.coldLoad[k]?.incomplete ?? '–'}`)
        .join(', ') +
      '. The reference server has no persistence: its "cold" rows are empty and only in-memory loads are measured.\n\n'
    : '';
  return head + table(['server', 'load', ...LAT, 'p99 ours/ref', 'p99 ours/Hocus'], rows);
}

function memorySection(r: Results): string {
  const rows = (['ours', 'reference', 'hocuspocus'] as Kind[]).flatMap((k) => {
    const m = r.memory[k];
    return m ? [[k, m.rooms, fmt(m.emptyRssMiB, 0), fmt(m.loadedRssMiB, 0), fmt(m.perRoomKiB, 0)]] : [];
  });
  return table(['server', 'rooms', 'RSS empty MiB', 'RSS loaded MiB', 'per room KiB'], rows);
}

function stormSection(r: Results): string {
  const rows = (['ours', 'reference', 'hocuspocus'] as Kind[]).flatMap((k) => {
    const s = r.storm[k];
    return s
      ? [
          [
            k,
            s.clients,
            `${s.stories}/${s.notes}`,
            fmt(s.allSyncedMs, 0),
            fmt(s.convergedMs, 0),
            s.changes,
            s.lost,
            fmt(s.serverCpu * 100, 0) + '%',
            s.workers,
            s.driverCpu.map((c) => fmt(c * 100, 0) + '%').join(' / '),
            s.driverLagP99Ms.map((l) => fmt(l, 0)).join(' / '),
          ],
        ]
      : [];
  });
  return table(
    [
      'server',
      'clients',
      'board stories/notes',
      'all synced ms',
      'all converged ms',
      'changes',
      'lost',
      'server CPU',
      'driver workers',
      'CPU per worker',
      'worker lag p99 ms',
    ],
    rows,
  );
}

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  return [
    `# Shellboard benchmark${r.quick ? ' (BENCH_QUICK)' : ''}`,
    '',
    `${m.date} · ${m.cpu} · ${m.cores} cores · ${m.memGiB} GiB · Node ${m.node} · ${m.platform}`,
    `Load average at start ${m.loadavgStart.join(' / ')}, at end ${(m.loadavgEnd ?? []).join(' / ')} (1/5/15 min)` +
      (r.durationS ? ` · run took ${fmt(r.durationS, 0)} s` : ''),
    '',
    `Versions: ${Object.entries(r.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `Our server: ${r.oursFrom}. Overrides: ${
      Object.entries(r.overrides)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || 'none'
    }`,
    '',
    '## Targets',
    table(
      ['target', 'measured', 'result'],
      r.targets.map((t) => [t.target, t.measured, t.pass ? 'pass' : '**miss**']),
    ),
    '',
    '## 1. Propagation latency (one board)',
    propagationSection(r),
    '',
    '## 2. Many boards (steady typing)',
    manyBoardsSection(r),
    '',
    '## 3. Cold load',
    coldLoadSection(r),
    '',
    '## 4. Memory per room',
    memorySection(r),
    '',
    '## 5. Reconnect storm',
    stormSection(r),
    '',
    '## 6. Page weight (first-load JS, gzip)',
    table(
      ['route', 'files', 'raw KiB', 'gzip KiB'],
      r.pageWeight.map((p) => [p.route, p.files, fmt(p.rawKiB, 0), fmt(p.gzipKiB, 0)]),
    ),
    '',
    '## 7. Browser at backlog size',
    browserSection(r.browser?.ours),
    '',
  ].join('\n');
}
