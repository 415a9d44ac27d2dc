import * as Y from 'yjs';
import type { RawData } from 'ws';
import type { Role } from '../../lib/board/types';
import { CLOSE, encodePermissionDenied, encodePersistedAck } from '../../lib/realtime/wire';
import type { StoredDoc } from '../store/store';
import type { Pending, RoomDeps } from './room-deps';
import { closeConn, send, toBytes, type Conn } from './connection';
import { REMOTE_ORIGIN, RoomPresence } from './room-presence';
import { applyStored, foldUpdates } from './fold';
import { RoomPeers } from './room-peers';
import { Step2Cache } from './step2-cache';
import {
  ProtocolError,
  decodeMessage,
  type Inbound,
  encodeSyncStep1,
  encodeUpdate,
  inspectUpdate,
} from './protocol';

export const SERVER_ORIGIN = 'server';
export { REMOTE_ORIGIN };
export type { RoomDeps };

/**
 * One live board. The invariant that makes the product safe: no client ever sees state the store
 * does not hold. An inbound update is checked and applied to the room's doc; what Yjs actually
 * integrated (its own re-encoding, so garbage can never reach the store) is appended to the store —
 * batched per event-loop turn, one transaction — and only then relayed and acknowledged. Sync-step-2
 * answers are computed only at a clean point (nothing applied-but-unstored); while one waits, new
 * updates are held back, so the wait is at most one store write.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly presence: RoomPresence;
  /** live connections, and relays held for those still waiting for their sync answer */
  readonly peers = new RoomPeers();
  /** sync-step-2 answers, valid until the doc next changes */
  private readonly step2 = new Step2Cache(this.doc);
  /** the stored snapshot, while it is not yet applied to the doc (see applyDeferred) */
  private deferred: Uint8Array | null = null;
  /** client messages that arrived before the deferred snapshot was applied, in order */
  private early: { conn: Conn; msg: Inbound }[] = [];
  /** joins in progress (gate passed, socket not yet attached): keeps the room from unloading */
  holds = 0;
  /** applied to the doc, not yet stored: never relayed or answered from until stored */
  private pending: Pending[] = [];
  /** connections with processed messages not yet acknowledged */
  private unacked = new Set<Conn>();
  private flushScheduled = false;
  private flushing = false;
  /** sync-step-2 answers waiting for a clean point */
  private step2Waiters: (() => void)[] = [];
  /** updates held back while step-2 answers wait */
  private held: { conn: Conn; update: Uint8Array }[] = [];
  private cleanWaiters: (() => void)[] = [];
  private logCount = 0;
  private logBytes = 0;
  private docBytes = 0;
  closed = false;
  private failed = false;
  private discarded = false;

  constructor(
    readonly boardId: string,
    stored: StoredDoc,
    private readonly deps: RoomDeps,
  ) {
    if (stored.snapshot && stored.updates.length === 0) {
      // The store holds exactly one snapshot: it IS the answer to an empty state vector, so a fresh
      // client can have it before the snapshot is integrated into the doc (applyDeferred).
      this.deferred = stored.snapshot;
      this.step2.seedFullState(stored.snapshot);
    } else {
      const bad = applyStored(this.doc, stored.snapshot, stored.updates, deps.log.child({ boardId }));
      if (bad > 0) deps.log.warn({ boardId, bad }, 'board loaded with unreadable updates skipped');
    }
    this.logCount = stored.updates.length;
    this.logBytes = stored.updates.reduce((n, u) => n + u.byteLength, 0);
    this.docBytes = (stored.snapshot?.byteLength ?? 0) + this.logBytes;
    this.presence = new RoomPresence(this.doc, {
      boardId,
      maxAwarenessBytes: deps.config.limits.maxAwarenessBytes,
      fanout: deps.fanout,
      broadcast: (msg) => this.peers.broadcast(msg, null),
    });
    if (!this.deferred) this.doc.on('update', this.onDocUpdate);
  }

  /**
   * Integrates a deferred snapshot into the doc (the ~100 ms of a cold load of a large board).
   * Everything that reads or changes the doc calls this first; client messages other than an
   * empty-vector step 1 wait in `early` until it has run, so they see the doc whole.
   */
  applyDeferred(): void {
    const snapshot = this.deferred;
    if (!snapshot) return;
    this.deferred = null;
    const bad = applyStored(this.doc, snapshot, [], this.deps.log.child({ boardId: this.boardId }));
    if (bad > 0) {
      this.deps.log.warn({ boardId: this.boardId, bad }, 'board loaded with an unreadable snapshot skipped');
      this.step2.clear();
    }
    this.doc.on('update', this.onDocUpdate);
    const step1 = encodeSyncStep1(this.doc);
    for (const c of this.peers.conns.values()) send(c, step1);
    for (const { conn, msg } of this.early.splice(0))
      if (this.peers.conns.has(conn.ws)) this.guard(conn, () => this.dispatch(conn, msg));
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    this.step2.clear();
    if (origin === REMOTE_ORIGIN) {
      this.peers.relayUpdate(encodeUpdate(update), null); // stored by the instance that received it
      return;
    }
    this.pending.push({ origin, update });
    this.scheduleFlush();
  };

  /** Who was on the board and when (for the session summary), from presence. */
  get attendees() {
    return this.presence.attendees;
  }

  addConn(conn: Conn): void {
    if (this.peers.conns.size >= this.deps.config.limits.maxConnectionsPerBoard) {
      closeConn(conn, CLOSE.tooManyConnections, 'too many connections on this board');
      return;
    }
    this.peers.add(conn);
    conn.ws.on('message', (data: RawData) => this.onMessage(conn, data));
    conn.ws.on('close', () => this.removeConn(conn));
    conn.ws.on('error', () => conn.ws.terminate());
    conn.ws.on('pong', () => (conn.missedPongs = 0));
    // Like the reference server: ask for what the client has (once the doc is whole: the vector is
    // the doc's), and show who is here.
    if (!this.deferred) send(conn, encodeSyncStep1(this.doc));
    const present = this.presence.snapshot();
    if (present) send(conn, present);
  }

  private removeConn(conn: Conn) {
    if (!this.peers.remove(conn)) return;
    this.presence.leave(conn);
    if (this.peers.conns.size === 0) this.deps.onEmpty(this);
  }

  private onMessage(conn: Conn, raw: RawData) {
    this.guard(conn, () => {
      if (!conn.bucket.take()) return closeConn(conn, CLOSE.rateLimited, 'rate limit exceeded');
      const buf = toBytes(raw);
      if (buf.byteLength > this.deps.config.limits.maxMessageBytes) {
        return closeConn(conn, CLOSE.tooLarge, 'message too large');
      }
      const msg = decodeMessage(buf);
      if (this.deferred) this.beforeApplied(conn, msg);
      else this.dispatch(conn, msg);
    });
  }

  /** Whatever a client's message makes throw cuts that client off, never the room. */
  private guard(conn: Conn, handle: () => void) {
    try {
      handle();
    } catch (err) {
      if (err instanceof ProtocolError) return closeConn(conn, CLOSE.malformed, err.message);
      this.deps.log.error({ err, boardId: this.boardId, connId: conn.id }, 'error handling sync message');
      closeConn(conn, CLOSE.malformed, 'message could not be processed');
    }
  }

  /**
   * A fresh client's first message is step 1 with an empty state vector: answered at once from the
   * stored snapshot, then the doc is integrated. Anything else waits for the doc; the integration
   * runs in a later turn so the answer's bytes are already written to the socket.
   */
  private beforeApplied(conn: Conn, msg: Inbound) {
    const answer = msg.type === 'step1' ? this.step2.cached(msg.stateVector) : undefined;
    if (answer) {
      send(conn, answer);
      this.peers.answered(conn);
    } else this.early.push({ conn, msg });
    setImmediate(() => {
      if (!this.closed) this.applyDeferred();
    });
  }

  private dispatch(conn: Conn, msg: Inbound) {
    switch (msg.type) {
      case 'step1':
        return this.answerStep1(conn, msg.stateVector);
      case 'update':
        return this.receiveUpdate(conn, msg.update);
      case 'awareness':
        return this.presence.receive(conn, msg.update);
      case 'query-awareness': {
        const present = this.presence.snapshot();
        return present ? send(conn, present) : undefined;
      }
      case 'auth':
        return; // clients have nothing to say on the auth channel
    }
  }

  private get clean(): boolean {
    return this.pending.length === 0 && !this.flushing;
  }

  private answerStep1(conn: Conn, stateVector: Uint8Array) {
    const reply = () => {
      if (this.closed) return;
      send(conn, this.step2.answer(stateVector));
      this.peers.answered(conn);
    };
    if (this.clean) reply();
    else this.step2Waiters.push(reply);
  }

  private receiveUpdate(conn: Conn, update: Uint8Array) {
    if (this.step2Waiters.length > 0) {
      this.held.push({ conn, update });
      return;
    }
    this.applyFrom(conn, update);
  }

  private applyFrom(conn: Conn, update: Uint8Array) {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    try {
      const { hasContent } = inspectUpdate(update);
      if (hasContent && conn.role === 'view') {
        send(conn, encodePermissionDenied('This is a view-only link: changes are not saved.'));
      } else if (hasContent) {
        if (this.docBytes + update.byteLength > this.deps.config.limits.maxDocBytes) {
          send(conn, encodePermissionDenied('This board has reached its size limit.'));
          return closeConn(conn, CLOSE.docTooLarge, 'board document size limit reached');
        }
        try {
          Y.applyUpdate(this.doc, update, conn);
        } catch (err) {
          // Whatever Yjs integrated before throwing is in `pending`, re-encoded by Yjs, and is
          // stored and relayed like any other change; the sender is cut off.
          this.deps.log.warn({ err, boardId: this.boardId, connId: conn.id }, 'update failed to apply');
          return closeConn(conn, CLOSE.malformed, 'update could not be applied');
        }
      }
      conn.persisted += 1;
      this.unacked.add(conn);
      this.scheduleFlush();
    } catch (err) {
      if (err instanceof ProtocolError) return closeConn(conn, CLOSE.malformed, err.message);
      throw err;
    }
  }

  private scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate batches everything read in this event-loop turn into one transaction.
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.closed) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0 || this.unacked.size > 0) {
        const batch = this.pending.splice(0);
        const acks = [...this.unacked].map((c) => [c, c.persisted] as const);
        this.unacked.clear();
        try {
          await this.deps.store.appendUpdates(
            this.boardId,
            batch.map((p) => p.update),
          );
        } catch (err) {
          return this.fail(err);
        }
        for (const p of batch) {
          this.logCount += 1;
          this.logBytes += p.update.byteLength;
          this.docBytes += p.update.byteLength;
        }
        if (batch.length > 0) {
          const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
          this.peers.relayBatch(
            encodeUpdate(merged),
            batch.map((p) => p.origin),
          );
          this.deps.fanout?.publish(this.boardId, 'update', merged);
        }
        for (const [c, n] of acks) send(c, encodePersistedAck(n));
      }
      const cfg = this.deps.config;
      if (this.logCount >= cfg.compactAfterUpdates || this.logBytes >= cfg.compactAfterBytes)
        await this.compact();
    } finally {
      this.flushing = false;
    }
    // Updates that arrived during an async compaction found `flushing` set and returned: flush again.
    if (this.pending.length > 0 || this.unacked.size > 0) this.scheduleFlush();
    else this.atCleanPoint();
  }

  /** Nothing applied-but-unstored: answer waiting sync requests, then let held updates in. */
  private atCleanPoint() {
    if (!this.clean || this.closed) return;
    for (const reply of this.step2Waiters.splice(0)) reply();
    for (const resolve of this.cleanWaiters.splice(0)) resolve();
    for (const h of this.held.splice(0)) this.applyFrom(h.conn, h.update);
  }

  /** Resolves once everything applied so far is stored and relayed. */
  whenClean(): Promise<void> {
    if (this.clean) return Promise.resolve();
    return new Promise((resolve) => this.cleanWaiters.push(resolve));
  }

  /** Server-side edit (accept estimate, mark promoted): the same store-then-relay path as clients'. */
  async serverEdit(edit: (doc: Y.Doc) => void): Promise<void> {
    if (this.closed) throw new Error('room closed');
    this.applyDeferred();
    this.doc.transact(() => edit(this.doc), SERVER_ORIGIN);
    await this.whenClean();
    if (this.failed) throw new Error('storage unavailable');
  }

  private async compact() {
    try {
      const r = await this.deps.store.compact(this.boardId, foldUpdates);
      this.logCount = 0;
      this.logBytes = 0;
      this.docBytes = r.snapshotBytes;
      this.deps.log.debug({ boardId: this.boardId, ...r }, 'compacted');
    } catch (err) {
      // The log is intact; compaction is retried after the next threshold.
      this.deps.log.error({ err, boardId: this.boardId }, 'compaction failed');
    }
  }

  /** The store refused a write: nothing unstored may be relayed, so everyone reconnects to a fresh room. */
  private fail(err: unknown) {
    this.deps.log.error({ err, boardId: this.boardId }, 'store write failed; closing room');
    this.pending = [];
    this.held = [];
    this.failed = true;
    this.closed = true;
    for (const resolve of this.cleanWaiters.splice(0)) resolve();
    this.closeAll(CLOSE.storeUnavailable, 'storage unavailable, reconnecting');
    this.deps.onEmpty(this);
  }

  closeAll(code: number, reason: string): void {
    for (const c of [...this.peers.conns.values()]) closeConn(c, code, reason);
  }

  closeRole(role: Role, code: number, reason: string): void {
    for (const c of [...this.peers.conns.values()]) if (c.role === role) closeConn(c, code, reason);
  }

  /** Waits for queued writes, folds the log into a snapshot, releases memory. */
  async unload(): Promise<void> {
    await this.whenClean();
    this.closed = true;
    await this.deps.unsubscribe?.().catch(() => undefined);
    if (this.logCount > 0) await this.compact();
    this.doc.off('update', this.onDocUpdate);
    this.presence.destroy();
    this.doc.destroy();
  }

  /** Stops without compacting (store gone or board deleted). */
  discard(): void {
    if (this.discarded) return;
    this.discarded = true;
    this.closed = true;
    this.pending = [];
    this.held = [];
    void this.deps.unsubscribe?.().catch(() => undefined);
    this.presence.destroy();
    this.doc.destroy();
  }
}
