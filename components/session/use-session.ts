'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SessionUser } from '@/lib/realtime/events';
import { INITIAL_SESSION_SNAPSHOT, SessionClient, type SessionSnapshot } from '@/lib/realtime/session-client';

const NONE: SessionSnapshot = INITIAL_SESSION_SNAPSHOT;
const noop = () => () => undefined;

/** One session connection per (board, key, user) while mounted; torn down on unmount. */
export function useSessionClient(boardId: string, key: string | null, user: SessionUser | null) {
  const [client, setClient] = useState<SessionClient | null>(null);
  const id = user?.id;
  const name = user?.name;
  const color = user?.color;
  useEffect(() => {
    if (!key || !id || !name || !color) return;
    const c = new SessionClient({ origin: window.location.origin, boardId, key, user: { id, name, color } });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the socket is an external resource created on mount
    setClient(c);
    return () => {
      c.destroy();
      setClient(null);
    };
  }, [boardId, key, id, name, color]);
  return client;
}

export function useSessionSnapshot(client: SessionClient | null): SessionSnapshot {
  return useSyncExternalStore(client?.subscribe ?? noop, client?.getSnapshot ?? (() => NONE), () => NONE);
}

/** The session for a board: the client and its latest snapshot. */
export function useSession(boardId: string, key: string | null, user: SessionUser | null) {
  const client = useSessionClient(boardId, key, user);
  return { client, snap: useSessionSnapshot(client) };
}
