import * as Y from 'yjs';
import type { Role } from '../../lib/board/types';
import { CLOSE, encodePermissionDenied } from '../../lib/realtime/wire';
import type { StoredDoc } from '../store/store';
import type { KeyHashes } from '../keys';
import type { RoomDeps } from './room-deps';
import { SERVER_ORIGIN, REMOTE_ORIGIN, type Origin } from './origin';
import type { Peer } from './peer';
import { RoomPresence } from './room-presence';
import { applyStored } from './fold';
import { RoomPeers } from './room-peers';
import { RoomWriter } from './room-writer';
import { DocTooLargeError, SMALL_EDIT_BYTES, parkedBytes } from './size';
import { Step2Cache } from './step2-cache';
import { ProtocolError, decodeMessage, type Inbound, encodeSyncStep1, encodeUpdate } from './protocol';
import { WriteGate } from './write-gate';

/**
 * A room's lifecycle, owned by the room:
 * - `open`: serving peers and server edits;
 * - `unloading`: everything applied is stored; the log is being compacted (unload);
 * - `failed`: a store write failed, every peer was closed; waiting to be discarded;
 * - `closed`: unloaded or discarded, memory released. Terminal.
 */
export type RoomState = 'open' | 'unloading' | 'failed' | 'closed';

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * One live board. The invariant that makes the product safe: no client ever sees state the store
 * does not hold. An inbound update is checked and applied to the room's doc; what Yjs actually
 * integrated (its own re-encoding, so garbage can never reach the store) is appended to the store —
 * batched per event-loop turn, one transaction — and only then relayed and acknowledged. Sync-step-2
 * answers are computed only at a clean point (nothing applied-but-unstored); while one waits, new
 * updates are held back, so the wait is at most one store write.
 *
 * The room knows nothing of sockets: a transport hands it peers (`add`, `remove`) and their bytes
 * (`receive`); see upgrade.ts for the `ws` one.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly presence: RoomPresence;
  private readonly peers: RoomPeers;
  private lifecycle: RoomState = 'open';
  /** joins and server-side uses in progress: they keep the room from unloading */
  private holds = 0;
  /** sync-step-2 answers, valid until the doc next changes */
  private readonly step2 = new Step2Cache(this.doc);
  /** the stored snapshot, while it is not yet applied to the doc (see applyDeferred) */
  private deferred: Uint8Array | null = null;
  /** client messages that arrived before the deferred snapshot was applied, in order */
  private early: { peer: Peer; msg: Inbound }[] = [];
  /** stores what the doc integrated, then relays it and acks its senders */
  private readonly writer: RoomWriter;
  /** sync-step-2 answers waiting for a clean point */
  private step2Waiters: (() => void)[] = [];
  /** updates held back while step-2 answers wait */
  private held: { peer: Peer; update: Uint8Array }[] = [];
  private cleanWaiters: Waiter[] = [];
  /** what each client may change (server edits bypass it: they keep their own origin and path) */
  private readonly gate: WriteGate;

  constructor(
    readonly boardId: string,
    stored: StoredDoc,
    private readonly deps: RoomDeps,
  ) {
    this.peers = new RoomPeers(deps.limits);
    // A reconnected tab proves it is the same Yjs client by its presence (awareness id = client id).
    this.gate = new WriteGate(this.doc, boardId, deps.log, (peer, client) =>
      this.presence.speaksFor(peer, client),
    );
    if (stored.snapshot && stored.updates.length === 0) {
      // The store holds exactly one snapshot: it IS the answer to an empty state vector, so a fresh
      // client can have it before the snapshot is integrated into the doc (applyDeferred).
      this.deferred = stored.snapshot;
      this.step2.seedFullState(stored.snapshot);
    } else {
      const bad = applyStored(this.doc, stored.snapshot, stored.updates, deps.log.child({ boardId }));
      if (bad > 0) deps.log.warn({ boardId, bad }, 'board loaded with unreadable updates skipped');
    }
    this.writer = new RoomWriter(stored, {
      boardId,
      store: deps.store,
      limits: deps.limits,
      log: deps.log,
      open: () => this.lifecycle === 'open',
      stored: (merged, origins) => {
        this.peers.relayBatch(encodeUpdate(merged), origins);
        deps.fanout?.publish(boardId, 'update', merged);
      },
      failed: (err) => this.fail(err),
      clean: () => this.atCleanPoint(),
      parked: () => parkedBytes(this.doc),
    });
    this.presence = new RoomPresence(this.doc, {
      boardId,
      maxAwarenessBytes: deps.limits.maxAwarenessBytes,
      maxAttendees: deps.limits.maxAttendeesPerBoard,
      fanout: deps.fanout,
      broadcast: (msg) => this.peers.broadcast(msg),
    });
    if (!this.deferred) this.doc.on('update', this.onDocUpdate);
  }

  get state(): RoomState {
    return this.lifecycle;
  }

  /** A join or server-side use begins: the room stays loaded until the matching release. */
  hold = (): void => void (this.holds += 1);
  release = (): void => void (this.holds = Math.max(0, this.holds - 1));

  /** No peers and nothing held: the manager may unload it. */
  get idle(): boolean {
    return this.holds === 0 && this.peers.size === 0;
  }

  /** Who was on the board and when (for the session summary), from presence. */
  get attendees() {
    return this.presence.attendees;
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
    for (const p of this.peers.all()) p.send(step1);
    for (const { peer, msg } of this.early.splice(0))
      if (this.peers.get(peer)) this.guard(peer, () => this.dispatch(peer, msg));
  }

  private onDocUpdate = (update: Uint8Array, origin: Origin) => {
    this.step2.clear();
    if (origin === REMOTE_ORIGIN) {
      this.writer.storedElsewhere(update.byteLength);
      this.peers.relayUpdate(encodeUpdate(update), null); // stored by the instance that received it
      return;
    }
    this.writer.write({ origin, update });
  };

  /** A new peer: false (and the peer closed) when the room cannot take it. */
  add(peer: Peer): boolean {
    if (this.lifecycle !== 'open') {
      peer.close(CLOSE.serverRestarting, 'board is reloading, reconnect');
      return false;
    }
    const admitted = this.peers.admit(peer);
    if (admitted === 'no') {
      peer.close(CLOSE.tooManyConnections, 'too many connections on this board');
      return false;
    }
    this.peers.add(peer);
    if (admitted !== 'yes') {
      // Added first, so the room never looks empty (and unloads) while a writer takes the place.
      admitted.close(CLOSE.tooManyConnections, 'board is full: a view link made room for the team');
      this.remove(admitted);
    }
    // Like the reference server: ask for what the client has (once the doc is whole: the vector is
    // the doc's), and show who is here.
    if (!this.deferred) peer.send(encodeSyncStep1(this.doc));
    const present = this.presence.snapshot();
    if (present) peer.send(present);
    return true;
  }

  /** The peer's transport closed. */
  remove(peer: Peer): void {
    if (!this.peers.remove(peer)) return;
    this.presence.leave(peer);
    if (this.peers.size === 0) this.deps.onEmpty(this);
  }

  /** One message from a peer, as the bytes it sent. */
  receive(peer: Peer, bytes: Uint8Array): void {
    const member = this.peers.get(peer);
    if (!member || this.lifecycle !== 'open' || this.peers.isRevoked(peer)) return;
    this.guard(peer, () => {
      if (!member.bucket.take()) return peer.close(CLOSE.rateLimited, 'rate limit exceeded');
      if (bytes.byteLength > this.deps.limits.maxMessageBytes) {
        return peer.close(CLOSE.tooLarge, 'message too large');
      }
      const msg = decodeMessage(bytes);
      if (this.deferred) this.beforeApplied(peer, msg);
      else this.dispatch(peer, msg);
    });
  }

  /** Whatever a client's message makes throw cuts that client off, never the room. */
  private guard(peer: Peer, handle: () => void) {
    try {
      handle();
    } catch (err) {
      if (err instanceof ProtocolError) return peer.close(CLOSE.malformed, err.message);
      this.deps.log.error({ err, boardId: this.boardId, connId: peer.id }, 'error handling sync message');
      peer.close(CLOSE.malformed, 'message could not be processed');
    }
  }

  /**
   * A fresh client's first message is step 1 with an empty state vector: answered at once from the
   * stored snapshot, then the doc is integrated. Anything else waits for the doc; the integration
   * runs in a later turn so the answer's bytes are already written to the socket.
   */
  private beforeApplied(peer: Peer, msg: Inbound) {
    const answer = msg.type === 'step1' ? this.step2.cached(msg.stateVector) : undefined;
    if (answer) {
      peer.send(answer);
      this.peers.answered(peer);
    } else this.early.push({ peer, msg });
    setImmediate(() => {
      if (this.lifecycle === 'open') this.applyDeferred();
    });
  }

  private dispatch(peer: Peer, msg: Inbound): void {
    switch (msg.type) {
      case 'step1':
        return this.answerStep1(peer, msg.stateVector);
      case 'update':
        return this.receiveUpdate(peer, msg.update);
      case 'awareness':
        return this.presence.receive(peer, msg.update);
      case 'query-awareness': {
        const present = this.presence.snapshot();
        return present ? peer.send(present) : undefined;
      }
      case 'auth':
        return; // clients have nothing to say on the auth channel
      default:
        return unreachable(msg);
    }
  }

  private answerStep1(peer: Peer, stateVector: Uint8Array) {
    const reply = () => {
      if (this.lifecycle !== 'open') return;
      peer.send(this.step2.answer(stateVector));
      this.peers.answered(peer);
    };
    if (this.writer.clean) reply();
    else this.step2Waiters.push(reply);
  }

  private receiveUpdate(peer: Peer, update: Uint8Array) {
    if (this.step2Waiters.length > 0) {
      this.held.push({ peer, update });
      return;
    }
    this.applyFrom(peer, update);
  }

  /**
   * One update from a client, through the write gate: refused ones are neither applied nor counted
   * (the persisted ack counts only what is stored); ones that add nothing are counted, not applied.
   */
  private applyFrom(peer: Peer, update: Uint8Array) {
    const member = this.peers.get(peer);
    if (!member || !peer.isOpen() || this.peers.isRevoked(peer)) return;
    try {
      const admission = this.gate.admit(peer, update);
      if (admission === 'refused') return;
      if (admission === 'apply') {
        if (!this.writer.fits(update.byteLength)) {
          peer.send(encodePermissionDenied('This board has reached its size limit.'));
          return peer.close(CLOSE.docTooLarge, 'board document size limit reached');
        }
        if (!this.gate.apply(peer, update)) return;
      }
      this.writer.count(peer, member);
    } catch (err) {
      if (err instanceof ProtocolError) return peer.close(CLOSE.malformed, err.message);
      throw err;
    }
  }

  /** Nothing applied-but-unstored: answer waiting sync requests, then let held updates in. */
  private atCleanPoint() {
    if (!this.writer.clean || this.lifecycle !== 'open') return;
    for (const reply of this.step2Waiters.splice(0)) reply();
    for (const w of this.cleanWaiters.splice(0)) w.resolve();
    for (const h of this.held.splice(0)) this.applyFrom(h.peer, h.update);
  }

  /**
   * Resolves once everything applied so far is stored and relayed; rejects if the room stops
   * first (a store write failed, or it was discarded), since what it waited for may not be stored.
   */
  whenClean(): Promise<void> {
    if (this.lifecycle !== 'open') return Promise.reject(new Error('room closed'));
    if (this.writer.clean) return Promise.resolve();
    return new Promise((resolve, reject) => this.cleanWaiters.push({ resolve, reject }));
  }

  /** Whether a change of `bytes` more fits under MAX_DOC_BYTES (counting everything not yet stored). */
  fits(bytes: number): boolean {
    return this.writer.fits(bytes);
  }

  /**
   * Server-side edit (accept estimate, mark promoted, import): the same store-then-relay path as
   * clients'. `bytes` is at most what the edit adds (imports: size.ts newStoriesBytes); an edit
   * that would pass MAX_DOC_BYTES throws DocTooLargeError before anything is applied.
   */
  async serverEdit(edit: (doc: Y.Doc) => void, bytes = SMALL_EDIT_BYTES): Promise<void> {
    if (this.lifecycle !== 'open') throw new Error('room closed');
    this.applyDeferred();
    if (!this.writer.fits(bytes)) throw new DocTooLargeError(this.deps.limits.maxDocBytes, bytes);
    this.doc.transact(() => edit(this.doc), SERVER_ORIGIN);
    await this.whenClean();
  }

  /** Everything queued is dropped unstored: nothing of it may reach a client. */
  private dropQueued(why: string) {
    this.writer.drop();
    this.held = [];
    this.step2Waiters = [];
    for (const w of this.cleanWaiters.splice(0)) w.reject(new Error(why));
  }

  /** The store refused a write: nothing unstored may be relayed, so everyone reconnects to a fresh room. */
  private fail(err: unknown) {
    this.deps.log.error({ err, boardId: this.boardId }, 'store write failed; closing room');
    this.lifecycle = 'failed';
    this.dropQueued('storage unavailable');
    this.closeAll(CLOSE.storeUnavailable, 'storage unavailable, reconnecting');
    this.deps.onEmpty(this);
  }

  closeAll(code: number, reason: string): void {
    this.peers.closeWhere(() => true, code, reason);
  }

  closeRole(role: Role, code: number, reason: string): void {
    this.peers.closeWhere((p) => p.role === role, code, reason);
  }

  /** A key was revoked (its link rotated): see RoomPeers.revokeKey; what its peers' held back goes too. */
  revokeKey(role: Role, keyHash: string, code: number, reason: string): void {
    this.peers.revokeKey(role, keyHash, code, reason);
    this.held = this.held.filter((h) => !this.peers.isRevoked(h.peer));
  }

  /** A revocation this instance may never have been told of: see RoomPeers.revokeStale. */
  revokeStale(current: KeyHashes, code: number, reason: string): number {
    const n = this.peers.revokeStale(current, code, reason);
    if (n > 0) this.held = this.held.filter((h) => !this.peers.isRevoked(h.peer));
    return n;
  }

  /** Waits for queued writes, folds the log into a snapshot, releases memory. */
  async unload(): Promise<void> {
    // A room that fails or is discarded meanwhile has nothing left to unload.
    await this.whenClean().catch(() => undefined);
    if (this.lifecycle !== 'open') return;
    this.lifecycle = 'unloading';
    await this.deps.unsubscribe?.().catch(() => undefined);
    await this.writer.compactIfLogged();
    this.releaseMemory();
  }

  /** Stops without compacting (store gone or board deleted). */
  discard(): void {
    if (this.lifecycle === 'closed') return;
    if (this.lifecycle !== 'unloading') void this.deps.unsubscribe?.().catch(() => undefined);
    this.dropQueued('room closed');
    this.releaseMemory();
  }

  private releaseMemory() {
    if (this.lifecycle === 'closed') return;
    this.lifecycle = 'closed';
    this.doc.off('update', this.onDocUpdate);
    this.presence.destroy();
    this.doc.destroy();
  }
}

function unreachable(msg: never): never {
  throw new ProtocolError(`unhandled message ${JSON.stringify(msg)}`);
}
