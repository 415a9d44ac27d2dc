'use client';

import { memo, useState } from 'react';
import type { NoteThread as Thread } from '@/lib/board/summary';
import { NoteItem } from './note-item';
import { ReplyForm } from './reply-form';

/** Memoised: a thread keeps its object until its note or replies change (doc-view.ts). */
export const NoteThread = memo(function NoteThread({
  thread,
  names,
}: {
  thread: Thread;
  names: ReadonlyMap<string, string>;
}) {
  const [replying, setReplying] = useState(false);
  const { note, replies } = thread;
  return (
    <li>
      <NoteItem note={note} names={names} onReply={() => setReplying(true)} />
      {(replies.length > 0 || replying) && (
        <div className="ml-4 border-l border-line pl-3">
          <ul aria-label={`Replies to ${note.authorName}`}>
            {replies.map((r) => (
              <li key={r.id}>
                <NoteItem note={r} names={names} isReply />
              </li>
            ))}
          </ul>
          {replying && (
            <ReplyForm
              storyId={note.storyId}
              parentId={note.id}
              parentAuthor={note.authorName}
              onDone={() => setReplying(false)}
            />
          )}
        </div>
      )}
    </li>
  );
});
