'use client';

import { useMemo, useState } from 'react';
import { useStories } from '@/lib/board/hooks';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { useAllIssues, useTracker } from './tracker-context';

interface Outcome {
  storyId: string;
  title: string;
  ok: boolean;
  /** the issue key, or the tracker's message */
  text: string;
}

/**
 * Owner: push every formal story whose latest version is not in the tracker yet. One story at a
 * time through the per-story push, so the owner sees real progress and each story's own result
 * (an error on one does not stop the rest).
 */
export function BulkPush() {
  const { doc } = useBoard();
  const { client, store, refresh } = useTracker();
  const stories = useStories(doc);
  const issues = useAllIssues();
  const pending = useMemo(
    () =>
      stories.filter((s) => s.formalVersion !== null && issues.get(s.id)?.pushedVersion !== s.formalVersion),
    [stories, issues],
  );
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const running = progress !== null && progress.done < progress.total;

  async function run() {
    if (!client) return;
    const batch = pending.map((s) => ({ id: s.id, title: s.title || 'Untitled story' }));
    setOutcomes([]);
    setProgress({ done: 0, total: batch.length });
    for (const [i, s] of batch.entries()) {
      let outcome: Outcome;
      try {
        const r = await client.push(s.id);
        store.setStory(s.id, r.issue, r.version, []);
        outcome = { storyId: s.id, title: s.title, ok: true, text: r.issue.key };
      } catch (e) {
        outcome = { storyId: s.id, title: s.title, ok: false, text: (e as Error).message };
      }
      setOutcomes((o) => [...o, outcome]);
      setProgress({ done: i + 1, total: batch.length });
    }
    await refresh();
  }

  const failed = outcomes.filter((o) => !o.ok).length;
  return (
    <div className="flex flex-col gap-2" data-testid="bulk-push">
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" onClick={() => void run()} disabled={running || pending.length === 0 || !client}>
          {running ? 'Pushing…' : `Push all unpushed (${pending.length})`}
        </Button>
        {pending.length === 0 && !running && (
          <span className="text-xs text-muted">Every formal story’s latest version is in the tracker.</span>
        )}
        {progress && (
          <progress
            aria-label="Bulk push progress"
            className="h-2 w-32 accent-indigo-600"
            max={progress.total}
            value={progress.done}
          />
        )}
      </div>
      <p role="status" aria-live="polite" className="text-xs text-secondary">
        {progress &&
          (running
            ? `Pushed ${progress.done} of ${progress.total}…`
            : `Pushed ${progress.total - failed} of ${progress.total}${failed ? `; ${failed} failed` : ''}.`)}
      </p>
      {outcomes.length > 0 && (
        <ul aria-label="Bulk push results" className="flex flex-col gap-1 text-xs">
          {outcomes.map((o) => (
            <li key={o.storyId} data-testid="bulk-result" className="flex gap-2">
              <span
                className={
                  o.ok
                    ? 'font-medium text-emerald-700 dark:text-emerald-400'
                    : 'font-medium text-red-700 dark:text-red-400'
                }
              >
                {o.ok ? 'ok' : 'error'}
              </span>
              <span className="min-w-0 break-words">
                {o.title} — {o.text}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
