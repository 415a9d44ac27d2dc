'use client';

import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { editNoteText } from '@/lib/board/ops';
import { NOTE_MAX } from '@/lib/board/types';
import { Button } from '@/components/ui/button';
import { useBoard } from '@/components/board/board-context';

/** The author's edit of their own note (replaces the text as a whole; only they edit it). */
export function NoteEditForm({
  noteId,
  initial,
  onDone,
}: {
  noteId: string;
  initial: string;
  onDone: () => void;
}) {
  const { doc, origin } = useBoard();
  const [text, setText] = useState(initial);

  function save(e?: FormEvent) {
    e?.preventDefault();
    if (!text.trim()) return;
    editNoteText(doc, noteId, text, origin);
    onDone();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) save();
    if (e.key === 'Escape') {
      e.preventDefault();
      onDone();
    }
  }

  return (
    <form onSubmit={save} className="mt-1 flex flex-col gap-2">
      <textarea
        aria-label="Edit note"
        autoFocus
        value={text}
        maxLength={NOTE_MAX}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        className="field-sizing-content min-h-14 w-full resize-none rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-indigo-400 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950"
      />
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" type="submit" disabled={!text.trim()}>
          Save
        </Button>
      </div>
    </form>
  );
}
