'use client';

import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useBoard } from '@/components/board/board-context';
import { PresenceView, type Peer } from '@/lib/presence/presence-view';

export type { Peer } from '@/lib/presence/presence-view';
export { uniquePeople } from '@/lib/presence/presence-view';

function usePresence<T>(awareness: Awareness, select: (v: PresenceView) => T): T {
  const view = PresenceView.of(awareness);
  const get = () => select(view);
  return useSyncExternalStore(view.subscribe, get, get);
}

/** Everyone connected to the board (one entry per tab), from awareness. */
export function usePeers(awareness: Awareness): readonly Peer[] {
  return usePresence(awareness, (v) => v.peers());
}

/** Everyone on the board, one entry per person, yourself first. */
export function usePeople(awareness: Awareness): readonly Peer[] {
  return usePresence(awareness, (v) => v.uniquePeople());
}

/** People looking at one story of the current board; re-renders only when they change. */
export function useStoryPeople(storyId: string): readonly Peer[] {
  const { awareness } = useBoard();
  return usePresence(awareness, (v) => v.peopleOn(storyId));
}
