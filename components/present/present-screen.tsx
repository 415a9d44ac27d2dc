'use client';

import { useMemo } from 'react';
import { gateScreen, useBoardGate } from '@/components/ui/board-gate';
import { ClosedScreen, reasonForClose } from '@/components/board/closed-screen';
import { useBoardConnection, useSyncStatus } from '@/components/board/use-board-connection';
import { useIdentity } from '@/components/presence/use-identity';
import { useSession } from '@/components/session/use-session';
import { PresentView } from './present-view';

const SCREEN_COLOR = '#64748b';

/**
 * Entry of /b/[boardId]/present: the board read-only plus the session, following the
 * facilitator. Needs no input once open; both connections retry on their own after a restart.
 */
export function PresentScreen({ boardId }: { boardId: string }) {
  const gate = useBoardGate(boardId);
  const { key, info } = gate;
  const ready = info.state === 'ready' && !!key;
  const conn = useBoardConnection(boardId, key ?? null, ready);
  const status = useSyncStatus(conn);
  const { identity } = useIdentity();
  const secret = identity?.secret;
  // A stable secret per browser, distinct from the person's own, so the TV is its own participant.
  const user = useMemo(
    () =>
      secret
        ? { secret: `${secret.slice(0, 100)}-screen`, name: 'Shared screen', color: SCREEN_COLOR }
        : null,
    [secret],
  );
  const { client, snap } = useSession(boardId, ready ? key : null, user);

  // An API error leaves no connection open, so it never meets a closed connection below.
  const gated = gateScreen(gate, { errorTitle: 'Could not open the board' });
  if (gated) return gated;
  if (status.closed)
    return <ClosedScreen reason={reasonForClose(status.closed.code)} detail={status.closed.reason} />;
  if (snap.closed) return <ClosedScreen reason={snap.closed.reason} detail={snap.closed.detail} />;
  if (info.state !== 'ready' || !conn)
    return (
      <main className="flex min-h-dvh items-center justify-center" aria-busy="true">
        <p className="text-xl text-muted" role="status">
          Opening the shared screen…
        </p>
      </main>
    );
  return (
    <PresentView
      doc={conn.doc}
      awareness={conn.provider.awareness}
      info={info.info}
      client={client}
      snap={snap}
      live={status.connection === 'connected'}
    />
  );
}
