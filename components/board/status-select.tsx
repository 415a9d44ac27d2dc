'use client';

import { setStoryStatus } from '@/lib/board/ops';
import { useReadiness } from '@/lib/board/hooks';
import type { StoryStatus } from '@/lib/board/types';
import { useBoard } from './board-context';
import { STATUS_LABEL, StatusPill } from './status-pill';

// "promoted" is set by publishing a formal story, never by hand.
const SELECTABLE = ['shell', 'refining', 'ready'] as const;

export function StatusSelect({ storyId, status }: { storyId: string; status: StoryStatus }) {
  const { doc, canEdit, origin } = useBoard();
  const readiness = useReadiness(doc, storyId);
  if (!canEdit || status === 'promoted') return <StatusPill status={status} />;
  // `ready` means the definition of ready is met: not offered until it is (the panel says why).
  const blocked = status !== 'ready' && readiness !== null && !readiness.ready;
  return (
    <label className="inline-flex items-center gap-2 text-xs text-muted">
      Status
      <select
        value={status}
        onChange={(e) => setStoryStatus(doc, storyId, e.target.value as StoryStatus, origin)}
        className="h-7 rounded-md border border-line-strong bg-surface px-2 text-xs font-medium text-zinc-800 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100"
      >
        {SELECTABLE.map((s) => (
          <option key={s} value={s} disabled={s === 'ready' && blocked}>
            {s === 'ready' && blocked ? `${STATUS_LABEL[s]} (not met yet)` : STATUS_LABEL[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
