import { fork, type ChildProcess } from 'node:child_process';

/**
 * A forked driver process (a share of a scenario's clients) with a queue of its messages, so the
 * coordinator can await the next message of a type and know, on its own clock, when it arrived.
 */
export class DriverWorker<To extends { type: string }, From extends { type: string }> {
  private readonly proc: ChildProcess;
  private readonly inbox: From[] = [];
  private wake: (() => void) | null = null;
  private exitedWith: number | null = null;
  /** coordinator time (performance.now()) at which each message type last arrived */
  readonly arrivedAt = new Map<From['type'], number>();

  constructor(script: string) {
    this.proc = fork(script, [], {
      // BENCH_CPU_PROF=<dir> profiles the driver workers too (written when they exit).
      execArgv: process.env.BENCH_CPU_PROF
        ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (m: From) => {
      this.arrivedAt.set(m.type, performance.now());
      this.inbox.push(m);
      this.wake?.();
    });
    this.proc.on('exit', (code) => {
      this.exitedWith = code ?? 1;
      this.wake?.();
    });
  }

  send(m: To): void {
    this.proc.send(m);
  }

  async next<T extends From['type']>(type: T, timeoutMs: number): Promise<Extract<From, { type: T }>> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const i = this.inbox.findIndex((m) => m.type === type);
      if (i >= 0) return this.inbox.splice(i, 1)[0] as Extract<From, { type: T }>;
      if (this.exitedWith !== null) throw new Error(`driver worker exited (${this.exitedWith})`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`driver worker: timed out waiting for ${type}`);
      await new Promise<void>((r) => {
        this.wake = r;
        setTimeout(r, left);
      });
      this.wake = null;
    }
  }

  /** Asks the worker to exit (it must handle `{ type: 'exit' }`); kills it after 5 s. */
  stop(exit: To): Promise<void> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null || this.exitedWith !== null) return resolve();
      const t = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      this.send(exit);
    });
  }
}
