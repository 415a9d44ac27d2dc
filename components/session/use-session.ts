'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SessionUser } from '@/lib/realtime/events';
import { INITIAL_SESSION_SNAPSHOT, SessionClient, type SessionSnapshot } from '@/lib/realtime/session-client';

const NONE: SessionSnapshot = INITIAL_SESSION_SNAPSHOT;
const noop = () => () => undefined;

/** Who joins: a name and colour shown to others, and the secret the server derives the id from. */
export type SessionJoiner = Omit<SessionUser, 'id'> & { secret: string };

/** One session connection per (board, key, person) while mounted; torn down on unmount. */
export function useSessionClient(boardId: string, key: string | null, user: SessionJoiner | null) {
  const [client, setClient] = useState<SessionClient | null>(null);
  const secret = user?.secret;
  const name = user?.name;
  const color = user?.color;
  useEffect(() => {
    if (!key || !secret || !name || !color) return;
    const c = new SessionClient({
      origin: window.location.origin,
      boardId,
      key,
      secret,
      user: { name, color },
    });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the socket is an external resource created on mount
    setClient(c);
    return () => {
      c.destroy();
      setClient(null);
    };
  }, [boardId, key, secret, name, color]);
  return client;
}

export function useSessionSnapshot(client: SessionClient | null): SessionSnapshot {
  return useSyncExternalStore(client?.subscribe ?? noop, client?.getSnapshot ?? (() => NONE), () => NONE);
}

/** The session for a board: the client and its latest snapshot. */
export function useSession(boardId: string, key: string | null, user: SessionJoiner | null) {
  const client = useSessionClient(boardId, key, user);
  return { client, snap: useSessionSnapshot(client) };
}
