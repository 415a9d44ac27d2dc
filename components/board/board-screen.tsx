'use client';

import { gateScreen, useBoardGate } from '@/components/ui/board-gate';
import { useIdentity } from '@/components/presence/use-identity';
import { BoardLive } from './board-live';
import { useBoardConnection } from './use-board-connection';

/**
 * Entry of /b/[boardId]: read the key from the fragment, ask the API what it grants, then open
 * the live connection. Every failure gets a full-page explanation rather than an endless spinner.
 */
export function BoardScreen({ boardId }: { boardId: string }) {
  const gate = useBoardGate(boardId);
  const { key, info } = gate;
  const { identity, setName } = useIdentity();
  const ready = info.state === 'ready' && !!key;
  const conn = useBoardConnection(
    boardId,
    key ?? null,
    ready,
    info.state === 'ready' ? info.info.role : undefined,
  );

  const gated = gateScreen(gate, { errorTitle: 'Could not open the board', forget: boardId });
  if (gated) return gated;
  if (info.state !== 'ready' || !key || !identity || !conn) return <Opening />;
  return <BoardLive conn={conn} boardKey={key} info={info.info} identity={identity} setName={setName} />;
}

function Opening() {
  return (
    <main className="flex min-h-dvh items-center justify-center" aria-busy="true">
      <p className="text-sm text-muted" role="status">
        Opening board…
      </p>
    </main>
  );
}
