'use client';

import { useState } from 'react';
import { useBoard } from '@/components/board/board-context';
import { useLinkKey } from '@/components/board/use-link-key';
import { Button } from '@/components/ui/button';
import { ImportDialog } from '@/components/board/lazy-panels';

/** Header entry point for importing a backlog (owner and team; the view link cannot write). */
export function ImportButton() {
  const { canEdit } = useBoard();
  const key = useLinkKey();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  if (!canEdit || !key) return null;
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        aria-haspopup="dialog"
      >
        Import
      </Button>
      {used && <ImportDialog open={open} onClose={() => setOpen(false)} boardKey={key} />}
    </>
  );
}
