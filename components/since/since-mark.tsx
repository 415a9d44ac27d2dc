'use client';

import type { Change, StoryChange } from '@/lib/board/since';
import { cx } from '@/components/ui/cx';
import { useSince } from './since-context';

const WORDS: Record<Change, string> = {
  new: 'new story',
  notes: 'new notes',
  status: 'status changed',
  estimate: 'estimate changed',
  promoted: 'promoted',
};

function describe(c: StoryChange): string {
  return c.changes
    .map((k) =>
      k === 'notes' ? `${c.newNotes.length} new ${c.newNotes.length === 1 ? 'note' : 'notes'}` : WORDS[k],
    )
    .join(', ');
}

const PILL =
  'inline-flex shrink-0 items-center gap-1 rounded-full bg-indigo-50 px-1.5 py-0.5 text-[11px] font-medium text-indigo-700 ring-1 ring-indigo-200 dark:bg-indigo-950 dark:text-indigo-300 dark:ring-indigo-800';

/** On a story card: a dot and "New"/"Updated" until the person opens the story. */
export function SinceMark({ storyId }: { storyId: string }) {
  const c = useSince().unseen.get(storyId);
  if (!c) return null;
  const isNew = c.changes.includes('new');
  return (
    <span
      data-testid="since-mark"
      className={cx(PILL, 'ml-auto')}
      title={`Since your last visit: ${describe(c)}`}
    >
      <span className="size-1.5 rounded-full bg-indigo-500" aria-hidden="true" />
      {isNew ? 'New' : 'Updated'}
      <span className="sr-only">since your last visit: {describe(c)}</span>
    </span>
  );
}

/** On a note that arrived while the person was away. */
export function NewNoteMark({ noteId }: { noteId: string }) {
  if (!useSince().newNotes.has(noteId)) return null;
  return (
    <span data-testid="since-note" className={PILL}>
      <span className="size-1.5 rounded-full bg-indigo-500" aria-hidden="true" />
      New<span className="sr-only"> since your last visit</span>
    </span>
  );
}
