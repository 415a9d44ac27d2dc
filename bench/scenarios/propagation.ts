import path from 'node:path';
import type * as Y from 'yjs';
import { addNote, createStory } from '../../lib/board/ops';
import { roots, type EntityMap } from '../../lib/board/schema';
import { connectMany, destroyAll, type BenchClient } from '../lib/clients';
import { CpuMeter, DriverLoad, rssMiB } from '../lib/machine';
import type { Target } from '../lib/servers';
import { sleep, summarize, until, type Summary } from '../lib/stats';
import { DriverWorker } from '../lib/driver-worker';
import type { FromPropWorker, ToPropWorker } from './propagation-worker';

export interface PropagationResult {
  clients: number;
  writers: number;
  /** driver processes the clients were split over */
  workers: number;
  notesPerSec: number;
  latency: Summary;
  /** deliveries that never arrived within the drain window */
  missing: number;
  /** each driver process's CPU share and event-loop lag over the measured window */
  driver: { cpu: number; lagP99Ms: number; lagMaxMs: number }[];
  serverCpu: number;
  serverRssMiB: number;
}

export interface PropagationOptions {
  writers: number;
  /** notes per second per writer */
  rate: number;
  warmupMs: number;
  durationMs: number;
  /** driver processes to split the clients over (1: all in this process) */
  workers?: number;
}

/** Starts the story every note hangs on and waits until every client has it. */
export async function sharedStory(clients: BenchClient[]): Promise<string> {
  const storyId = createStory(clients[0]!.doc, { title: 'Bench story', createdBy: 'bench' });
  await until(() => clients.every((c) => roots(c.doc).stories.has(storyId)), 30_000, 'story everywhere');
  return storyId;
}

/**
 * Writers add notes exactly as the board UI does (addNote: a Y.Map with a Y.Text); every other
 * client's observer records the delay from the writer's transaction, all on this process's clock.
 */
export function trackNotes(
  clients: BenchClient[],
  sentAt: Map<string, number>,
  samples: number[],
): () => void {
  const offs: (() => void)[] = [];
  for (const c of clients) {
    const notes = roots(c.doc).notes;
    const fn = (ev: Y.YMapEvent<EntityMap>, tr: Y.Transaction) => {
      if (tr.local) return;
      const now = performance.now();
      for (const key of ev.keysChanged) {
        const t = sentAt.get(key);
        if (t !== undefined) samples.push(now - t);
      }
    };
    notes.observe(fn);
    offs.push(() => notes.unobserve(fn));
  }
  return () => offs.forEach((f) => f());
}

/**
 * Writers add a note each every 1/rate s, staggered by their slot among all writers so their notes do
 * not all land in the same event-loop turn. Only notes written while measuring are timed.
 */
function startWriters(
  clients: BenchClient[],
  storyId: string,
  opts: PropagationOptions,
  slots: number[],
  totalWriters: number,
  sentAt: Map<string, number>,
): { measure(on: boolean): void; stop(): void; sent(): number } {
  let measuring = false;
  let sent = 0;
  const period = 1000 / opts.rate;
  const stops = slots.map((slot, i) => {
    const w = clients[i]!;
    const write = () => {
      const t0 = performance.now();
      const id = addNote(w.doc, {
        storyId,
        kind: 'idea',
        text: `Bench note from writer ${slot}: keep the acceptance criteria short`,
        authorId: `writer-${slot}`,
        authorName: `Writer ${slot}`,
      });
      if (measuring) {
        sentAt.set(id, t0);
        sent += 1;
      }
    };
    let interval: NodeJS.Timeout | undefined;
    const start = setTimeout(() => (interval = setInterval(write, period)), (period * slot) / totalWriters);
    return () => {
      clearTimeout(start);
      clearInterval(interval);
    };
  });
  return {
    measure: (on) => (measuring = on),
    stop: () => stops.forEach((s) => s()),
    sent: () => sent,
  };
}

export interface TimedNotes {
  samples: number[];
  /** deliveries that never arrived within the drain window */
  missing: number;
  /** this process's CPU share and event-loop lag while measuring */
  load: { cpu: number; lagP99Ms: number; lagMaxMs: number };
}

/**
 * The measurement itself, in whichever process holds `clients`: writers in `slots` (their positions
 * among `totalWriters`) write through a warm-up and the measured window, readers in this process time
 * every measured note, then deliveries drain. `window` is told when measuring starts and stops.
 */
export async function timeNotes(
  clients: BenchClient[],
  storyId: string,
  opts: PropagationOptions,
  slots: number[],
  totalWriters: number,
  window: { start(): void; stop(): void } = { start() {}, stop() {} },
): Promise<TimedNotes> {
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  const untrack = trackNotes(clients, sentAt, samples);
  const writers = startWriters(clients, storyId, opts, slots, totalWriters, sentAt);
  await sleep(opts.warmupMs);
  const driver = new DriverLoad();
  window.start();
  writers.measure(true);
  await sleep(opts.durationMs);
  writers.measure(false);
  window.stop();
  const load = driver.stop();
  writers.stop();
  const expected = writers.sent() * (clients.length - 1);
  await until(() => samples.length >= expected, 10_000, 'deliveries').catch(() => undefined);
  untrack();
  return { samples, missing: Math.max(0, expected - samples.length), load };
}

export async function propagation(
  target: Target,
  n: number,
  opts: PropagationOptions,
): Promise<PropagationResult> {
  if ((opts.workers ?? 1) > 1) return propagationInWorkers(target, n, opts, opts.workers!);
  const board = await target.newBoard();
  const clients = await connectMany(target, board, n);
  try {
    const storyId = await sharedStory(clients);
    const count = Math.min(opts.writers, n);
    const slots = Array.from({ length: count }, (_, i) => i);
    let cpu: CpuMeter | undefined;
    let serverCpu = NaN;
    const timed = await timeNotes(clients, storyId, opts, slots, count, {
      start: () => (cpu = new CpuMeter(target.pid)),
      stop: () => (serverCpu = cpu?.read() ?? NaN),
    });
    return {
      clients: n,
      writers: count,
      workers: 1,
      notesPerSec: count * opts.rate,
      latency: summarize(timed.samples),
      missing: timed.missing,
      driver: [timed.load],
      serverCpu,
      serverRssMiB: rssMiB(target.pid),
    };
  } finally {
    destroyAll(clients);
  }
}

class PropWorker extends DriverWorker<ToPropWorker, FromPropWorker> {
  constructor() {
    super(path.join(__dirname, 'propagation-worker.ts'));
  }
}

/**
 * The same scenario with the clients split over `workers` driver processes: each note is timed only
 * by the readers in its writer's process (one clock), and every client still receives every note.
 */
async function propagationInWorkers(
  target: Target,
  n: number,
  opts: PropagationOptions,
  count: number,
): Promise<PropagationResult> {
  const board = await target.newBoard();
  const workers = Array.from({ length: count }, () => new PropWorker());
  try {
    const shares = workers.map((_, i) => Math.floor(n / count) + (i < n % count ? 1 : 0));
    workers.forEach((w, i) =>
      w.send({ type: 'init', kind: target.kind, wsBase: target.wsBase, board, count: shares[i]! }),
    );
    await Promise.all(workers.map((w) => w.next('ready', 120_000)));
    workers[0]!.send({ type: 'story' });
    const { storyId } = await workers[0]!.next('story', 30_000);
    for (const w of workers) w.send({ type: 'await-story', storyId });
    await Promise.all(workers.map((w) => w.next('has-story', 30_000)));
    const totalWriters = Math.min(opts.writers, n);
    // writer slots dealt round-robin, so every worker times its own writers' notes
    const slots = workers.map((_, i) =>
      Array.from({ length: totalWriters }, (_, s) => s).filter((s) => s % count === i),
    );
    workers.forEach((w, i) => w.send({ type: 'run', storyId, opts, writerSlots: slots[i]!, totalWriters }));
    await sleep(opts.warmupMs);
    const cpu = new CpuMeter(target.pid);
    await sleep(opts.durationMs);
    const serverCpu = cpu.read();
    const done = await Promise.all(workers.map((w) => w.next('done', 60_000)));
    return {
      clients: n,
      writers: totalWriters,
      workers: count,
      notesPerSec: totalWriters * opts.rate,
      latency: summarize(done.flatMap((d) => d.samples)),
      missing: done.reduce((sum, d) => sum + d.missing, 0),
      driver: done.map(({ cpu: c, lagP99Ms, lagMaxMs }) => ({ cpu: c, lagP99Ms, lagMaxMs })),
      serverCpu,
      serverRssMiB: rssMiB(target.pid),
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop({ type: 'exit' })));
  }
}
