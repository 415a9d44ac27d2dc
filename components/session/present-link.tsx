'use client';

import { useLinkKey } from '@/components/board/use-link-key';
import { useBoard } from '@/components/board/board-context';

/** Opens the shared-screen view of this board in a new tab, with the same key. */
export function PresentLink() {
  const { boardId } = useBoard();
  const key = useLinkKey();
  if (!key) return null;
  return (
    <a
      href={`/b/${encodeURIComponent(boardId)}/present#k=${key}`}
      target="_blank"
      rel="noopener"
      className="inline-flex h-7 items-center rounded-md px-2 text-xs font-medium text-secondary hover:bg-subtle hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:hover:text-zinc-100"
    >
      Present
    </a>
  );
}
