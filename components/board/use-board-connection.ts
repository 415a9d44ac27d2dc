'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { Role } from '@/lib/board/types';
import { BoardConnection, INITIAL_STATUS, type SyncStatus } from '@/lib/realtime/sync-client';
import { attachBoardCache } from '@/lib/realtime/offline-cache';

/** ws(s)://<this host>/sync — the sync server shares the page's origin. */
export function syncUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/sync`;
}

/** Connect anyway if the offline copy has not loaded by then (a broken or blocked IndexedDB). */
const CACHE_WAIT_MS = 1500;

/**
 * One live connection per (board, key) while mounted; destroyed on unmount or key change.
 * With a `role`, the board is also mirrored into this browser's offline copy (IndexedDB): the
 * copy loads first, so the first sync both shows the board at once and sends whatever was
 * edited offline last time. A view link gets its own copy and never sends anything.
 */
export function useBoardConnection(
  boardId: string,
  key: string | null,
  enabled: boolean,
  role?: Role,
): BoardConnection | null {
  const [conn, setConn] = useState<BoardConnection | null>(null);
  useEffect(() => {
    if (!enabled || !key) return;
    const doc = new Y.Doc();
    const readOnly = role === 'view';
    const cache = role ? attachBoardCache(boardId, readOnly ? 'view' : 'edit', doc) : null;
    const c = new BoardConnection({
      url: syncUrl(),
      boardId,
      key,
      doc,
      readOnly,
      connect: !cache,
      quietOrigins: cache ? [cache.origin] : [],
    });
    let live = true;
    if (cache) {
      const start = () => {
        if (live) c.connect();
      };
      const t = setTimeout(start, CACHE_WAIT_MS);
      void cache.loaded.then(() => {
        clearTimeout(t);
        if (live) c.copyLoaded();
        start();
      });
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the connection is an external resource created on mount
    setConn(c);
    // A dead network can leave the socket looking open until y-websocket's 30 s watchdog fires;
    // when the browser knows it is offline, drop the socket now so the header says so at once.
    // The provider keeps retrying and resyncs (sending what waited) as soon as it gets through.
    const onOffline = () => c.provider.ws?.close();
    window.addEventListener('offline', onOffline);
    return () => {
      live = false;
      window.removeEventListener('offline', onOffline);
      cache?.detach();
      c.destroy();
      doc.destroy();
      setConn(null);
    };
  }, [boardId, key, enabled, role]);
  return conn;
}

const noop = () => () => undefined;
const NONE: SyncStatus = INITIAL_STATUS;

export function useSyncStatus(conn: BoardConnection | null): SyncStatus {
  return useSyncExternalStore(conn?.subscribe ?? noop, conn?.getStatus ?? (() => NONE), () => NONE);
}
