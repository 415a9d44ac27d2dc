'use client';

import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { BoardDocView } from '@/lib/board/doc-view';
import { useDefinition, useNotesVersion, useStories } from '@/lib/board/hooks';
import { nextOnAgenda, suggestAgenda, type AgendaItem } from '@/lib/session/agenda';
import { useBoard } from '@/components/board/board-context';
import { useSessionContext } from './session-context';

/** The agenda of the board as it is now, from the board view's memoised readiness. */
export function agendaOf(doc: Y.Doc): AgendaItem[] {
  const view = BoardDocView.of(doc);
  return suggestAgenda(view.liveStories(), (id) => view.readiness(id));
}

/** The suggested agenda, following stories, notes and the definition (for the open panel). */
export function useAgenda(): readonly AgendaItem[] {
  const { doc } = useBoard();
  const stories = useStories(doc);
  const notes = useNotesVersion(doc, true);
  const def = useDefinition(doc);
  // stories, notes and def are the change signals: agendaOf reads the current board.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => agendaOf(doc), [doc, stories, notes, def]);
}

/**
 * Facilitator: focus a story for everyone and open it here — `storyId`, or with none the next
 * story on the agenda after the focused one (the first when focus is elsewhere). The agenda is
 * read when asked, so the `a` key costs nothing until it is pressed.
 */
export function useAgendaFocus(): (storyId?: string) => boolean {
  const { doc, openStory } = useBoard();
  const session = useSessionContext();
  const focused = session?.state?.focus?.storyId ?? null;
  return useCallback(
    (storyId?: string) => {
      if (!session) return false;
      const id = storyId ?? nextOnAgenda(agendaOf(doc), focused);
      if (!id) return false;
      openStory(id);
      void session.call('focus:set', { storyId: id });
      return true;
    },
    [doc, session, focused, openStory],
  );
}
