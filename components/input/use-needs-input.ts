'use client';

import { useMemo } from 'react';
import { BoardDocView } from '@/lib/board/doc-view';
import { useNotesVersion, useStories } from '@/lib/board/hooks';
import { needsInput, type InputNeed } from '@/lib/board/needs-input';
import type { NoteThread } from '@/lib/board/summary';
import { useBoard } from '@/components/board/board-context';
import { useSessionContext } from '@/components/session/session-context';

const NO_THREADS: readonly NoteThread[] = [];

/**
 * The reader's "Needs your input" queue (lib/board/needs-input.ts), or null while `enabled` is
 * false: reading it reads every story's notes, so the header asks for it only once the board has
 * settled, and it then follows note changes (each story's part is cached until its notes change).
 */
export function useNeedsInput(enabled: boolean): readonly InputNeed[] | null {
  const { doc, me, role } = useBoard();
  const stories = useStories(doc);
  const notes = useNotesVersion(doc, enabled);
  const prevoted = useSessionContext()?.state?.prevoted;
  return useMemo(() => {
    if (!enabled) return null;
    void notes; // the change signal: notesOf below reads the current notes
    const view = BoardDocView.of(doc);
    const mine = new Set(prevoted?.filter((p) => p.userIds.includes(me.id)).map((p) => p.storyId));
    return needsInput(me.id, role, {
      stories,
      // Only stories with a note that addresses someone can owe a reply: the rest are not read.
      threadsOf: (id) => (view.hasMentions(id) ? view.threads(id) : NO_THREADS),
      // Until the session has said who pre-voted, nobody is asked for one (no false alarms).
      hasPrevoted: (id) => !prevoted || mine.has(id),
    });
  }, [enabled, doc, me.id, role, stories, notes, prevoted]);
}
