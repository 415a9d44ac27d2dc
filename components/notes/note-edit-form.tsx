'use client';

import { editNoteText } from '@/lib/board/ops';
import { NoteTextForm } from '@/components/ui/note-text-form';
import { useBoard } from '@/components/board/board-context';
import { findMentions, type Person } from '@/lib/board/mentions';
import { useKnownPeopleNow } from '@/components/presence/use-known-people';

/** The author's edit of their own note (replaces the text as a whole; only they edit it). */
export function NoteEditForm({
  noteId,
  initial,
  mentioned,
  onDone,
}: {
  noteId: string;
  initial: string;
  /** whom the note addresses now */
  mentioned?: readonly Person[];
  onDone: () => void;
}) {
  const { doc, me, origin } = useBoard();
  const people = useKnownPeopleNow();

  function save(text: string): boolean {
    // Whom the note already addresses stays known even if they have not been here since.
    const known = [...(mentioned ?? []), ...people()];
    editNoteText(doc, noteId, text, origin, findMentions(text, known, me.id));
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
      people={people}
    />
  );
}
