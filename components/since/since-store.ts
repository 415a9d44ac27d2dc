import { parseSnapshot, type Snapshot } from '@/lib/board/since';

/** The per-board "last seen" snapshot, kept in this browser only. */

const key = (boardId: string) => `shellboard:since:${boardId}`;

export function loadSnapshot(boardId: string): Snapshot | null {
  try {
    return parseSnapshot(localStorage.getItem(key(boardId)));
  } catch {
    return null;
  }
}

export function saveSnapshot(boardId: string, snap: Snapshot): void {
  try {
    localStorage.setItem(key(boardId), JSON.stringify(snap));
  } catch {
    // storage full or blocked: next visit simply shows no "since you left"
  }
}

export function forgetSnapshot(boardId: string): void {
  try {
    localStorage.removeItem(key(boardId));
  } catch {
    // nothing stored either
  }
}
