import * as Y from 'yjs';
import type { RawData } from 'ws';
import type { Role } from '../../lib/board/types';
import { CLOSE, encodePersistedAck } from '../../lib/realtime/wire';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { Store, StoredDoc } from '../store/store';
import type { Fanout, FanoutMessage } from '../scale/fanout';
import { closeConn, send, type Conn } from './connection';
import { REMOTE_ORIGIN, RoomPresence } from './room-presence';
import { applyStored, foldUpdates } from './fold';
import { Step2Cache } from './step2-cache';
import {
  ProtocolError,
  decodeMessage,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeUpdate,
  inspectUpdate,
} from './protocol';

export const SERVER_ORIGIN = 'server';
export { REMOTE_ORIGIN };

interface Pending {
  /** the connection whose message produced it, SERVER_ORIGIN, or REMOTE_ORIGIN */
  origin: unknown;
  /** Yjs's own encoding of what was integrated: always well-formed, whatever the client sent */
  update: Uint8Array;
}

export interface RoomDeps {
  store: Store;
  config: Config;
  log: Logger;
  onEmpty: (room: Room) => void;
  /** present when scaled out: stored updates and awareness go to the other instances */
  fanout?: Fanout;
  unsubscribe?: () => Promise<void>;
}

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
  readonly conns = new Map<Conn['ws'], Conn>();
  /** sync-step-2 answers, valid until the doc next changes */
  private readonly step2 = new Step2Cache(this.doc);
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
    const bad = applyStored(this.doc, stored.snapshot, stored.updates, deps.log.child({ boardId }));
    if (bad > 0) deps.log.warn({ boardId, bad }, 'board loaded with unreadable updates skipped');
    else if (stored.snapshot && stored.updates.length === 0) this.step2.seedFullState(stored.snapshot);
    this.logCount = stored.updates.length;
    this.logBytes = stored.updates.reduce((n, u) => n + u.byteLength, 0);
    this.docBytes = (stored.snapshot?.byteLength ?? 0) + this.logBytes;
    this.presence = new RoomPresence(this.doc, {
      boardId,
      maxAwarenessBytes: deps.config.limits.maxAwarenessBytes,
      fanout: deps.fanout,
      conns: () => this.conns.values(),
      broadcast: (msg) => this.broadcast(msg, null),
    });
    this.doc.on('update', this.onDocUpdate);
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    this.step2.clear();
    if (origin === REMOTE_ORIGIN) {
      this.broadcast(encodeUpdate(update), null); // stored by the instance that received it
      return;
    }
    this.pending.push({ origin, update });
    this.scheduleFlush();
  };

  /** Who was on the board and when (for the session summary), from presence. */
  get attendees() {
    return this.presence.attendees;
  }

  private broadcast(msg: Uint8Array, except: unknown) {
    for (const c of this.conns.values()) if (c !== except) send(c, msg);
  }

  addConn(conn: Conn): void {
    if (this.conns.size >= this.deps.config.limits.maxConnectionsPerBoard) {
      closeConn(conn, CLOSE.tooManyConnections, 'too many connections on this board');
      return;
    }
    this.conns.set(conn.ws, conn);
    conn.ws.on('message', (data: RawData) => this.onMessage(conn, data));
    conn.ws.on('close', () => this.removeConn(conn));
    conn.ws.on('error', () => conn.ws.terminate());
    conn.ws.on('pong', () => (conn.missedPongs = 0));
    // Like the reference server: ask for what the client has, and show who is here.
    send(conn, encodeSyncStep1(this.doc));
    const present = this.presence.snapshot();
    if (present) send(conn, present);
  }

  private removeConn(conn: Conn) {
    if (!this.conns.delete(conn.ws)) return;
    this.presence.leave(conn);
    if (this.conns.size === 0) this.deps.onEmpty(this);
  }

  private onMessage(conn: Conn, raw: RawData) {
    try {
      if (!conn.bucket.take()) return closeConn(conn, CLOSE.rateLimited, 'rate limit exceeded');
      const buf = toBytes(raw);
      if (buf.byteLength > this.deps.config.limits.maxMessageBytes) {
        return closeConn(conn, CLOSE.tooLarge, 'message too large');
      }
      const msg = decodeMessage(buf);
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
    } catch (err) {
      if (err instanceof ProtocolError) return closeConn(conn, CLOSE.malformed, err.message);
      this.deps.log.error({ err, boardId: this.boardId, connId: conn.id }, 'error handling sync message');
      closeConn(conn, CLOSE.malformed, 'message could not be processed');
    }
  }

  private get clean(): boolean {
    return this.pending.length === 0 && !this.flushing;
  }

  private answerStep1(conn: Conn, stateVector: Uint8Array) {
    const reply = () => {
      if (!this.closed) send(conn, this.step2.answer(stateVector));
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
          this.broadcast(encodeUpdate(p.update), p.origin);
        }
        if (this.deps.fanout && batch.length > 0) {
          const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
          this.deps.fanout.publish(this.boardId, 'update', merged);
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

  /** A message from another instance: already stored there, so apply and relay, never store again. */
  applyRemote(m: FanoutMessage): void {
    if (this.closed) return;
    try {
      if (m.kind === 'update') {
        Y.applyUpdate(this.doc, m.payload, REMOTE_ORIGIN);
      } else {
        this.presence.applyRemote(m.payload);
      }
    } catch (err) {
      this.deps.log.error({ err, boardId: this.boardId, from: m.from }, 'bad fan-out message');
    }
  }

  /** After a fan-out outage: fold in whatever other instances stored meanwhile (idempotent). */
  async resyncFromStore(): Promise<void> {
    const stored = await this.deps.store.loadDoc(this.boardId);
    if (this.closed) return;
    for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      try {
        Y.applyUpdate(this.doc, u, REMOTE_ORIGIN);
      } catch (err) {
        this.deps.log.error({ err, boardId: this.boardId }, 'stored update failed to apply during resync');
      }
    }
    this.presence.announceLocal();
  }

  closeAll(code: number, reason: string): void {
    for (const c of [...this.conns.values()]) closeConn(c, code, reason);
  }

  closeRole(role: Role, code: number, reason: string): void {
    for (const c of [...this.conns.values()]) if (c.role === role) closeConn(c, code, reason);
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

function toBytes(raw: RawData): Uint8Array {
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  if (Array.isArray(raw)) return new Uint8Array(Buffer.concat(raw));
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}
