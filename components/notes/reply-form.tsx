'use client';

import { addNote } from '@/lib/board/ops';
import { NoteTextForm } from '@/components/ui/note-text-form';
import { useBoard } from '@/components/board/board-context';
import { findMentions } from '@/lib/board/mentions';
import { useKnownPeopleNow } from '@/components/presence/use-known-people';

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
  const people = useKnownPeopleNow();

  function post(text: string): boolean {
    // Replies are plain discussion ("idea"); they never count as open questions.
    const mentions = findMentions(text, people(), me.id);
    const reply = { storyId, parentId, kind: 'idea' as const, text, authorId: me.id, authorName: me.name };
    addNote(doc, { ...reply, mentions }, origin);
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
      people={people}
    />
  );
}
