'use client';

import { addNote } from '@/lib/board/ops';
import { NoteTextForm } from '@/components/ui/note-text-form';
import { useBoard } from '@/components/board/board-context';

/** One level of threading: replies hang under a top-level note. */
export function ReplyForm({
  storyId,
  parentId,
  parentAuthor,
  onDone,
}: {
  storyId: string;
  parentId: string;
  parentAuthor: string;
  onDone: () => void;
}) {
  const { doc, me, signalTyping, origin } = useBoard();

  function post(text: string): boolean {
    // Replies are plain discussion ("idea"); they never count as open questions.
    addNote(doc, { storyId, parentId, kind: 'idea', text, authorId: me.id, authorName: me.name }, origin);
    onDone();
    return true;
  }

  return (
    <NoteTextForm
      formLabel={`Reply to ${parentAuthor}`}
      className="mt-2"
      fieldLabel="Reply"
      autoFocus
      rows={1}
      placeholder="Write a reply…"
      onType={signalTyping}
      onSubmit={post}
      onCancel={onDone}
      submitLabel="Reply"
    />
  );
}
