'use client';

import { useState } from 'react';
import { deleteNote } from '@/lib/board/ops';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { useBoard } from '@/components/board/board-context';

/** Soft delete behind an inline confirmation (the owner can restore it from Trash later). */
export function DeleteNote({ noteId }: { noteId: string }) {
  const { doc, me, origin } = useBoard();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label="Delete note">
        <Icon name="trash" className="size-3.5" />
      </Button>
    );
  }
  return (
    <span role="group" aria-label="Confirm delete" className="inline-flex items-center gap-1">
      <span className="text-xs text-secondary">Delete this note?</span>
      <Button size="sm" variant="danger" onClick={() => deleteNote(doc, noteId, me.id, origin)} autoFocus>
        Delete
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </span>
  );
}
