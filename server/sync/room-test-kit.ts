import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { Role } from '../../lib/board/types';
import {
  MSG_AWARENESS,
  MSG_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  decodeAuthMessage,
} from '../../lib/realtime/wire';
import { createLogger } from '../log';
import { MemoryDocumentLog } from '../store/memory-log';
import type { CompactResult, DocumentLog, Fold, StoredDoc } from '../store/store';
import type { Peer } from './peer';
import { Room } from './room';
import type { RoomLimits } from './room-deps';

/**
 * Fakes for the room's unit tests (room.test.ts): a peer that records what it is sent, and a
 * document log whose appends the test can hold open. Nothing here runs in production.
 */

export class FakePeer implements Peer {
  readonly frames: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  open = true;

  constructor(
    readonly id: string,
    readonly role: Role = 'team',
  ) {}

  send(msg: Uint8Array): void {
    if (this.open) this.frames.push(msg);
  }

  close(code: number, reason: string): void {
    if (this.closedWith) return;
    this.closedWith = { code, reason };
    this.open = false;
  }

  isOpen(): boolean {
    return this.open;
  }

  private sync(sub: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const f of this.frames) {
      const d = decoding.createDecoder(f);
      if (decoding.readVarUint(d) !== MSG_SYNC || decoding.readVarUint(d) !== sub) continue;
      out.push(decoding.readVarUint8Array(d));
    }
    return out;
  }

  /** the server's sync step 1s (state vectors) */
  get step1s(): Uint8Array[] {
    return this.sync(SYNC_STEP1);
  }
  /** answers to this peer's step 1 (updates) */
  get step2s(): Uint8Array[] {
    return this.sync(SYNC_STEP2);
  }
  /** relayed doc updates */
  get updates(): Uint8Array[] {
    return this.sync(SYNC_UPDATE);
  }
  get acks(): number[] {
    return this.frames.flatMap((f) => {
      const m = decodeAuthMessage(f);
      return m?.kind === 'persisted' ? [m.count] : [];
    });
  }
  get denied(): string[] {
    return this.frames.flatMap((f) => {
      const m = decodeAuthMessage(f);
      return m?.kind === 'permission-denied' ? [m.reason] : [];
    });
  }
  get awareness(): number {
    return this.frames.filter((f) => f[0] === MSG_AWARENESS).length;
  }
}

interface Gate {
  release(): void;
  fail(err: Error): void;
}

/** A MemoryDocumentLog whose appends can be held open (a promise the test settles). */
export class GatedLog implements DocumentLog {
  readonly inner = new MemoryDocumentLog();
  readonly appendCalls: Uint8Array[][] = [];
  compactCalls = 0;
  private gate: Promise<void> | null = null;
  private callWaiters: { n: number; resolve: () => void }[] = [];

  /** Appends from now on wait until the gate is released (stored then) or failed (nothing stored). */
  holdAppends(): Gate {
    let release!: () => void;
    let fail!: (err: Error) => void;
    const gate = new Promise<void>((res, rej) => {
      release = res;
      fail = rej;
    });
    gate.catch(() => undefined);
    this.gate = gate;
    return {
      release: () => {
        if (this.gate === gate) this.gate = null;
        release();
      },
      fail: (err) => {
        if (this.gate === gate) this.gate = null;
        fail(err);
      },
    };
  }

  /** Resolves once `n` appends have been called (stored or not). */
  appendCalled(n: number): Promise<void> {
    if (this.appendCalls.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.callWaiters.push({ n, resolve }));
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void> {
    this.appendCalls.push(updates);
    for (const w of this.callWaiters.filter((w) => this.appendCalls.length >= w.n)) w.resolve();
    if (this.gate) await this.gate;
    await this.inner.appendUpdates(boardId, updates);
  }

  loadDoc(boardId: string): Promise<StoredDoc> {
    return this.inner.loadDoc(boardId);
  }

  compact(boardId: string, fold: Fold): Promise<CompactResult> {
    this.compactCalls += 1;
    return this.inner.compact(boardId, fold);
  }

  logSize(boardId: string): Promise<{ count: number; bytes: number }> {
    return this.inner.logSize(boardId);
  }
}

export const BOARD = 'board-1';

export const LIMITS: RoomLimits = {
  maxMessageBytes: 1024 * 1024,
  maxDocBytes: 32 * 1024 * 1024,
  maxConnectionsPerBoard: 250,
  writerReservedConnections: 50,
  maxAttendeesPerBoard: 500,
  maxAwarenessBytes: 8 * 1024,
  ratePerSec: 100,
  rateBurst: 500,
  compactAfterUpdates: 500,
  compactAfterBytes: 1024 * 1024,
};

export function makeRoom<L extends GatedLog = GatedLog>(
  opts: { stored?: StoredDoc; limits?: Partial<RoomLimits>; log?: L } = {},
): {
  room: Room;
  log: L;
  emptied: Room[];
} {
  const log = opts.log ?? (new GatedLog() as L);
  const emptied: Room[] = [];
  const room = new Room(BOARD, opts.stored ?? { snapshot: null, updates: [], lastUpdateId: 0 }, {
    store: log,
    limits: { ...LIMITS, ...opts.limits },
    log: createLogger('silent'),
    onEmpty: (r) => emptied.push(r),
  });
  return { room, log, emptied };
}

/** A client-side change: the update Yjs produces for it. */
export function change(doc: Y.Doc, key: string, value: unknown): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc, before);
}

/** The board content a set of updates makes. */
export function contentOf(...updates: Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getMap('m').toJSON();
}

/** One event-loop turn: everything the room scheduled before it (a flush, a deferred load) has run. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
