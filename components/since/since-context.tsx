'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type * as Y from 'yjs';
import { BoardDocView } from '@/lib/board/doc-view';
import {
  diffSince,
  mergeSeen,
  snapshotOf,
  type SinceDiff,
  type Snapshot,
  type StoryChange,
} from '@/lib/board/since';
import { loadSnapshot, saveSnapshot } from './since-store';

export interface SinceValue {
  /** what changed before this visit, per story, until the person opens the story */
  unseen: ReadonlyMap<string, StoryChange>;
  /** notes by others that arrived while the person was away (marked for this whole visit) */
  newNotes: ReadonlySet<string>;
  /** the arrival summary, or null once dismissed / when nothing changed */
  arrival: SinceDiff | null;
  dismiss: () => void;
}

const EMPTY: SinceValue = { unseen: new Map(), newNotes: new Set(), arrival: null, dismiss: () => undefined };
const SinceContext = createContext<SinceValue>(EMPTY);

export const useSince = () => useContext(SinceContext);

const SAVE_MS = 30_000;

/**
 * Compares the board, once synced, with the snapshot from the last visit; keeps the snapshot
 * up to date (periodically and when the tab is hidden) except for stories not looked at yet.
 */
export function SinceProvider({
  doc,
  boardId,
  me,
  synced,
  openStoryId,
  children,
}: {
  doc: Y.Doc;
  boardId: string;
  me: string;
  synced: boolean;
  openStoryId: string | null;
  children: ReactNode;
}) {
  const [arrival, setArrival] = useState<{ base: Snapshot; diff: SinceDiff } | null>(null);
  const [unseenIds, setUnseenIds] = useState<ReadonlySet<string>>(new Set());
  const [dismissed, setDismissed] = useState(false);
  const started = useRef(false);
  const openRef = useRef(openStoryId);
  useEffect(() => {
    openRef.current = openStoryId;
  });

  // Once per visit, on the first sync: the board as it is now against the last visit.
  useEffect(() => {
    if (!synced || started.current) return;
    started.current = true;
    const view = BoardDocView.of(doc);
    const stories = view.allStories();
    const notes = view.allNotes();
    const base = loadSnapshot(boardId);
    if (!base) {
      saveSnapshot(boardId, snapshotOf(stories, notes));
      return;
    }
    const diff = diffSince(base, stories, notes, me);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- computed once from external storage
    setArrival({ base, diff });
    // The story open on arrival is being looked at already.
    setUnseenIds(new Set(diff.stories.map((s) => s.storyId).filter((id) => id !== openRef.current)));
  }, [synced, doc, boardId, me]);

  // Opening a story is looking at it (state adjusted while rendering, as React recommends for
  // state derived from a changing prop).
  const [lastOpen, setLastOpen] = useState<string | null>(null);
  if (openStoryId !== lastOpen) {
    setLastOpen(openStoryId);
    if (openStoryId && unseenIds.has(openStoryId)) {
      const next = new Set(unseenIds);
      next.delete(openStoryId);
      setUnseenIds(next);
    }
  }
  const save = useCallback(() => {
    if (!started.current) return;
    const view = BoardDocView.of(doc);
    const current = snapshotOf(view.allStories(), view.allNotes());
    const unseen = arrival ? arrival.diff.stories.filter((s) => unseenIds.has(s.storyId)) : [];
    saveSnapshot(boardId, arrival ? mergeSeen(arrival.base, current, unseen) : current);
  }, [doc, boardId, arrival, unseenIds]);

  useEffect(() => {
    save();
    const t = setInterval(save, SAVE_MS);
    const onHide = () => {
      if (document.visibilityState === 'hidden') save();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      clearInterval(t);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [save]);

  const value = useMemo<SinceValue>(() => {
    if (!arrival) return EMPTY;
    const unseen = new Map(
      arrival.diff.stories.filter((s) => unseenIds.has(s.storyId)).map((s) => [s.storyId, s] as const),
    );
    const newNotes = new Set(arrival.diff.stories.flatMap((s) => s.newNotes));
    return {
      unseen,
      newNotes,
      arrival: dismissed || unseen.size === 0 ? null : arrival.diff,
      dismiss: () => {
        setDismissed(true);
        setUnseenIds(new Set());
      },
    };
  }, [arrival, unseenIds, dismissed]);

  return <SinceContext.Provider value={value}>{children}</SinceContext.Provider>;
}
