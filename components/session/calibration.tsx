'use client';

import { useMemo } from 'react';
import { calibrate } from '@/lib/session/calibration';
import { fetchFormalStories } from '@/components/promote/promote-api';
import { useBoard } from '@/components/board/board-context';
import { useLinkKey } from '@/components/board/use-link-key';
import { formalStoryHref } from '@/components/stories/links';
import { useFetched } from '@/components/stories/use-fetched';

/**
 * Calibration from the team's own history: formal stories accepted at each value (of `values`, a
 * round's scale, or every estimate present), each with its narrative line and a link to it. Loaded
 * once per `refresh` key (a round's start, a draft's opening), not on every keystroke.
 */
export function Calibration({
  values,
  exclude,
  highlight,
  refresh,
}: {
  values?: readonly string[];
  exclude: string;
  highlight?: string | null;
  refresh: string;
}) {
  const { boardId } = useBoard();
  const key = useLinkKey();
  const list = useFetched(
    () => (key ? fetchFormalStories(boardId, key) : Promise.resolve([])),
    `${boardId}\n${refresh}`,
    0,
  );
  const rows = useMemo(
    () => (list.state === 'ready' ? calibrate(list.value, { values, exclude }) : []),
    [list, values, exclude],
  );
  if (!key || rows.length === 0) return null;
  return (
    <details className="text-xs text-secondary" data-testid="calibration" open={Boolean(highlight)}>
      <summary className="cursor-pointer font-medium">
        Formal stories at each value ({rows.reduce((n, r) => n + r.total, 0)})
      </summary>
      <dl className="mt-2 flex flex-col gap-2">
        {rows.map((r) => (
          <div
            key={r.value}
            className="flex gap-2"
            data-testid="calibration-row"
            aria-current={r.value === highlight ? 'true' : undefined}
          >
            <dt
              className={
                r.value === highlight
                  ? 'w-10 shrink-0 font-mono font-bold text-indigo-700 dark:text-indigo-300'
                  : 'w-10 shrink-0 font-mono font-semibold text-zinc-800 dark:text-zinc-200'
              }
            >
              {r.value}
            </dt>
            <dd className="flex min-w-0 flex-col gap-0.5">
              {r.stories.map((s) => (
                <a
                  key={s.storyId}
                  href={formalStoryHref(boardId, s.storyId, key)}
                  target="_blank"
                  rel="noopener"
                  className="min-w-0 truncate hover:underline"
                  title={s.line || s.title}
                >
                  <span className="font-medium text-zinc-800 dark:text-zinc-200">{s.title}</span>
                  {s.line && <span> — {s.line}</span>}
                </a>
              ))}
              {r.total > r.stories.length && <span>and {r.total - r.stories.length} more</span>}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
