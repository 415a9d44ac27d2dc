// One driver worker of the propagation scenario (bench/scenarios/propagation.ts): a share of the
// board's clients, among them a share of the writers, in their own process. Latency is measured only
// from this worker's writers to this worker's readers, so writer and reader read the same monotonic
// clock; every client still receives every note, so the server's load is the same as with one driver.
import { createStory } from '../../lib/board/ops';
import { roots } from '../../lib/board/schema';
import { connectClient, type BenchClient } from '../lib/clients';
import type { Board, Kind } from '../lib/servers';
import { until } from '../lib/stats';
import { timeNotes, type PropagationOptions } from './propagation';

export type ToPropWorker =
  | { type: 'init'; kind: Kind; wsBase: string; board: Board; count: number }
  | { type: 'story' }
  | { type: 'await-story'; storyId: string }
  | {
      type: 'run';
      storyId: string;
      opts: PropagationOptions;
      /** this worker's writers, as positions among all writers (for staggering) */
      writerSlots: number[];
      totalWriters: number;
    }
  | { type: 'exit' };

export type FromPropWorker =
  | { type: 'ready' }
  | { type: 'story'; storyId: string }
  | { type: 'has-story' }
  | {
      type: 'done';
      samples: number[];
      missing: number;
      cpu: number;
      lagP99Ms: number;
      lagMaxMs: number;
    };

process.setMaxListeners(0); // every provider adds a process 'exit' listener
let clients: BenchClient[] = [];
const tell = (m: FromPropWorker) => process.send!(m);
const fail = (err: unknown) => {
  console.error(err);
  process.exit(1);
};

async function run(m: Extract<ToPropWorker, { type: 'run' }>) {
  const { samples, missing, load } = await timeNotes(
    clients,
    m.storyId,
    m.opts,
    m.writerSlots,
    m.totalWriters,
  );
  tell({ type: 'done', samples, missing, ...load });
}

process.on('message', (m: ToPropWorker) => {
  switch (m.type) {
    case 'init': {
      const target = { kind: m.kind, wsBase: m.wsBase };
      for (let i = 0; i < m.count; i++) clients.push(connectClient(target, m.board));
      return void until(() => clients.every((c) => c.synced), 120_000, 'worker clients to sync').then(
        () => tell({ type: 'ready' }),
        fail,
      );
    }
    case 'story': {
      const storyId = createStory(clients[0]!.doc, { title: 'Bench story', createdBy: 'bench' });
      return tell({ type: 'story', storyId });
    }
    case 'await-story':
      return void until(
        () => clients.every((c) => roots(c.doc).stories.has(m.storyId)),
        30_000,
        'story everywhere',
      ).then(() => tell({ type: 'has-story' }), fail);
    case 'run':
      return void run(m).catch(fail);
    case 'exit':
      for (const c of clients) c.destroy();
      clients = [];
      process.exit(0);
  }
});
