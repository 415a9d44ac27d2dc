'use client';

import { useCallback } from 'react';
import { useStories } from '@/lib/board/hooks';
import { useBoard } from '@/components/board/board-context';
import { useSessionContext } from './session-context';

/** Facilitator: move the focus to the next/previous story in backlog order, and open it here. */
export function useFocusNav() {
  const { doc, openStory, openStoryId } = useBoard();
  const stories = useStories(doc);
  const session = useSessionContext();
  const current = session?.state?.focus?.storyId ?? openStoryId;
  return useCallback(
    (step: 1 | -1) => {
      if (!session || stories.length === 0) return;
      const i = stories.findIndex((s) => s.id === current);
      const next = stories[i === -1 ? 0 : Math.min(stories.length - 1, Math.max(0, i + step))];
      if (!next) return;
      openStory(next.id);
      void session.call('focus:set', { storyId: next.id });
    },
    [session, stories, current, openStory],
  );
}
