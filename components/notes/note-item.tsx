'use client';

import { useState } from 'react';
import { setNoteResolved } from '@/lib/board/ops';
import type { NoteView } from '@/lib/board/types';
import { colorFor } from '@/lib/presence/identity';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { RelativeTime } from '@/components/ui/relative-time';
import { cx } from '@/components/ui/cx';
import { useBoard } from '@/components/board/board-context';
import { KindBadge } from './kind-badge';
import { PlusButton } from './plus-button';
import { DeleteNote } from './delete-note';
import { NoteEditForm } from './note-edit-form';
import { NoteText } from './mention-text';
import { NewNoteMark } from '@/components/since/since-mark';

interface Props {
  note: NoteView;
  names: ReadonlyMap<string, string>;
  isReply?: boolean;
  onReply?: () => void;
}

/** One note: who, when, what (always as text, never HTML), and what you may do with it. */
export function NoteItem({ note, names, isReply = false, onReply }: Props) {
  const { doc, me, canEdit, isOwner, origin } = useBoard();
  const [editing, setEditing] = useState(false);
  const mine = note.authorId === me.id;
  const openQuestion = !isReply && note.kind === 'question' && !note.resolved;

  return (
    <article
      data-testid="note"
      data-kind={note.kind}
      aria-label={`${isReply ? 'Reply' : note.kind} by ${note.authorName}`}
      className={cx(
        'group rounded-lg px-3 py-2.5',
        openQuestion &&
          'bg-amber-50/70 ring-1 ring-amber-200 ring-inset dark:bg-amber-950/20 dark:ring-amber-900/60',
        note.resolved && 'opacity-70',
      )}
    >
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <span
          className="size-2 rounded-full"
          style={{ backgroundColor: colorFor(note.authorId) }}
          aria-hidden="true"
        />
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{note.authorName}</span>
        <RelativeTime at={note.createdAt} className="text-muted" />
        {note.editedAt !== null && <span className="text-muted">· edited</span>}
        {!isReply && <KindBadge kind={note.kind} />}
        <NewNoteMark noteId={note.id} />
        {note.resolved && (
          <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
            <Icon name="check" className="size-3" /> Resolved
          </span>
        )}
      </header>

      {editing ? (
        <NoteEditForm
          noteId={note.id}
          initial={note.text}
          mentioned={note.mentions}
          onDone={() => setEditing(false)}
        />
      ) : (
        <p className="mt-1 text-sm leading-6 break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
          <NoteText note={note} />
        </p>
      )}

      <div className="-ml-2 mt-1 flex flex-wrap items-center gap-0.5">
        <PlusButton noteId={note.id} plus={note.plus} names={names} />
        {canEdit && !editing && (
          <>
            {!isReply && onReply && (
              <Button size="sm" variant="ghost" onClick={onReply}>
                <Icon name="reply" className="size-3.5" /> Reply
              </Button>
            )}
            {!isReply && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setNoteResolved(doc, note.id, !note.resolved, origin)}
              >
                <Icon name={note.resolved ? 'reopen' : 'check'} className="size-3.5" />
                {note.resolved ? 'Reopen' : 'Resolve'}
              </Button>
            )}
            {mine && (
              <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label="Edit note">
                <Icon name="pencil" className="size-3.5" />
              </Button>
            )}
            {(mine || isOwner) && <DeleteNote noteId={note.id} />}
          </>
        )}
      </div>
    </article>
  );
}
