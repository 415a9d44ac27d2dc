'use client';

import { memo, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { addNote, BoardOpError } from '@/lib/board/ops';
import { NOTE_MAX, type NoteKind } from '@/lib/board/types';
import { Button } from '@/components/ui/button';
import { useBoard } from '@/components/board/board-context';
import { KindPicker } from './kind-picker';

/** Adds a note of a chosen kind to the open story. ⌘/Ctrl+Enter posts. */
// Memoised: the open story's panel re-renders on every keystroke in its title; this part
// depends only on the story id and subscribes to what it shows.
export const NoteComposer = memo(function NoteComposer({ storyId }: { storyId: string }) {
  const { doc, me, signalTyping, origin } = useBoard();
  const id = useId();
  const [kind, setKind] = useState<NoteKind>('question');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function post(e?: FormEvent) {
    e?.preventDefault();
    if (!text.trim()) return;
    try {
      addNote(doc, { storyId, kind, text, authorId: me.id, authorName: me.name }, origin);
      setText('');
      setError(null);
    } catch (err) {
      setError(err instanceof BoardOpError ? err.message : 'Could not add the note.');
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) post();
  }

  return (
    <form
      onSubmit={post}
      className="rounded-xl border border-zinc-200 bg-white p-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <label htmlFor={id} className="sr-only">
        Add a note
      </label>
      <textarea
        id={id}
        data-note-composer=""
        value={text}
        maxLength={NOTE_MAX}
        onChange={(e) => {
          setText(e.target.value);
          signalTyping();
        }}
        onKeyDown={onKeyDown}
        rows={2}
        placeholder="Ask a question, suggest a criterion, flag a risk…"
        className="field-sizing-content min-h-14 w-full resize-none bg-transparent px-1 text-sm leading-6 placeholder:text-zinc-400 focus:outline-none dark:placeholder:text-zinc-500"
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <KindPicker value={kind} onChange={setKind} name={`${id}-kind`} />
        <Button type="submit" variant="primary" size="sm" disabled={!text.trim()}>
          Post note
        </Button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
});
