'use client';

import { useCallback, useState, type ReactElement } from 'react';
import { ClosedScreen } from '@/components/board/closed-screen';
import { useBoardInfo, type BoardInfoState } from '@/components/board/use-board-info';
import { useLinkKey } from '@/components/board/use-link-key';
import { Button } from './button';
import { FullPageMessage } from './full-page-message';

export interface BoardGate {
  /** the link's key: undefined before the fragment is read, null when the link has none */
  key: string | null | undefined;
  info: BoardInfoState;
  /** asks the API again (the "Try again" button) */
  retry: () => void;
}

/** What every page under /b/[boardId] does first: read the key, ask the API what it grants. */
export function useBoardGate(boardId: string): BoardGate {
  const key = useLinkKey();
  const [attempt, setAttempt] = useState(0);
  const info = useBoardInfo(boardId, key, attempt);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { key, info, retry };
}

/**
 * The full-page screen a board page shows instead of itself while its link cannot open the board
 * (no key, a key the board refuses, no such board, the API unreachable), or null when it can or
 * is still asking. `forget` is the board whose offline copy a dead link deletes (the board screen
 * only: it is the one that keeps a copy).
 */
export function gateScreen(
  gate: BoardGate,
  { errorTitle, forget }: { errorTitle: string; forget?: string },
): ReactElement | null {
  const { key, info } = gate;
  if (key === null) return <ClosedScreen reason="no-key" />;
  if (info.state === 'unauthorized') return <ClosedScreen reason="bad-key" boardId={forget} />;
  if (info.state === 'not-found') return <ClosedScreen reason="not-found" boardId={forget} />;
  if (info.state === 'error') {
    return (
      <FullPageMessage title={errorTitle} tone="warning">
        <p>{info.message}</p>
        <Button className="mt-4" onClick={gate.retry}>
          Try again
        </Button>
      </FullPageMessage>
    );
  }
  return null;
}
