'use client';

import { useState } from 'react';
import { discardDraft } from '@/lib/promote/draft-doc';
import { useBoard } from '@/components/board/board-context';
import { useLinkKey } from '@/components/board/use-link-key';
import { Button } from '@/components/ui/button';
import { publishStory, type PublishResult } from './promote-api';

/**
 * Owner only: publish the draft as an immutable formal-story version. Open questions or a missing
 * why need an explicit "Publish anyway". A published draft is closed; the next Promote starts v n+1.
 */
export function PublishStory({
  storyId,
  warnings,
  onPublished,
}: {
  storyId: string;
  warnings: string[];
  onPublished: (r: PublishResult) => void;
}) {
  const { doc, boardId, isOwner, me } = useBoard();
  const key = useLinkKey();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!isOwner || !key) return null;

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      const result = await publishStory(boardId, storyId, key!, me.name);
      discardDraft(doc, storyId);
      onPublished(result);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        size="sm"
        variant="primary"
        disabled={busy}
        onClick={() => (warnings.length > 0 && !confirming ? setConfirming(true) : void publish())}
      >
        {busy ? 'Publishing…' : 'Publish'}
      </Button>
      {confirming && (
        <div
          role="alert"
          className="basis-full rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          <p className="font-medium">Publish with these still open?</p>
          <ul className="mt-1 list-disc pl-4">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <div className="mt-2 flex gap-2">
            <Button size="sm" onClick={() => void publish()} disabled={busy}>
              Publish anyway
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="basis-full text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </>
  );
}
