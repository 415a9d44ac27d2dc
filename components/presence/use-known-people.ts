'use client';

import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { useAuthorNames } from '@/lib/board/hooks';
import { BoardDocView } from '@/lib/board/doc-view';
import type { Person } from '@/lib/board/mentions';
import { PresenceView, type Peer } from '@/lib/presence/presence-view';
import { useBoard, type Me } from '@/components/board/board-context';
import { usePeople } from './use-peers';

/**
 * The people the board has seen, for `@name`: everyone who wrote a note (kept in the document)
 * and everyone here now on a team or owner link (presence; the live session's people are here
 * too). A view link can neither reply nor vote, so it is never offered: its card marker would wait
 * forever. A current name wins over the name an old note carries. Sorted by name; `withMe` keeps
 * the reader.
 */
function merge(
  authors: ReadonlyMap<string, string>,
  here: readonly Peer[],
  me: Me,
  withMe: boolean,
): Person[] {
  const names = new Map(authors);
  for (const p of here) if (p.user.role !== 'view') names.set(p.user.id, p.user.name);
  names.set(me.id, me.name);
  if (!withMe) names.delete(me.id);
  return [...names]
    .map(([id, name]) => ({ id, name }))
    .filter((p) => p.name.trim() !== '')
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Subscribed: re-renders when someone arrives, leaves or writes their first note. */
export function useKnownPeople(withMe = false): readonly Person[] {
  const { doc, awareness, me } = useBoard();
  const authors = useAuthorNames(doc);
  const here = usePeople(awareness);
  return useMemo(() => merge(authors, here, me, withMe), [authors, here, me, withMe]);
}

/** Read when asked (on posting a note): the composer does not re-render as people come and go. */
export function useKnownPeopleNow(): () => readonly Person[] {
  const { doc, awareness, me } = useBoard();
  return useCallback(() => readNow(doc, awareness, me), [doc, awareness, me]);
}

function readNow(doc: Y.Doc, awareness: Awareness, me: Me): Person[] {
  return merge(BoardDocView.of(doc).authorNames(), PresenceView.of(awareness).uniquePeople(), me, false);
}
