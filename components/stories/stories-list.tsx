'use client';

import { useState } from 'react';
import { fetchFormalStories } from '@/components/promote/promote-api';
import { cx } from '@/components/ui/cx';
import { PANEL_FRAME } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { boardHref, formalStoryHref } from './links';
import { StoriesShell, Loading, LoadError } from './stories-shell';
import { IssueLine } from '@/components/trackers/issue-link';
import { StoryFacts } from './story-facts';
import { useFetched } from './use-fetched';
import { useStoryIssues } from './use-story-issues';

/** /b/<id>/stories: every formal story of the board at its latest version, newest first. */
export function StoriesScreen({ boardId }: { boardId: string }) {
  return (
    <StoriesShell boardId={boardId}>
      {({ boardKey }) => <StoriesList boardId={boardId} boardKey={boardKey} />}
    </StoriesShell>
  );
}

function StoriesList({ boardId, boardKey }: { boardId: string; boardKey: string }) {
  const [attempt, setAttempt] = useState(0);
  const list = useFetched(() => fetchFormalStories(boardId, boardKey), `${boardId}\n${boardKey}`, attempt);
  const issues = useStoryIssues(boardId, boardKey);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Formal stories</h1>
      <p className="mt-1 text-sm text-secondary">
        Published, immutable versions. Promote a story from the board to add or update one.
      </p>
      <div className="mt-6">
        {list.state === 'loading' && <Loading what="formal stories" />}
        {list.state === 'error' && (
          <LoadError
            message={`Could not load the formal stories: ${list.message}`}
            onRetry={() => setAttempt((a) => a + 1)}
          />
        )}
        {list.state === 'ready' && list.value.length === 0 && (
          <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-secondary dark:border-zinc-700">
            No formal stories yet. On the{' '}
            <a className="underline" href={boardHref(boardId, boardKey)}>
              board
            </a>
            , open a story and choose <strong>Promote</strong>.
          </p>
        )}
        {list.state === 'ready' && list.value.length > 0 && (
          <ul className="flex flex-col gap-3">
            {[...list.value]
              .sort((a, b) => b.publishedAt - a.publishedAt)
              .map((s) => (
                <li key={s.storyId} data-testid="formal-story" className={cx(PANEL_FRAME, 'p-4 shadow-xs')}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 className="min-w-0 text-base font-semibold break-words">
                      <a
                        href={formalStoryHref(boardId, s.storyId, boardKey)}
                        className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
                      >
                        {s.title}
                      </a>
                    </h2>
                    <p className="text-xs text-muted">
                      <span className="font-medium text-emerald-700 dark:text-emerald-400">v{s.version}</span>{' '}
                      · published <RelativeTime at={s.publishedAt} />
                    </p>
                  </div>
                  <p className="mt-1 text-sm leading-6 break-words text-body">{s.narrative}</p>
                  <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-secondary">
                    <span data-testid="criteria-count">
                      {s.criteria.length} {s.criteria.length === 1 ? 'criterion' : 'criteria'}
                    </span>
                    <StoryFacts story={s} />
                  </div>
                  {issues && (
                    <div className="mt-2">
                      <IssueLine testId="story-issue" issue={issues.get(s.storyId)} version={s.version} />
                    </div>
                  )}
                </li>
              ))}
          </ul>
        )}
      </div>
    </>
  );
}
