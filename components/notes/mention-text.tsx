'use client';

import { useMemo } from 'react';
import { mentionSegments } from '@/lib/board/mentions';
import type { NoteView } from '@/lib/board/types';
import { useBoard } from '@/components/board/board-context';
import { cx } from '@/components/ui/cx';

/**
 * A note's text. Always text nodes, never HTML: an `@name` the note addresses is a styled span
 * around its own text (yours stands out).
 */
export function NoteText({ note }: { note: NoteView }) {
  if (note.mentions.length === 0) return <>{note.text}</>;
  return <WithMentions note={note} />;
}

function WithMentions({ note }: { note: NoteView }) {
  const { me } = useBoard();
  const segments = useMemo(() => mentionSegments(note.text, note.mentions), [note.text, note.mentions]);
  return (
    <>
      {segments.map((s, i) =>
        'mention' in s ? (
          <span
            key={i}
            data-testid="mention"
            data-me={s.mention === me.id || undefined}
            className={cx(
              'rounded px-0.5 font-medium',
              s.mention === me.id
                ? 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'
                : 'text-indigo-700 dark:text-indigo-300',
            )}
          >
            {s.text}
          </span>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
