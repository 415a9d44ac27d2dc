'use client';

import { useState } from 'react';
import type { Draft } from '@/lib/promote/draft';
import { discardDraft, rebuildDraft } from '@/lib/promote/draft-doc';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';

type Asking = 'rebuild' | 'discard' | null;

/**
 * Rebuild from discussion (anyone who may edit) and Discard draft (owner); both overwrite work the
 * team typed, so each asks first.
 */
export function DraftActions({ storyId, built }: { storyId: string; built: Draft }) {
  const { doc, canEdit, isOwner, origin } = useBoard();
  const [asking, setAsking] = useState<Asking>(null);
  if (!canEdit) return null;

  const confirm = () => {
    if (asking === 'rebuild') rebuildDraft(doc, storyId, built, origin);
    if (asking === 'discard') discardDraft(doc, storyId, origin);
    setAsking(null);
  };

  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setAsking('rebuild')}
        aria-expanded={asking === 'rebuild'}
      >
        Rebuild from discussion
      </Button>
      {isOwner && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setAsking('discard')}
          aria-expanded={asking === 'discard'}
        >
          Discard draft
        </Button>
      )}
      {asking && (
        <div role="alert" className="basis-full rounded-md border border-line-strong p-2 text-xs">
          <p>
            {asking === 'rebuild'
              ? 'Replace the narrative and criteria with ones built from the discussion now? Edits made in the draft are lost for everyone.'
              : 'Discard this draft for everyone? Nothing is published; the discussion stays.'}
          </p>
          <div className="mt-2 flex gap-2">
            <Button size="sm" variant={asking === 'discard' ? 'danger' : 'secondary'} onClick={confirm}>
              {asking === 'rebuild' ? 'Rebuild' : 'Discard'}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setAsking(null)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
