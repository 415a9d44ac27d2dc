import type { CompactResult, DocumentLog, Fold, StoredDoc } from './store';

interface Board {
  snapshot: Uint8Array | null;
  updates: { id: number; bytes: Uint8Array }[];
}

/**
 * A DocumentLog in memory: for the room's unit tests, which need a log they can inspect and hold
 * open without a database. It passes the same contract as SQLite/PostgreSQL
 * (document-log.contract.ts): appends are all-or-none and ordered, loads return copies, a fold
 * that throws changes nothing.
 */
export class MemoryDocumentLog implements DocumentLog {
  private boards = new Map<string, Board>();
  private nextId = 1;

  private board(boardId: string): Board {
    let b = this.boards.get(boardId);
    if (!b) this.boards.set(boardId, (b = { snapshot: null, updates: [] }));
    return b;
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void> {
    const b = this.board(boardId);
    for (const u of updates) b.updates.push({ id: this.nextId++, bytes: u.slice() });
  }

  async loadDoc(boardId: string): Promise<StoredDoc> {
    const b = this.board(boardId);
    return {
      snapshot: b.snapshot?.slice() ?? null,
      updates: b.updates.map((u) => u.bytes.slice()),
      lastUpdateId: b.updates.at(-1)?.id ?? 0,
    };
  }

  async compact(boardId: string, fold: Fold): Promise<CompactResult> {
    const b = this.board(boardId);
    const taken = b.updates.slice();
    if (taken.length === 0) return { folded: 0, foldedBytes: 0, snapshotBytes: b.snapshot?.byteLength ?? 0 };
    const next = await fold(
      b.snapshot?.slice() ?? null,
      taken.map((u) => u.bytes.slice()),
    );
    // Appends during an asynchronous fold stay; a compaction that got there first wins.
    if (b.updates[0] !== taken[0])
      return { folded: 0, foldedBytes: 0, snapshotBytes: b.snapshot?.byteLength ?? 0 };
    b.snapshot = next;
    b.updates = b.updates.slice(taken.length);
    const foldedBytes = taken.reduce((n, u) => n + u.bytes.byteLength, 0);
    return { folded: taken.length, foldedBytes, snapshotBytes: next.byteLength };
  }

  async logSize(boardId: string): Promise<{ count: number; bytes: number }> {
    const { updates } = this.board(boardId);
    return { count: updates.length, bytes: updates.reduce((n, u) => n + u.bytes.byteLength, 0) };
  }
}
