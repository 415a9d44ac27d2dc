import type { Config } from '../config';
import type { Logger } from '../log';
import type { BoardRegistry, DocumentLog } from '../store/store';
import { Room } from './room';
import { roomLimits } from './room-deps';
import { applyRemote, resyncFromStore } from './room-remote';
import type { Fanout, FanoutMessage, Revocation } from '../scale/fanout';
import { CLOSE } from '../../lib/realtime/wire';

/** How long a revocation is remembered for connections still between the gate and attaching. */
const REVOCATION_MEMORY_MS = 60_000;
export const REVOKE_REASONS = {
  rotated: 'This link was replaced by the board owner.',
  deleted: 'This board was deleted by its owner.',
} as const;

/**
 * At most one live Room per board in this process. Concurrent first connections share one load;
 * a room unloads (flush + compact) a grace period after its last connection leaves, and a join
 * that arrives while it unloads waits for that to finish, then loads afresh.
 */
export class RoomManager {
  private rooms = new Map<string, Promise<Room>>();
  private unloading = new Map<string, Promise<void>>();
  private timers = new Map<string, NodeJS.Timeout>();
  readonly stats = { loads: 0, unloads: 0 };
  /** revocations seen lately (local and from other instances), numbered in arrival order */
  private revocations: { seq: number; at: number; r: Revocation }[] = [];
  private revocationSeq = 0;
  private deletedCbs: ((boardId: string) => void)[] = [];

  constructor(
    private readonly store: DocumentLog,
    private readonly config: Config,
    private readonly log: Logger,
    private readonly fanout?: Fanout,
  ) {
    fanout?.onRevocation((r) => void this.revokeHere(r));
    fanout?.onRecover(() => {
      void this.all().then((rooms) =>
        Promise.all(
          rooms.map((r) =>
            resyncFromStore(r, this.store, this.log).catch((err: unknown) =>
              this.log.error({ err, boardId: r.boardId }, 'resync failed'),
            ),
          ),
        ),
      );
    });
  }

  /**
   * Returns the board's room with a hold on it (Room.hold); call `release` once done with it.
   * The room's doc is whole, except with `forSync`: the sync upgrade lets a freshly loaded room
   * answer a fresh client from the stored snapshot before integrating it (Room.applyDeferred).
   */
  async acquire(boardId: string, opts: { forSync?: boolean } = {}): Promise<Room> {
    for (;;) {
      let entry = this.rooms.get(boardId);
      if (!entry) {
        entry = this.load(boardId);
        this.rooms.set(boardId, entry);
        entry.catch(() => this.rooms.delete(boardId));
      }
      const room = await entry;
      if (room.state !== 'open') {
        if (this.rooms.get(boardId) === entry) this.rooms.delete(boardId);
        continue;
      }
      room.hold();
      this.cancelUnload(boardId);
      if (!opts.forSync) room.applyDeferred();
      return room;
    }
  }

  release(room: Room): void {
    room.release();
    if (room.idle && room.state === 'open') this.scheduleUnload(room);
  }

  /** Runs `fn` on the board's whole room, held until `fn` settles (the HTTP API's and sessions' reads and edits). */
  async withRoom<T>(boardId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      return await fn(room);
    } finally {
      this.release(room);
    }
  }

  /**
   * Subscribes to the board's fan-out channel *before* reading the store and buffers what arrives,
   * so no update from another instance can fall between the read and the subscription.
   */
  private async load(boardId: string): Promise<Room> {
    await this.unloading.get(boardId);
    let room: Room | null = null;
    const early: FanoutMessage[] = [];
    const unsubscribe = this.fanout
      ? await this.fanout.subscribe(boardId, (m) => (room ? applyRemote(room, m, this.log) : early.push(m)))
      : undefined;
    let stored;
    try {
      stored = await this.store.loadDoc(boardId);
    } catch (err) {
      await unsubscribe?.();
      throw err;
    }
    this.stats.loads += 1;
    const loaded = new Room(boardId, stored, {
      store: this.store,
      limits: roomLimits(this.config),
      log: this.log,
      onEmpty: (r) => this.onEmpty(r),
      fanout: this.fanout,
      unsubscribe,
    });
    for (const m of early) applyRemote(loaded, m, this.log);
    room = loaded;
    return loaded;
  }

  private onEmpty(room: Room) {
    if (room.state === 'failed') {
      // Drop it now; its doc may hold changes the store lacks, so the next join loads afresh.
      this.forget(room);
      room.discard();
      return;
    }
    if (room.idle && room.state === 'open') this.scheduleUnload(room);
  }

  private scheduleUnload(room: Room) {
    this.cancelUnload(room.boardId);
    const t = setTimeout(() => void this.unload(room), this.config.roomGraceMs);
    t.unref();
    this.timers.set(room.boardId, t);
  }

  private cancelUnload(boardId: string) {
    const t = this.timers.get(boardId);
    if (t) clearTimeout(t);
    this.timers.delete(boardId);
  }

  private forget(room: Room) {
    this.cancelUnload(room.boardId);
    const entry = this.rooms.get(room.boardId);
    if (entry)
      void entry.then(
        (r) => r === room && this.rooms.get(room.boardId) === entry && this.rooms.delete(room.boardId),
      );
  }

  private async unload(room: Room): Promise<void> {
    this.timers.delete(room.boardId);
    if (!room.idle || room.state !== 'open') return;
    const entry = this.rooms.get(room.boardId);
    if (entry) this.rooms.delete(room.boardId);
    const p = room
      .unload()
      .catch((err: unknown) => this.log.error({ err, boardId: room.boardId }, 'unload failed'));
    this.unloading.set(room.boardId, p);
    await p;
    if (this.unloading.get(room.boardId) === p) this.unloading.delete(room.boardId);
    this.stats.unloads += 1;
  }

  /** The live room for a board, if loaded (no load is triggered). */
  async peek(boardId: string): Promise<Room | null> {
    const entry = this.rooms.get(boardId);
    if (!entry) return null;
    const room = await entry.catch(() => null);
    return room && room.state === 'open' ? room : null;
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Every live room (for heartbeat and shutdown). */
  async all(): Promise<Room[]> {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => null)));
    return rooms.filter((r): r is Room => r !== null && r.state === 'open');
  }

  /**
   * A key revoked or the board deleted: cut off who it concerns here (4410/4411) and tell every
   * other instance, which does the same. Resolves once Redis took the message.
   */
  async revoke(r: Revocation): Promise<void> {
    await this.revokeHere(r);
    await this.fanout?.publishRevocation(r);
  }

  private async revokeHere(r: Revocation): Promise<void> {
    const now = Date.now();
    this.revocations = this.revocations.filter((e) => now - e.at < REVOCATION_MEMORY_MS);
    this.revocations.push({ seq: ++this.revocationSeq, at: now, r });
    if (r.kind === 'deleted') {
      await this.evict(r.boardId, CLOSE.boardDeleted, REVOKE_REASONS.deleted);
      for (const cb of this.deletedCbs) cb(r.boardId);
      return;
    }
    (await this.peek(r.boardId))?.revokeKey(r.role, r.keyHash, CLOSE.linkRotated, REVOKE_REASONS.rotated);
  }

  /**
   * Re-reads the keys of every live room's board and applies any revocation this instance missed
   * (Redis pub/sub delivers at most once: a rotation or delete made on another instance while
   * Redis was down, or while this one was cut off, never arrives). Run when Redis comes back and
   * every KEY_RECHECK_MS while scaled out.
   */
  async recheckKeys(registry: BoardRegistry): Promise<void> {
    for (const room of await this.all()) {
      const board = await registry.getBoard(room.boardId);
      if (!board) {
        this.log.warn({ boardId: room.boardId }, 'missed revocation: board deleted elsewhere');
        await this.revokeHere({ boardId: room.boardId, kind: 'deleted' });
        continue;
      }
      const n = room.revokeStale(board.keyHashes, CLOSE.linkRotated, REVOKE_REASONS.rotated);
      if (n > 0)
        this.log.warn({ boardId: room.boardId, closed: n }, 'missed revocation: link rotated elsewhere');
    }
  }

  /** Called on every instance once a deleted board's room here is gone (to purge late rows). */
  onBoardDeleted(cb: (boardId: string) => void): void {
    this.deletedCbs.push(cb);
  }

  /** Taken before a gate check: `revokedSince` then tells what was revoked after it. */
  revocationMark(): number {
    return this.revocationSeq;
  }

  /** A revocation since `mark` that concerns a connection admitted with `keyHash`, if any. */
  revokedSince(mark: number, boardId: string, keyHash: string): Revocation | null {
    for (const { seq, r } of this.revocations)
      if (seq > mark && r.boardId === boardId && (r.kind === 'deleted' || r.keyHash === keyHash)) return r;
    return null;
  }

  /** Board deleted: close everyone and drop the room without writing. */
  async evict(boardId: string, code: number, reason: string): Promise<void> {
    const room = await this.peek(boardId);
    if (!room) return;
    this.forget(room);
    room.closeAll(code, reason);
    room.discard();
  }

  /** Graceful shutdown: close sockets so clients reconnect elsewhere, store everything, compact. */
  async shutdown(code: number, reason: string): Promise<void> {
    const rooms = await this.all();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const r of rooms) r.closeAll(code, reason);
    await Promise.all(rooms.map((r) => r.unload().catch(() => undefined)));
    this.rooms.clear();
  }
}
