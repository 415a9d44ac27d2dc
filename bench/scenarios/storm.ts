import { addNote } from '../../lib/board/ops';
import { roots } from '../../lib/board/schema';
import { bigBoard, uploadBoard } from '../lib/big-board';
import { connectMany, destroyAll } from '../lib/clients';
import { sharedStory } from './propagation';
import type { Target } from '../lib/servers';
import { CpuMeter, DriverLoad } from '../lib/machine';
import { sleep, until } from '../lib/stats';

export interface StormResult {
  clients: number;
  stories: number;
  notes: number;
  /** reconnect → every provider synced again */
  allSyncedMs: number;
  /** reconnect → every client holds every change made by every client */
  convergedMs: number;
  changes: number;
  /** changes some client still lacks after the wait: must be 0 */
  lost: number;
  /** this process's CPU share during the storm (1 = one core): the clients' own work */
  driverCpu: number;
  /** the restarted server's CPU share over the same interval */
  serverCpu: number;
}

export interface StormOptions {
  clients: number;
  stories: number;
  notes: number;
  timeoutMs: number;
}

/**
 * `clients` clients on one board each add a note, drop their connection at once (and add another
 * note offline) while the server is killed and restarted; then all reconnect in the same instant.
 */
export async function reconnectStorm(target: Target, o: StormOptions): Promise<StormResult> {
  const board = await target.newBoard();
  await uploadBoard(target, board, bigBoard(o.stories, o.notes), o.notes);
  const clients = await connectMany(target, board, o.clients, 120_000);
  try {
    const storyId = await sharedStory(clients);
    const ids: string[] = [];
    const note = (i: number, text: string) =>
      ids.push(
        addNote(clients[i]!.doc, { storyId, kind: 'risk', text, authorId: `c${i}`, authorName: `C${i}` }),
      );
    clients.forEach((_, i) => note(i, `Written just before the restart by ${i}`));
    for (const c of clients) c.disconnect();
    clients.forEach((_, i) => note(i, `Written offline by ${i}`));
    await target.restart();
    await sleep(200);
    const driver = new DriverLoad();
    const server = new CpuMeter(target.pid);
    const t0 = performance.now();
    const synced = clients.map((c) => c.whenSynced());
    for (const c of clients) c.connect();
    const syncedAt = await Promise.race([
      Promise.all(synced).then((ts) => Math.max(...ts)),
      sleep(o.timeoutMs).then(() => NaN),
    ]);
    // Check each client until it has everything, then stop checking it: a tight poll over 200
    // docs × 400 notes would itself eat the driver's CPU and slow the storm it measures.
    const pending = new Set(clients);
    let convergedMs = NaN;
    await until(
      () => {
        for (const c of pending) {
          const notes = roots(c.doc).notes;
          if (ids.every((id) => notes.has(id))) pending.delete(c);
        }
        return pending.size === 0;
      },
      o.timeoutMs,
      'convergence',
      50,
    )
      .then(() => (convergedMs = performance.now() - t0))
      .catch(() => undefined);
    const driverCpu = driver.stop().cpu;
    const serverCpu = server.read();
    const lost = new Set<string>();
    for (const c of clients) {
      const notes = roots(c.doc).notes;
      for (const id of ids) if (!notes.has(id)) lost.add(id);
    }
    return {
      clients: o.clients,
      stories: o.stories,
      notes: o.notes,
      allSyncedMs: syncedAt - t0,
      convergedMs,
      changes: ids.length,
      lost: lost.size,
      driverCpu,
      serverCpu,
    };
  } finally {
    destroyAll(clients);
  }
}
