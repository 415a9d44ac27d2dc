'use client';

import { memo, useId, useState } from 'react';
import { addNote, BoardOpError } from '@/lib/board/ops';
import type { NoteKind } from '@/lib/board/types';
import { cx } from '@/components/ui/cx';
import { NoteTextForm } from '@/components/ui/note-text-form';
import { PANEL_FRAME } from '@/components/ui/panel';
import { useBoard } from '@/components/board/board-context';
import { KindPicker } from './kind-picker';
import { findMentions } from '@/lib/board/mentions';
import { useKnownPeopleNow } from '@/components/presence/use-known-people';

const FIELD_ATTRS = { 'data-note-composer': '' }; // the `c` shortcut focuses this field

/** Adds a note of a chosen kind to the open story. ⌘/Ctrl+Enter posts. */
// Memoised: the open story's panel re-renders on every keystroke in its title; this part
// depends only on the story id and subscribes to what it shows.
export const NoteComposer = memo(function NoteComposer({ storyId }: { storyId: string }) {
  const { doc, me, signalTyping, origin } = useBoard();
  const id = useId();
  const [kind, setKind] = useState<NoteKind>('question');
  const [error, setError] = useState<string | null>(null);
  const people = useKnownPeopleNow();

  function post(text: string): boolean {
    try {
      const mentions = findMentions(text, people(), me.id);
      addNote(doc, { storyId, kind, text, authorId: me.id, authorName: me.name, mentions }, origin);
      setError(null);
      return true;
    } catch (err) {
      setError(err instanceof BoardOpError ? err.message : 'Could not add the note.');
      return false;
    }
  }

  return (
    <NoteTextForm
      look="framed"
      className={cx(PANEL_FRAME, 'p-3 shadow-xs')}
      fieldId={id}
      fieldLabel="Add a note"
      fieldAttrs={FIELD_ATTRS}
      rows={2}
      placeholder="Ask a question, suggest a criterion, flag a risk… (@name asks someone)"
      onType={signalTyping}
      onSubmit={post}
      submitLabel="Post note"
      extra={<KindPicker value={kind} onChange={setKind} name={`${id}-kind`} />}
      error={error}
      people={people}
    />
  );
});
