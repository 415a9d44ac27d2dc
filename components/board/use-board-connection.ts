'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { BoardConnection, INITIAL_STATUS, type SyncStatus } from '@/lib/realtime/sync-client';

/** ws(s)://<this host>/sync — the sync server shares the page's origin. */
export function syncUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/sync`;
}

/** One live connection per (board, key) while mounted; destroyed on unmount or key change. */
export function useBoardConnection(
  boardId: string,
  key: string | null,
  enabled: boolean,
): BoardConnection | null {
  const [conn, setConn] = useState<BoardConnection | null>(null);
  useEffect(() => {
    if (!enabled || !key) return;
    const c = new BoardConnection({ url: syncUrl(), boardId, key });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the connection is an external resource created on mount
    setConn(c);
    // A dead network can leave the socket looking open until y-websocket's 30 s watchdog fires;
    // when the browser knows it is offline, drop the socket now so the header says so at once.
    // The provider keeps retrying and resyncs (sending what waited) as soon as it gets through.
    const onOffline = () => c.provider.ws?.close();
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('offline', onOffline);
      c.destroy();
      setConn(null);
    };
  }, [boardId, key, enabled]);
  return conn;
}

const noop = () => () => undefined;
const NONE: SyncStatus = INITIAL_STATUS;

export function useSyncStatus(conn: BoardConnection | null): SyncStatus {
  return useSyncExternalStore(conn?.subscribe ?? noop, conn?.getStatus ?? (() => NONE), () => NONE);
}
