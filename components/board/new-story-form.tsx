'use client';

import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { createStory, BoardOpError } from '@/lib/board/ops';
import { TITLE_MAX, WHY_MAX } from '@/lib/board/types';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { PANEL_FRAME } from '@/components/ui/panel';
import { useBoard } from './board-context';

const field =
  'w-full rounded-lg border border-zinc-300 bg-field px-3 text-sm shadow-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:placeholder:text-zinc-500';

/** A shell story is just a title and why it matters; the team shapes the rest in discussion. */
export function NewStoryForm({ onDone }: { onDone: (createdId: string | null) => void }) {
  const { doc, me, origin } = useBoard();
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(e?: FormEvent) {
    e?.preventDefault();
    try {
      const id = createStory(doc, { title, why, createdBy: me.id }, origin);
      onDone(id);
    } catch (err) {
      setError(err instanceof BoardOpError ? err.message : 'Could not add the story.');
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onDone(null);
    }
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-labelledby="new-story-title"
      className={cx(PANEL_FRAME, 'p-4 shadow-sm')}
    >
      <h2 id="new-story-title" className="text-sm font-semibold">
        New shell story
      </h2>
      <label htmlFor="story-title" className="mt-3 block text-xs font-medium text-body">
        Title
      </label>
      <input
        id="story-title"
        autoFocus
        required
        value={title}
        maxLength={TITLE_MAX}
        onChange={(e) => setTitle(e.target.value)}
        placeholder="e.g. Reorder a past delivery in one tap"
        className={`${field} mt-1 h-10`}
      />
      <label htmlFor="story-why" className="mt-3 block text-xs font-medium text-body">
        Why it matters
      </label>
      <textarea
        id="story-why"
        value={why}
        maxLength={WHY_MAX}
        onChange={(e) => setWhy(e.target.value)}
        rows={2}
        placeholder="Who benefits, and which number moves?"
        className={`${field} field-sizing-content mt-1 min-h-16 resize-none py-2`}
      />
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="mt-4 flex items-center justify-end gap-2">
        <Button variant="ghost" onClick={() => onDone(null)}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={!title.trim()}>
          Add story
        </Button>
      </div>
    </form>
  );
}
