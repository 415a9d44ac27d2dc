'use client';

import { editNoteText } from '@/lib/board/ops';
import { NoteTextForm } from '@/components/ui/note-text-form';
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

  function save(text: string): boolean {
    editNoteText(doc, noteId, text, origin);
    onDone();
    return true;
  }

  return (
    <NoteTextForm
      className="mt-1"
      fieldLabel="Edit note"
      autoFocus
      initial={initial}
      onSubmit={save}
      onCancel={onDone}
      submitLabel="Save"
    />
  );
}
