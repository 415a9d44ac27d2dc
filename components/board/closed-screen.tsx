'use client';

import { useEffect } from 'react';
import { CLOSE } from '@/lib/realtime/wire';
import { clearBoardCache } from '@/lib/realtime/offline-cache';
import { FullPageMessage } from '@/components/ui/full-page-message';
import { forgetBoardInfo } from './offline-info';
import { forgetSnapshot } from '@/components/since/since-store';
import { forgetAppShell } from '@/components/offline/app-shell';

export type GoneReason = 'no-key' | 'bad-key' | 'rotated' | 'not-found' | 'deleted' | 'other';

/** Which full-page explanation a server close code calls for. */
export function reasonForClose(code: number): GoneReason {
  if (code === CLOSE.unauthorized || code === CLOSE.forbidden) return 'bad-key';
  if (code === CLOSE.linkRotated) return 'rotated';
  if (code === CLOSE.notFound) return 'not-found';
  if (code === CLOSE.boardDeleted) return 'deleted';
  return 'other';
}

/** Reasons that mean this link will never open this board again. */
const DEAD: ReadonlySet<GoneReason> = new Set(['bad-key', 'rotated', 'not-found', 'deleted']);

/** The board cannot be shown: say why in plain words, never leave a spinner. */
export function ClosedScreen({
  reason,
  detail,
  boardId,
}: {
  reason: GoneReason;
  detail?: string;
  /** the board whose offline copy to forget when the link is dead */
  boardId?: string;
}) {
  useEffect(() => {
    if (!boardId || !DEAD.has(reason)) return;
    // Nothing cached can be sent or shown through a dead link; keep no copy of the board around.
    forgetBoardInfo(boardId);
    forgetSnapshot(boardId);
    void clearBoardCache(boardId);
    void forgetAppShell(boardId);
  }, [boardId, reason]);
  switch (reason) {
    case 'not-found':
      return (
        <FullPageMessage title="Board not found">
          There is no board at this address. Check that you copied the whole link.
        </FullPageMessage>
      );
    case 'deleted':
      return <FullPageMessage title="Board not found">This board was deleted by its owner.</FullPageMessage>;
    case 'rotated':
      return (
        <FullPageMessage title="This link no longer works" tone="warning">
          The board&apos;s owner replaced this link. Ask them for the current one.
        </FullPageMessage>
      );
    case 'no-key':
      return (
        <FullPageMessage title="This link no longer works" tone="warning">
          The link is missing its key (the part after <code className="font-mono">#k=</code>). Copy the whole
          link again.
        </FullPageMessage>
      );
    case 'bad-key':
      return (
        <FullPageMessage title="This link no longer works" tone="warning">
          The key in this link is not valid for this board. It may have been replaced; ask the board&apos;s
          owner for a fresh link.
        </FullPageMessage>
      );
    default:
      return (
        <FullPageMessage title="Disconnected from the board" tone="warning">
          The server closed the connection{detail ? `: ${detail}` : ''}. Reload the page to try again.
        </FullPageMessage>
      );
  }
}
