'use client';

import { memo } from 'react';
import type { StoryIssue } from '@/lib/trackers/issue-store';
import { useStoryIssue } from './tracker-context';

/** An issue key that opens the tracker in a new tab, and the tracker's status beside it. */
export function IssueLink({ issue }: { issue: { key: string; url: string; status: string | null } }) {
  return (
    <>
      <a
        href={issue.url}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="issue-key"
        className="rounded font-mono font-semibold text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
      >
        {issue.key}
        <span className="sr-only"> (opens the tracker in a new tab)</span>
      </a>
      {issue.status && (
        <span
          data-testid="issue-status"
          className="truncate rounded-full bg-subtle px-2 py-0.5 text-xs font-medium text-body"
        >
          <span className="sr-only">Status </span>
          {issue.status}
        </span>
      )}
    </>
  );
}

/**
 * The card's issue line (formal stories on a board with a tracker). Fixed height, one line,
 * always there on a formal card once the tracker is known, so a summary arriving or refreshing
 * never changes the card's height (the list is windowed on measured heights).
 */
export const CardIssue = memo(function CardIssue({ storyId, version }: { storyId: string; version: number }) {
  const issue = useStoryIssue(storyId);
  return <IssueLine testId="card-issue" issue={issue} version={version} />;
});

/**
 * One story's issue on one line: key (a link), status, *vN not pushed* when the story's latest
 * version is newer, *Changed in tracker* on drift; *Not in tracker* without an issue. The board's
 * cards and the formal-stories pages (components/stories/) both show it.
 */
export function IssueLine({
  issue,
  version,
  testId,
}: {
  issue: Pick<StoryIssue, 'key' | 'url' | 'status' | 'pushedVersion' | 'drift'> | undefined;
  /** the story's latest published version */
  version: number;
  testId: string;
}) {
  return (
    <div data-testid={testId} className="flex h-6 min-w-0 items-center gap-2 text-xs">
      {issue ? (
        <>
          <IssueLink issue={issue} />
          {issue.pushedVersion !== version && <span className="text-muted">v{version} not pushed</span>}
          {issue.drift.length > 0 && (
            <span data-testid="card-drift" className="font-medium text-amber-700 dark:text-amber-400">
              Changed in tracker
            </span>
          )}
        </>
      ) : (
        <span className="text-muted">Not in tracker</span>
      )}
    </div>
  );
}
