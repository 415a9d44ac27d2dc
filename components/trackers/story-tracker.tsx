'use client';

import { memo, useCallback, useEffect, useId, useState } from 'react';
import { useStory } from '@/lib/board/hooks';
import { setStoryEstimate } from '@/lib/board/ops';
import type { StoryTrackerState } from '@/lib/trackers/client';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { driftLines } from '@/lib/trackers/drift';
import { IssueLink } from './issue-link';
import { KIND_HINTS } from './kind-hints';
import { useStoryIssue, useTracker, useTrackerConfig } from './tracker-context';

/** How often the open story's issue is read again (the server caches tracker reads briefly). */
const READ_MS = 15_000;

/**
 * The open story's issue (story panel): key and status, Push / Push again (owner), and what was
 * edited in the tracker since our push, with "Take the tracker's estimate" and "Push ours again".
 * Reads this one story from the tracker when the panel opens and after each push.
 */
export const StoryTracker = memo(function StoryTracker({ storyId }: { storyId: string }) {
  const { doc, isOwner, origin } = useBoard();
  const { client, store } = useTracker();
  const config = useTrackerConfig();
  const story = useStory(doc, storyId);
  const known = useStoryIssue(storyId);
  const [state, setState] = useState<StoryTrackerState | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const reasonId = useId();

  const read = useCallback(async () => {
    if (!client) return;
    try {
      const s = await client.storyState(storyId);
      setState(s);
      if (s) store.setStory(storyId, s.issue, s.pushedVersion, s.drift);
    } catch (e) {
      setMessage({ ok: false, text: `Could not read the issue: ${(e as Error).message}` });
    }
  }, [client, store, storyId]);

  const connected = !!config;
  const pushedAtAll = known !== undefined;
  useEffect(() => {
    if (!connected || !pushedAtAll) return;
    void read();
    // While the story is open, edits made in the tracker show up without reopening it.
    const t = setInterval(() => document.visibilityState === 'visible' && void read(), READ_MS);
    return () => clearInterval(t);
  }, [connected, pushedAtAll, read]);

  if (!config || !story) return null;
  const formal = story.formalVersion;
  if (formal === null && !isOwner) return null;
  const tracker = KIND_HINTS[config.kind].label;
  const issue = state?.issue ?? known;
  const pushedVersion = state?.pushedVersion ?? known?.pushedVersion ?? null;
  const theirs = state?.issue.estimate ?? null;
  const drift = driftLines(state?.drift ?? [], tracker, { theirs, ours: story.estimate });
  const estimateDrift = drift.some((l) => l.startsWith('Estimate')) && theirs !== null;

  const reason =
    formal === null
      ? 'Publish the story first: only formal stories go to the tracker.'
      : pushedVersion === formal
        ? `Version ${formal} is already in ${tracker}.`
        : null;

  async function push() {
    if (!client) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await client.push(storyId);
      store.setStory(storyId, r.issue, r.version, []);
      setMessage({
        ok: true,
        text: r.created
          ? `Pushed version ${r.version} to ${tracker} as ${r.issue.key}.`
          : `Updated ${r.issue.key} in ${tracker} to version ${r.version}.`,
      });
      await read();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  function takeEstimate() {
    if (theirs === null) return;
    setStoryEstimate(doc, storyId, theirs, origin);
    setMessage({ ok: true, text: `The board’s estimate is now ${theirs}, as in ${tracker}.` });
  }

  return (
    <section
      aria-label="Tracker"
      data-testid="story-tracker"
      className="flex flex-col gap-2 rounded-lg border border-line p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{tracker}</h3>
        {issue ? (
          <span className="flex items-center gap-2 text-sm">
            <IssueLink issue={issue} />
            {pushedVersion !== null && <span className="text-xs text-muted">pushed v{pushedVersion}</span>}
          </span>
        ) : (
          <span className="text-xs text-muted">Not in {tracker} yet</span>
        )}
      </div>
      {drift.length > 0 && (
        <div
          data-testid="drift"
          className="flex flex-col gap-2 rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          <ul className="list-disc pl-4">
            {drift.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          {isOwner && (
            <div className="flex flex-wrap gap-2">
              {estimateDrift && (
                <Button size="sm" onClick={takeEstimate}>
                  Take the tracker’s estimate
                </Button>
              )}
              <Button size="sm" onClick={() => void push()} disabled={busy || formal === null}>
                Push ours again
              </Button>
            </div>
          )}
        </div>
      )}
      {isOwner && (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            variant={reason ? 'secondary' : 'primary'}
            disabled={busy || reason !== null}
            aria-describedby={reason ? reasonId : undefined}
            onClick={() => void push()}
          >
            {busy ? 'Pushing…' : pushedVersion === null ? `Push to ${tracker}` : 'Push again'}
          </Button>
          {reason && (
            <span id={reasonId} className="text-xs text-muted">
              {reason}
            </span>
          )}
        </div>
      )}
      <p
        role="status"
        aria-live="polite"
        data-testid="push-result"
        className={
          message?.ok === false ? 'text-xs text-red-700 dark:text-red-400' : 'text-xs text-secondary'
        }
      >
        {message?.text}
      </p>
    </section>
  );
});
