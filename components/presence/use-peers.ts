'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { parseAwareness, type AwarenessUser } from '@/lib/validation/awareness';

export interface Peer {
  clientId: number;
  user: AwarenessUser;
  storyId: string | null;
  typing: boolean;
  self: boolean;
}

// Awareness mutates one Map in place, so we count its changes to give React a changing snapshot.
const versions = new WeakMap<Awareness, { n: number }>();
function counterFor(a: Awareness): { n: number } {
  let c = versions.get(a);
  if (!c) {
    const counter = { n: 0 };
    a.on('change', () => {
      counter.n += 1;
    });
    versions.set(a, counter);
    c = counter;
  }
  return c;
}

/** Everyone connected to the board, from awareness; states that do not parse are ignored. */
export function usePeers(awareness: Awareness): Peer[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      counterFor(awareness); // registered before onChange, so the count is fresh when React reads it
      // 'change' (not 'update') fires only when a state really changed, not on every heartbeat.
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const version = useSyncExternalStore(
    subscribe,
    () => counterFor(awareness).n,
    () => 0,
  );
  return useMemo(() => {
    const peers: Peer[] = [];
    awareness.getStates().forEach((raw, clientId) => {
      const s = parseAwareness(raw);
      if (!s) return;
      peers.push({
        clientId,
        user: s.user,
        storyId: s.storyId ?? null,
        typing: s.typing === true,
        self: clientId === awareness.clientID,
      });
    });
    return peers;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` signals a change inside the same Map
  }, [awareness, version]);
}

/** One entry per person (a person may have several tabs); typing/story from any of their tabs. */
export function uniquePeople(peers: readonly Peer[]): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const p of peers) {
    const prev = byUser.get(p.user.id);
    if (!prev) byUser.set(p.user.id, p);
    else byUser.set(p.user.id, { ...prev, typing: prev.typing || p.typing, self: prev.self || p.self });
  }
  return [...byUser.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name),
  );
}

/** People looking at a story, and whether each is typing there. */
export function peopleOnStory(peers: readonly Peer[], storyId: string): Peer[] {
  return uniquePeople(peers.filter((p) => p.storyId === storyId));
}
