'use client';

import { useCallback } from 'react';
import { BoardOpError, applyRanks, setStoryStream } from '@/lib/board/ops';
import { planVisibleMove } from '@/lib/board/ordering';
import { BoardDocView } from '@/lib/board/doc-view';
import type { StoryView } from '@/lib/board/types';
import { useBoard } from '@/components/board/board-context';

/** Keyboard/button moves; left/right (to the neighbouring lane) only mean something in the lanes view. */
export type MoveKind = 'up' | 'down' | 'top' | 'bottom' | 'left' | 'right';

/** Index a story moves to within its visible list for a keyboard/button move. */
export function targetIndex(kind: MoveKind, from: number, length: number): number {
  if (kind === 'left' || kind === 'right') return from;
  if (kind === 'top') return 0;
  if (kind === 'bottom') return length - 1;
  return Math.max(0, Math.min(length - 1, from + (kind === 'up' ? -1 : 1)));
}

/**
 * Moves a story within what the person sees (the filtered list or one lane), reading the full
 * order fresh from the doc at the moment of the move so a collaborator's concurrent move is
 * never undone. Optionally changes the story's value stream in the same transaction.
 */
export function useReorder(announce: (message: string) => void) {
  const { doc, origin } = useBoard();
  return useCallback(
    (visible: readonly StoryView[], storyId: string, toIndex: number, stream?: { name: string | null }) => {
      // The doc view is patched inside each transaction, so this is the order at this very moment.
      const full = BoardDocView.of(doc).liveStories();
      const moving = full.find((s) => s.id === storyId);
      if (!moving) return;
      const rest = visible.filter((s) => s.id !== storyId);
      const at = Math.max(0, Math.min(toIndex, rest.length));
      const target = [...rest.slice(0, at), moving, ...rest.slice(at)];
      const writes = planVisibleMove(full, target, storyId);
      const title = moving.title || 'Untitled story';
      try {
        if (stream && stream.name !== moving.stream) {
          setStoryStream(doc, storyId, stream.name, writes, origin);
          announce(
            `Moved “${title}” to ${stream.name ?? 'No stream'}, position ${at + 1} of ${target.length}.`,
          );
        } else if (writes.length > 0) {
          applyRanks(doc, writes, origin);
          announce(`Moved “${title}” to position ${at + 1} of ${target.length}.`);
        }
      } catch (e) {
        announce(e instanceof BoardOpError ? e.message : 'That move could not be made.');
      }
    },
    [doc, origin, announce],
  );
}
