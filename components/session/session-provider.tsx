'use client';

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ClientEvent, Payload } from '@/lib/realtime/events';
import { useBoard } from '@/components/board/board-context';
import { ClosedScreen } from '@/components/board/closed-screen';
import { sessionStatusText } from '@/lib/realtime/session-status';
import { SessionContextProvider, type SessionContextValue } from './session-context';
import { useSession } from './use-session';

/**
 * Joins the live session of the board in context and shares it with the controls below. When
 * the server ends the session for this link (rotated, deleted) the whole page says so.
 */
export function SessionProvider({
  boardKey,
  secret,
  children,
}: {
  boardKey: string | null;
  /** this browser's secret: the server names us by its hash, the same id as `me.id` */
  secret: string;
  children: ReactNode;
}) {
  const { boardId, me, openStory } = useBoard();
  const user = useMemo(() => ({ secret, name: me.name, color: me.color }), [secret, me.name, me.color]);
  const { client, snap } = useSession(boardId, boardKey, user);
  const [follow, setFollowState] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const call = useCallback<SessionContextValue['call']>(
    async <E extends ClientEvent>(event: E, payload: Payload<E>) => {
      if (!client) return { ok: false, error: { code: 'unavailable', message: 'Not connected yet.' } };
      const ack = await client.call(event, payload);
      setError(ack.ok ? null : ack.error.message);
      return ack;
    },
    [client],
  );
  const setFollow = useCallback(
    (on: boolean) => {
      setFollowState(on);
      void call('follow:set', { on });
    },
    [call],
  );

  // The server forgets "following" on reconnect; tell it again whenever we (re)connect.
  useEffect(() => {
    if (snap.connected && follow) void client?.call('follow:set', { on: true });
  }, [snap.connected, follow, client]);

  // Following: each new focus opens that story here too.
  const focusId = snap.state?.focus?.storyId ?? null;
  useEffect(() => {
    if (follow && focusId) openStory(focusId);
  }, [follow, focusId, openStory]);

  const value = useMemo<SessionContextValue>(
    () => ({
      client,
      state: snap.state,
      offset: snap.offset,
      connected: snap.connected,
      statusText: sessionStatusText(snap),
      follow,
      setFollow,
      error,
      call,
    }),
    [client, snap, follow, setFollow, error, call],
  );

  if (snap.closed) return <ClosedScreen reason={snap.closed.reason} detail={snap.closed.detail} />;
  return <SessionContextProvider value={value}>{children}</SessionContextProvider>;
}
