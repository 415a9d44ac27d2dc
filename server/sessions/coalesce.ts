/**
 * Coalesces work per board: however many times a board is scheduled within `intervalMs`, `flush`
 * runs once for it at the end of that tick. The session channel uses it so a burst of events sends
 * each socket one state message per tick instead of one per event (issue #15: 40 view sockets x 10
 * `follow:set` used to send 364.8 MiB).
 */
export class BoardCoalescer {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (boardId: string) => Promise<void>,
    private readonly onError: (err: unknown, boardId: string) => void,
  ) {}

  schedule(boardId: string): void {
    if (this.pending.has(boardId)) return;
    const t = setTimeout(() => {
      this.pending.delete(boardId);
      this.flush(boardId).catch((err: unknown) => this.onError(err, boardId));
    }, this.intervalMs);
    t.unref(); // a pending tick never keeps the process alive
    this.pending.set(boardId, t);
  }

  /** Drops a board's pending tick (its sockets are gone). */
  cancel(boardId: string): void {
    clearTimeout(this.pending.get(boardId));
    this.pending.delete(boardId);
  }

  stop(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
