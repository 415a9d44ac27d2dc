'use client';

import { createTrackerClient, type PushSummaryItem } from '@/lib/trackers/client';
import { useFetched } from './use-fetched';

/**
 * The board's pushed issues for the formal-stories pages: one read of the connection and one of
 * the push summary (`GET …/tracker/pushes`, no tracker call) per page load. `null` when the board
 * has no tracker, or while loading, or when the read failed: the page works without its tracker.
 */
export function useStoryIssues(
  boardId: string,
  boardKey: string,
): ReadonlyMap<string, PushSummaryItem> | null {
  const got = useFetched(
    async () => {
      const client = createTrackerClient({ boardId, key: boardKey });
      const config = await client.getTracker();
      if (!config) return null;
      const items = await client.summary();
      return new Map(items.map((i) => [i.storyId, i]));
    },
    `${boardId}\n${boardKey}`,
    0,
  );
  return got.state === 'ready' ? got.value : null;
}
