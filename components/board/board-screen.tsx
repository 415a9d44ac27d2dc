'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FullPageMessage } from '@/components/ui/full-page-message';
import { useIdentity } from '@/components/presence/use-identity';
import { BoardLive } from './board-live';
import { ClosedScreen } from './closed-screen';
import { useBoardConnection } from './use-board-connection';
import { useBoardInfo } from './use-board-info';
import { useLinkKey } from './use-link-key';

/**
 * Entry of /b/[boardId]: read the key from the fragment, ask the API what it grants, then open
 * the live connection. Every failure gets a full-page explanation rather than an endless spinner.
 */
export function BoardScreen({ boardId }: { boardId: string }) {
  const key = useLinkKey();
  const [attempt, setAttempt] = useState(0);
  const info = useBoardInfo(boardId, key, attempt);
  const { identity, setName } = useIdentity();
  const ready = info.state === 'ready' && !!key;
  const conn = useBoardConnection(
    boardId,
    key ?? null,
    ready,
    info.state === 'ready' ? info.info.role : undefined,
  );

  if (key === null) return <ClosedScreen reason="no-key" />;
  if (info.state === 'unauthorized') return <ClosedScreen reason="bad-key" boardId={boardId} />;
  if (info.state === 'not-found') return <ClosedScreen reason="not-found" boardId={boardId} />;
  if (info.state === 'error') {
    return (
      <FullPageMessage title="Could not open the board" tone="warning">
        <p>{info.message}</p>
        <Button className="mt-4" onClick={() => setAttempt((a) => a + 1)}>
          Try again
        </Button>
      </FullPageMessage>
    );
  }
  if (info.state !== 'ready' || !key || !identity || !conn) return <Opening />;
  return <BoardLive conn={conn} boardKey={key} info={info.info} identity={identity} setName={setName} />;
}

function Opening() {
  return (
    <main className="flex min-h-dvh items-center justify-center" aria-busy="true">
      <p className="text-sm text-zinc-500 dark:text-zinc-400" role="status">
        Opening board…
      </p>
    </main>
  );
}
