import path from 'node:path';
import { bigBoard, uploadBoard } from '../lib/big-board';
import { DriverWorker } from '../lib/driver-worker';
import type { Target } from '../lib/servers';
import { CpuMeter } from '../lib/machine';
import { sleep } from '../lib/stats';
import type { FromWorker, ToWorker } from './storm-worker';

export interface StormResult {
  clients: number;
  stories: number;
  notes: number;
  /** driver worker processes the clients were split over */
  workers: number;
  /** reconnect → every provider synced again, on the coordinator's clock (includes IPC both ways) */
  allSyncedMs: number;
  /** reconnect → every client holds every change made by every client (coordinator's clock) */
  convergedMs: number;
  /** the same two, as the slowest worker measured on its own clock from receiving "reconnect" */
  workerSyncedMs: number;
  workerConvergedMs: number;
  changes: number;
  /** changes some client still lacks after the wait: must be 0 */
  lost: number;
  /** each worker's CPU share from reconnect until its clients converged (1 = one core) */
  driverCpu: number[];
  /** each worker's event-loop lag p99 over the same interval */
  driverLagP99Ms: number[];
  /** the restarted server's CPU share from reconnect until every worker reported */
  serverCpu: number;
}

export interface StormOptions {
  clients: number;
  stories: number;
  notes: number;
  workers: number;
  timeoutMs: number;
}

class Worker extends DriverWorker<ToWorker, FromWorker> {
  constructor() {
    super(path.join(__dirname, 'storm-worker.ts'));
  }
}

/**
 * `clients` clients on one board, split over `workers` driver processes, each add a note, drop their
 * connection at once and add another note offline while the server is killed and restarted; then
 * all reconnect in the same instant. This process only coordinates: it sends each command to every
 * worker at once and timestamps the workers' reports on its own clock.
 */
export async function reconnectStorm(target: Target, o: StormOptions): Promise<StormResult> {
  const board = await target.newBoard();
  await uploadBoard(target, board, bigBoard(o.stories, o.notes), o.notes);
  const workers = Array.from({ length: o.workers }, () => new Worker());
  try {
    const per = Math.ceil(o.clients / o.workers);
    workers.forEach((w, i) =>
      w.send({
        type: 'init',
        kind: target.kind,
        wsBase: target.wsBase,
        board,
        first: i * per,
        count: Math.max(0, Math.min(per, o.clients - i * per)),
      }),
    );
    await Promise.all(workers.map((w) => w.next('ready', 180_000)));
    for (const w of workers) w.send({ type: 'write' });
    const ids = (await Promise.all(workers.map((w) => w.next('written', 30_000)))).flatMap((m) => m.ids);
    await target.restart();
    await sleep(200);
    const server = new CpuMeter(target.pid);
    const t0 = performance.now();
    for (const w of workers) w.send({ type: 'reconnect', ids, timeoutMs: o.timeoutMs });
    const done = await Promise.all(workers.map((w) => w.next('done', o.timeoutMs + 30_000)));
    const serverCpu = server.read();
    const at = (type: FromWorker['type']) =>
      Math.max(...workers.map((w) => (w.arrivedAt.get(type) ?? NaN) - t0));
    const own = async (type: 'synced' | 'converged') => {
      const ms = await Promise.all(
        workers.map((w) =>
          w.next(type, 0).then(
            (m) => m.ms,
            () => NaN,
          ),
        ),
      );
      return Math.max(...ms);
    };
    return {
      clients: o.clients,
      stories: o.stories,
      notes: o.notes,
      workers: o.workers,
      allSyncedMs: at('synced'),
      convergedMs: at('converged'),
      workerSyncedMs: await own('synced'),
      workerConvergedMs: await own('converged'),
      changes: ids.length,
      lost: new Set(done.flatMap((d) => d.missing)).size,
      driverCpu: done.map((d) => d.cpu),
      driverLagP99Ms: done.map((d) => d.lagP99Ms),
      serverCpu,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop({ type: 'exit' })));
  }
}
