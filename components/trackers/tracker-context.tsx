'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { createTrackerClient, type TrackerClient, type TrackerConfig } from '@/lib/trackers/client';
import { useBoard } from '@/components/board/board-context';
import { useLinkKey } from '@/components/board/use-link-key';
import { TrackerStore, type StoryIssue } from '@/lib/trackers/issue-store';

interface TrackerContextValue {
  store: TrackerStore;
  client: TrackerClient | null;
  /** reads the connection and the push summary again (after a push, a connect, on the interval) */
  refresh: () => Promise<void>;
}

const TrackerContext = createContext<TrackerContextValue | null>(null);

/** How often the cards' issue summary is read again while the board is open. */
const REFRESH_MS = 60_000;

/**
 * The board's tracker for everything under it: one GET of the connection and one of the push
 * summary per board (never one per card), again after pushes, every minute while the tab is
 * visible, and when the tab comes back.
 */
export function TrackerProvider({ children }: { children: ReactNode }) {
  const { boardId } = useBoard();
  const key = useLinkKey();
  const [store] = useState(() => new TrackerStore());
  const client = useMemo(() => (key ? createTrackerClient({ boardId, key }) : null), [boardId, key]);

  const refresh = useCallback(async () => {
    if (!client) return;
    try {
      const config = await client.getTracker();
      store.setConfig(config);
      if (config) store.setSummary(await client.summary());
    } catch {
      // The board works without its tracker; the next refresh tries again.
    }
  }, [client, store]);

  useEffect(() => {
    void refresh();
    const tick = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const t = setInterval(tick, REFRESH_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(t);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [refresh]);

  const value = useMemo(() => ({ store, client, refresh }), [store, client, refresh]);
  return <TrackerContext.Provider value={value}>{children}</TrackerContext.Provider>;
}

/** Outside a provider (a card rendered on its own): no tracker, nothing to do. */
const NONE: TrackerContextValue = { store: new TrackerStore(), client: null, refresh: async () => undefined };
NONE.store.setConfig(null);

export function useTracker(): TrackerContextValue {
  return useContext(TrackerContext) ?? NONE;
}

/** The connection (undefined while loading, null when the board has none). */
export function useTrackerConfig(): TrackerConfig | null | undefined {
  const { store } = useTracker();
  return useSyncExternalStore(
    store.subscribe,
    () => store.config,
    () => undefined,
  );
}

/** One story's issue; the card re-renders only when this entry changes. */
export function useStoryIssue(storyId: string): StoryIssue | undefined {
  const { store } = useTracker();
  return useSyncExternalStore(
    store.subscribe,
    () => store.issue(storyId),
    () => undefined,
  );
}

/** Every pushed story's issue (for the bulk push count). */
export function useAllIssues(): ReadonlyMap<string, StoryIssue> {
  const { store } = useTracker();
  return useSyncExternalStore(
    store.subscribe,
    () => store.all(),
    () => store.all(),
  );
}
