'use client';

import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { addNote } from '@/lib/board/ops';
import { NOTE_MAX } from '@/lib/board/types';
import { Button } from '@/components/ui/button';
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
  const [text, setText] = useState('');

  function post(e?: FormEvent) {
    e?.preventDefault();
    if (!text.trim()) return;
    // Replies are plain discussion ("idea"); they never count as open questions.
    addNote(doc, { storyId, parentId, kind: 'idea', text, authorId: me.id, authorName: me.name }, origin);
    setText('');
    onDone();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) post();
    if (e.key === 'Escape') {
      e.preventDefault(); // cancel the reply, not the whole story panel
      onDone();
    }
  }

  return (
    <form onSubmit={post} aria-label={`Reply to ${parentAuthor}`} className="mt-2 flex flex-col gap-2">
      <textarea
        aria-label="Reply"
        autoFocus
        value={text}
        maxLength={NOTE_MAX}
        onChange={(e) => {
          setText(e.target.value);
          signalTyping();
        }}
        onKeyDown={onKeyDown}
        rows={1}
        placeholder="Write a reply…"
        className="field-sizing-content min-h-9 w-full resize-none rounded-lg border border-zinc-200 bg-white px-3 py-1.5 text-sm focus:border-indigo-400 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950"
      />
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" type="submit" disabled={!text.trim()}>
          Reply
        </Button>
      </div>
    </form>
  );
}
