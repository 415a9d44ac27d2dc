import type * as Y from 'yjs';
import { createStory } from '../../lib/board/ops';
import { getStoryMap } from '../../lib/board/schema';
import { connectClient, destroyAll, type BenchClient } from '../lib/clients';
import { CpuMeter, DriverLoad, rssMiB } from '../lib/machine';
import type { Target } from '../lib/servers';
import { sleep, summarize, until, type Summary } from '../lib/stats';

export interface ManyBoardsResult {
  boards: number;
  clientsPerBoard: number;
  sockets: number;
  keysPerSec: number;
  latency: Summary;
  missing: number;
  driver: { cpu: number; lagP99Ms: number; lagMaxMs: number };
  serverCpu: number;
  serverRssMiB: number;
}

export interface ManyBoardsOptions {
  boards: number;
  clientsPerBoard: number;
  /** keystrokes per second of the one typist on each board */
  keysPerSec: number;
  warmupMs: number;
  durationMs: number;
}

interface Room {
  clients: BenchClient[];
  title: () => Y.Text;
}

/**
 * One typist per board appends to a story title one character at a time; every other client on
 * that board records the delay from the keystroke's transaction to its own observer (keyed by the
 * text length, which only the typist changes).
 */
export async function manyBoards(target: Target, o: ManyBoardsOptions): Promise<ManyBoardsResult> {
  const rooms: Room[] = [];
  const all: BenchClient[] = [];
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  try {
    for (let b = 0; b < o.boards; b++) {
      const board = await target.newBoard();
      const clients: BenchClient[] = [];
      for (let i = 0; i < o.clientsPerBoard; i++) clients.push(connectClient(target, board));
      all.push(...clients);
      rooms.push({
        clients,
        title: () => {
          throw new Error('story not created yet');
        },
      });
    }
    await until(() => all.every((c) => c.synced), 120_000, `${all.length} sockets to sync`);
    for (const [b, room] of rooms.entries()) {
      const typist = room.clients[0]!;
      const id = createStory(typist.doc, { title: 'T', createdBy: 'bench' });
      room.title = () => getStoryMap(typist.doc, id)!.get('title') as Y.Text;
      for (const c of room.clients.slice(1)) {
        const watch = () => {
          const t = getStoryMap(c.doc, id)?.get('title');
          if (!t) return false;
          (t as Y.Text).observe((_ev, tr) => {
            if (tr.local) return;
            const at = sentAt.get(`${b}:${(t as Y.Text).length}`);
            if (at !== undefined) samples.push(performance.now() - at);
          });
          return true;
        };
        await until(watch, 30_000, 'story on every client');
      }
    }
    let measuring = false;
    let sent = 0;
    const period = 1000 / o.keysPerSec;
    const timers: NodeJS.Timeout[] = [];
    rooms.forEach((room, b) => {
      const type = () => {
        const text = room.title();
        const t0 = performance.now();
        text.insert(text.length, 'a');
        if (measuring) {
          sentAt.set(`${b}:${text.length}`, t0);
          sent += 1;
        }
      };
      // Spread the typists over the period so keystrokes arrive steadily, not in bursts.
      timers.push(setTimeout(() => timers.push(setInterval(type, period)), (period * b) / rooms.length));
    });
    await sleep(o.warmupMs);
    const driver = new DriverLoad();
    const cpu = new CpuMeter(target.pid);
    measuring = true;
    await sleep(o.durationMs);
    measuring = false;
    const serverCpu = cpu.read();
    const load = driver.stop();
    timers.forEach((t) => clearTimeout(t));
    const expected = sent * (o.clientsPerBoard - 1);
    await until(() => samples.length >= expected, 10_000, 'deliveries').catch(() => undefined);
    return {
      boards: o.boards,
      clientsPerBoard: o.clientsPerBoard,
      sockets: all.length,
      keysPerSec: o.keysPerSec * o.boards,
      latency: summarize(samples),
      missing: Math.max(0, expected - samples.length),
      driver: load,
      serverCpu,
      serverRssMiB: rssMiB(target.pid),
    };
  } finally {
    destroyAll(all);
  }
}
