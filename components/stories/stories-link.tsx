'use client';

import { useBoard } from '@/components/board/board-context';
import { useLinkKey } from '@/components/board/use-link-key';
import { storiesHref } from './links';

/** Header link from the board to its formal stories, carrying the key in the fragment. */
export function StoriesLink() {
  const { boardId } = useBoard();
  const key = useLinkKey();
  if (!key) return null;
  return (
    <a
      href={storiesHref(boardId, key)}
      className="inline-flex h-7 items-center rounded-md px-2 text-xs font-medium text-secondary hover:bg-subtle hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-zinc-100"
    >
      Formal stories
    </a>
  );
}
