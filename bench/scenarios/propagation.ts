import type * as Y from 'yjs';
import { addNote, createStory } from '../../lib/board/ops';
import { roots, type EntityMap } from '../../lib/board/schema';
import { connectMany, destroyAll, type BenchClient } from '../lib/clients';
import { CpuMeter, DriverLoad, rssMiB } from '../lib/machine';
import type { Target } from '../lib/servers';
import { sleep, summarize, until, type Summary } from '../lib/stats';

export interface PropagationResult {
  clients: number;
  writers: number;
  notesPerSec: number;
  latency: Summary;
  /** deliveries that never arrived within the drain window */
  missing: number;
  driver: { cpu: number; lagP99Ms: number; lagMaxMs: number };
  serverCpu: number;
  serverRssMiB: number;
}

export interface PropagationOptions {
  writers: number;
  /** notes per second per writer */
  rate: number;
  warmupMs: number;
  durationMs: number;
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

export async function propagation(
  target: Target,
  n: number,
  opts: PropagationOptions,
): Promise<PropagationResult> {
  const board = await target.newBoard();
  const clients = await connectMany(target, board, n);
  try {
    const storyId = await sharedStory(clients);
    const sentAt = new Map<string, number>();
    const samples: number[] = [];
    const untrack = trackNotes(clients, sentAt, samples);
    const writers = clients.slice(0, Math.min(opts.writers, n));
    let measuring = false;
    let sent = 0;
    const timers = writers.map((w, i) => {
      const write = () => {
        const t0 = performance.now();
        const id = addNote(w.doc, {
          storyId,
          kind: 'idea',
          text: `Bench note from writer ${i}: keep the acceptance criteria short`,
          authorId: `writer-${i}`,
          authorName: `Writer ${i}`,
        });
        if (measuring) {
          sentAt.set(id, t0);
          sent += 1;
        }
      };
      // Stagger writers so their notes do not all land in the same event-loop turn.
      const period = 1000 / opts.rate;
      let interval: NodeJS.Timeout | undefined;
      const start = setTimeout(
        () => {
          interval = setInterval(write, period);
        },
        (period * i) / writers.length,
      );
      return () => {
        clearTimeout(start);
        clearInterval(interval);
      };
    });
    await sleep(opts.warmupMs);
    const driver = new DriverLoad();
    const cpu = new CpuMeter(target.pid);
    measuring = true;
    await sleep(opts.durationMs);
    measuring = false;
    const serverCpu = cpu.read();
    const load = driver.stop();
    timers.forEach((stop) => stop());
    const expected = sent * (n - 1);
    await until(() => samples.length >= expected, 10_000, 'deliveries').catch(() => undefined);
    untrack();
    return {
      clients: n,
      writers: writers.length,
      notesPerSec: writers.length * opts.rate,
      latency: summarize(samples),
      missing: Math.max(0, expected - samples.length),
      driver: load,
      serverCpu,
      serverRssMiB: rssMiB(target.pid),
    };
  } finally {
    destroyAll(clients);
  }
}
