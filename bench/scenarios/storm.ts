import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { bigBoard, uploadBoard } from '../lib/big-board';
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

/** A forked worker with a queue of its messages, so the coordinator can await the next of a type. */
class Worker {
  private readonly proc: ChildProcess;
  private readonly inbox: FromWorker[] = [];
  private wake: (() => void) | null = null;
  /** coordinator time (performance.now()) at which each message type last arrived */
  readonly arrivedAt = new Map<FromWorker['type'], number>();

  constructor() {
    this.proc = fork(path.join(__dirname, 'storm-worker.ts'), [], {
      // BENCH_CPU_PROF=<dir> profiles the driver workers too (written when they exit).
      execArgv: process.env.BENCH_CPU_PROF
        ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (m: FromWorker) => {
      this.arrivedAt.set(m.type, performance.now());
      this.inbox.push(m);
      this.wake?.();
    });
    this.proc.on('exit', (code) => {
      if (code !== 0) this.inbox.push({ type: 'done', missing: ['worker exited'], cpu: NaN, lagP99Ms: NaN });
      this.wake?.();
    });
  }

  send(m: ToWorker): void {
    this.proc.send(m);
  }

  async next<T extends FromWorker['type']>(
    type: T,
    timeoutMs: number,
  ): Promise<Extract<FromWorker, { type: T }>> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const i = this.inbox.findIndex(
        (m) => m.type === type || (m.type === 'done' && m.missing[0] === 'worker exited'),
      );
      if (i >= 0) {
        const m = this.inbox.splice(i, 1)[0]!;
        if (m.type !== type) throw new Error('storm worker exited');
        return m as Extract<FromWorker, { type: T }>;
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`storm worker: timed out waiting for ${type}`);
      await new Promise<void>((r) => {
        this.wake = r;
        setTimeout(r, left);
      });
      this.wake = null;
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      this.send({ type: 'exit' });
    });
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
    await Promise.all(workers.map((w) => w.stop()));
  }
}
