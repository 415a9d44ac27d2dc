'use client';

import { useMemo, useState } from 'react';
import { useAllNotes, useStory } from '@/lib/board/hooks';
import { buildDraft } from '@/lib/promote/draft';
import { useBoard } from '@/components/board/board-context';
import { useLinkKey } from '@/components/board/use-link-key';
import { Button } from '@/components/ui/button';

/**
 * Owner only: publish the story as an immutable formal-story version (from the co-edited draft if
 * there is one, else from the discussion). Open questions or a missing why need an explicit confirm.
 */
export function PublishStory({ storyId }: { storyId: string }) {
  const { doc, boardId, isOwner, me } = useBoard();
  const key = useLinkKey();
  const story = useStory(doc, storyId);
  const notes = useAllNotes(doc);
  const draft = useMemo(() => (story ? buildDraft(story, notes) : null), [story, notes]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (!isOwner || !story || !draft || !key) return null;
  const warnings = [
    ...(draft.whyMissing ? ['The story has no why.'] : []),
    ...draft.openQuestions.map((q) => `Open question: ${q}`),
  ];

  async function publish() {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(
        `/api/boards/${encodeURIComponent(boardId)}/stories/${encodeURIComponent(storyId)}/publish`,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ author: me.name }),
        },
      );
      const body = (await res.json()) as { version?: number; error?: { message: string } };
      if (!res.ok) throw new Error(body.error?.message ?? `The server answered ${res.status}.`);
      setMessage(
        res.status === 201
          ? `Published as version ${body.version}.`
          : `Unchanged since version ${body.version}.`,
      );
      setConfirming(false);
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-label="Publish"
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm">
          <span className="font-medium">Formal story</span>{' '}
          <span className="text-zinc-500 dark:text-zinc-400">{draft.narrative}</span>
        </p>
        <Button
          size="sm"
          variant="primary"
          disabled={busy}
          onClick={() => (warnings.length > 0 && !confirming ? setConfirming(true) : void publish())}
        >
          {busy ? 'Publishing…' : story.formalVersion ? 'Publish new version' : 'Publish'}
        </Button>
      </div>
      {confirming && (
        <div
          role="alert"
          className="rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          <ul className="list-disc pl-4">
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
      {message && (
        <p aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
          {message}
        </p>
      )}
    </section>
  );
}
