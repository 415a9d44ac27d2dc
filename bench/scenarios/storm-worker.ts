// One driver worker of the reconnect storm (bench/scenarios/storm.ts): a share of the storm's clients
// in their own process, so 200 replicas of the board no longer compete for one driver's event loop.
// It acts only on the coordinator's IPC commands; every time it reports is a delta on its own
// monotonic clock from the moment it received the coordinator's "reconnect" message.
import { addNote } from '../../lib/board/ops';
import { roots } from '../../lib/board/schema';
import { connectClient, type BenchClient } from '../lib/clients';
import { DriverLoad } from '../lib/machine';
import type { Board, Kind } from '../lib/servers';
import { until } from '../lib/stats';

export type ToWorker =
  | { type: 'init'; kind: Kind; wsBase: string; board: Board; first: number; count: number }
  | { type: 'write' }
  | { type: 'reconnect'; ids: string[]; timeoutMs: number }
  | { type: 'exit' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'written'; ids: string[] }
  | { type: 'synced'; ms: number }
  | { type: 'converged'; ms: number }
  | { type: 'done'; missing: string[]; cpu: number; lagP99Ms: number };

process.setMaxListeners(0); // every provider adds a process 'exit' listener
let clients: BenchClient[] = [];
let first = 0;
const tell = (m: FromWorker) => process.send!(m);

/** The story every client writes to: the same one in every replica (first id of the synced board). */
function storyOf(c: BenchClient): string {
  const ids = [...roots(c.doc).stories.keys()].sort();
  if (!ids[0]) throw new Error('board has no story');
  return ids[0];
}

function note(i: number, text: string): string {
  const c = clients[i]!;
  const n = first + i;
  return addNote(c.doc, { storyId: storyOf(c), kind: 'risk', text, authorId: `c${n}`, authorName: `C${n}` });
}

async function reconnect(ids: string[], timeoutMs: number) {
  const t0 = performance.now();
  const load = new DriverLoad();
  const synced = clients.map((c) => c.whenSynced());
  for (const c of clients) c.connect();
  void Promise.all(synced).then(() => tell({ type: 'synced', ms: performance.now() - t0 }));
  // Each client is checked until it has everything, then no more: a tight poll over every doc
  // would itself eat the CPU of the storm it measures.
  const pending = new Set(clients);
  await until(
    () => {
      for (const c of pending) {
        const notes = roots(c.doc).notes;
        if (ids.every((id) => notes.has(id))) pending.delete(c);
      }
      return pending.size === 0;
    },
    timeoutMs,
    'convergence',
    50,
  )
    .then(() => tell({ type: 'converged', ms: performance.now() - t0 }))
    .catch(() => undefined);
  const { cpu, lagP99Ms } = load.stop();
  const missing = new Set<string>();
  for (const c of clients) {
    const notes = roots(c.doc).notes;
    for (const id of ids) if (!notes.has(id)) missing.add(id);
  }
  tell({ type: 'done', missing: [...missing], cpu, lagP99Ms });
}

process.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'init': {
      first = m.first;
      const target = { kind: m.kind, wsBase: m.wsBase };
      for (let i = 0; i < m.count; i++) clients.push(connectClient(target, m.board));
      void until(() => clients.every((c) => c.synced), 120_000, 'worker clients to sync').then(
        () => tell({ type: 'ready' }),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
      return;
    }
    case 'write': {
      // A change each just before the drop, the drop, then a change each made offline.
      const ids = clients.map((_, i) => note(i, `Written just before the restart by ${first + i}`));
      for (const c of clients) c.disconnect();
      clients.forEach((_, i) => ids.push(note(i, `Written offline by ${first + i}`)));
      return tell({ type: 'written', ids });
    }
    case 'reconnect':
      return void reconnect(m.ids, m.timeoutMs);
    case 'exit':
      for (const c of clients) c.destroy();
      clients = [];
      process.exit(0);
  }
});
