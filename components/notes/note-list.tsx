'use client';

import { memo, useMemo } from 'react';
import { useAuthorNames, useThreads } from '@/lib/board/hooks';
import { useBoard } from '@/components/board/board-context';
import { NoteThread } from './note-thread';

/** The discussion on a story, oldest first so it reads like the conversation it was. */
// Memoised: the open story's panel re-renders on every keystroke in its title; this part
// depends only on the story id and subscribes to what it shows.
export const NoteList = memo(function NoteList({ storyId }: { storyId: string }) {
  const { doc, me } = useBoard();
  const threads = useThreads(doc, storyId);
  const authors = useAuthorNames(doc);
  const names = useMemo(() => new Map(authors).set(me.id, me.name), [authors, me.id, me.name]);
  if (threads.length === 0) {
    return <p className="px-3 py-6 text-center text-sm text-muted">No notes yet.</p>;
  }
  return (
    <ul className="flex flex-col gap-1" aria-label="Notes" data-testid="note-list">
      {threads.map((t) => (
        <NoteThread key={t.note.id} thread={t} names={names} />
      ))}
    </ul>
  );
});
