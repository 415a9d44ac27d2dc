import * as Y from 'yjs';
import { encodePersistedAck } from '../../lib/realtime/wire';
import type { Logger } from '../log';
import type { DocumentLog, StoredDoc } from '../store/store';
import { compactOffThread } from './folder';
import type { Origin } from './origin';
import type { Peer } from './peer';
import type { Pending, RoomLimits } from './room-deps';
import type { Member } from './room-peers';

export interface WriterDeps {
  boardId: string;
  store: DocumentLog;
  limits: RoomLimits;
  log: Logger;
  /** false once the room stops: nothing more is written */
  open: () => boolean;
  /** a batch is stored: relay it (one merged update, with the origins of its parts) */
  stored: (merged: Uint8Array, origins: Origin[]) => void;
  /** an append failed: nothing of the batch is stored */
  failed: (err: unknown) => void;
  /** nothing applied-but-unstored any more */
  clean: () => void;
  /** bytes Yjs holds aside in the doc for updates it could not integrate yet (size.ts parkedBytes) */
  parked: () => number;
}

/**
 * The store-then-relay half of a room. Changes applied to the doc wait here until appended to the
 * document log — everything of one event-loop turn in one append — and only then go out
 * (`stored`), followed by each sender's persisted ack. Also tracks the log's size (compaction) and
 * the doc's (its size limit): stored snapshot + stored log + what other instances stored + applied
 * but unstored + parked. Compaction runs beside the appends (its fold is on a worker thread), never
 * holding them up.
 */
export class RoomWriter {
  /** applied to the doc, not yet stored: never relayed or answered from until stored */
  private pending: Pending[] = [];
  /** peers with processed messages not yet acknowledged */
  private unacked = new Map<Peer, Member>();
  private scheduled = false;
  private flushing = false;
  private logCount: number;
  private logBytes: number;
  private snapshotBytes: number;
  /** stored by other instances (fan-out), since the last compaction */
  private remoteBytes = 0;
  /** the `pending` updates' bytes */
  private pendingBytes = 0;
  /** the compaction in progress, if any */
  private compacting: Promise<void> | null = null;

  constructor(
    stored: StoredDoc,
    private readonly deps: WriterDeps,
  ) {
    this.logCount = stored.updates.length;
    this.logBytes = stored.updates.reduce((n, u) => n + u.byteLength, 0);
    this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
  }

  /** Nothing applied-but-unstored, and no append in flight. */
  get clean(): boolean {
    return this.pending.length === 0 && !this.flushing;
  }

  /** The board's size as counted against MAX_DOC_BYTES (an upper bound: updates overlap). */
  get docBytes(): number {
    return this.snapshotBytes + this.logBytes + this.remoteBytes + this.pendingBytes + this.deps.parked();
  }

  /** Whether a change of `bytes` more fits under the board's size limit. */
  fits(bytes: number): boolean {
    return this.docBytes + bytes <= this.deps.limits.maxDocBytes;
  }

  /** A change the doc integrated (Yjs's own encoding), to be stored. */
  write(p: Pending): void {
    this.pending.push(p);
    this.pendingBytes += p.update.byteLength;
    this.schedule();
  }

  /** Another instance stored an update of this board: it counts against the limit here too. */
  storedElsewhere(bytes: number): void {
    this.remoteBytes += bytes;
  }

  /** One more update-bearing message from this peer is processed: ack it once what it made is stored. */
  count(peer: Peer, member: Member): void {
    member.persisted += 1;
    this.unacked.set(peer, member);
    this.schedule();
  }

  /** The room stops: whatever is queued is never stored, relayed or acked. */
  drop(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.unacked.clear();
  }

  /** Folds the log into a snapshot, if anything was logged since the last time (unload). */
  async compactIfLogged(): Promise<void> {
    await this.compacting;
    if (this.logCount > 0) await this.compact();
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate batches everything read in this event-loop turn into one transaction.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || !this.deps.open()) return;
    this.flushing = true;
    try {
      while (this.deps.open() && (this.pending.length > 0 || this.unacked.size > 0)) {
        const batch = this.pending.splice(0);
        const acks = [...this.unacked].map(([p, m]) => [p, m.persisted] as const);
        this.unacked.clear();
        try {
          await this.deps.store.appendUpdates(
            this.deps.boardId,
            batch.map((p) => p.update),
          );
        } catch (err) {
          return this.deps.failed(err);
        }
        for (const p of batch) {
          this.logCount += 1;
          this.logBytes += p.update.byteLength;
          this.pendingBytes -= p.update.byteLength;
        }
        if (batch.length > 0) {
          const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
          this.deps.stored(
            merged,
            batch.map((p) => p.origin),
          );
        }
        for (const [p, n] of acks) p.send(encodePersistedAck(n));
      }
      const { compactAfterUpdates, compactAfterBytes } = this.deps.limits;
      const due = this.logCount >= compactAfterUpdates || this.logBytes >= compactAfterBytes;
      if (this.deps.open() && due && !this.compacting) {
        // Not awaited: appends during the fold get ids past what it folds, so they stay in the log.
        this.compacting = this.compact().finally(() => (this.compacting = null));
      }
    } finally {
      this.flushing = false;
    }
    // Updates that arrived during the last append found `flushing` set and returned: flush again.
    if (this.pending.length > 0 || this.unacked.size > 0) this.schedule();
    else this.deps.clean();
  }

  private async compact() {
    const { boardId, log } = this.deps;
    try {
      const r = await compactOffThread(this.deps.store, boardId, this.snapshotBytes + this.logBytes);
      this.snapshotBytes = r.snapshotBytes;
      // The fold took a prefix of the log: ours, and any rows other instances stored.
      this.logCount = Math.max(0, this.logCount - r.folded);
      const ours = Math.min(this.logBytes, r.foldedBytes);
      this.logBytes -= ours;
      this.remoteBytes = Math.max(0, this.remoteBytes - (r.foldedBytes - ours));
      log.debug({ boardId, ...r }, 'compacted');
    } catch (err) {
      // The log is intact; compaction is retried after the next threshold.
      log.error({ err, boardId }, 'compaction failed');
    }
  }
}
