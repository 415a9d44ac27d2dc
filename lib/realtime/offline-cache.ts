import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

/**
 * The browser's offline copy of a board: the Y.Doc mirrored into IndexedDB (y-indexeddb), one
 * database per board, so edits made without a network survive closing the tab and are sent when
 * the board is next opened online. Edit links and the view link keep separate copies: a view
 * copy only ever holds what the server sent, so opening a board read-only can never carry local
 * edits made earlier through a team link on this browser.
 */

export type CacheKind = 'edit' | 'view';

const PREFIX = 'shellboard:board:';

/** IndexedDB database name for a board's offline copy. */
export function cacheName(boardId: string, kind: CacheKind): string {
  return kind === 'view' ? `${PREFIX}${boardId}:view` : `${PREFIX}${boardId}`;
}

const open = new Map<string, IndexeddbPersistence>();

export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}

/** Mirrors `doc` into the board's cache; resolves once the cached state has been loaded into it. */
export function attachBoardCache(
  boardId: string,
  kind: CacheKind,
  doc: Y.Doc,
): { loaded: Promise<void>; detach: () => void; origin: unknown } | null {
  if (!hasIndexedDb()) return null;
  const name = cacheName(boardId, kind);
  const persistence = new IndexeddbPersistence(name, doc);
  open.set(name, persistence);
  const detach = () => {
    if (open.get(name) === persistence) open.delete(name);
    // Every update is written as it happens; destroy() only stops mirroring and closes the db.
    void persistence.destroy().catch(() => undefined);
  };
  // The cache applies stored state with itself as the transaction origin.
  return { loaded: persistence.whenSynced.then(() => undefined), detach, origin: persistence };
}

/**
 * Forgets every offline copy of a board (its link stopped working or the board is gone):
 * closes any open mirror first, since IndexedDB will not delete a database that is in use.
 */
export async function clearBoardCache(boardId: string): Promise<void> {
  if (!hasIndexedDb()) return;
  await Promise.all(
    (['edit', 'view'] as const).map(async (kind) => {
      const name = cacheName(boardId, kind);
      const p = open.get(name);
      open.delete(name);
      if (p) await p.destroy().catch(() => undefined);
      await new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      });
    }),
  );
}
