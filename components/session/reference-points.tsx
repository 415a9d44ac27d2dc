'use client';

import { useMemo } from 'react';
import { useStories } from '@/lib/board/hooks';
import { useBoard } from '@/components/board/board-context';

/** Stories already estimated, grouped by estimate: anchors for the round in progress. */
export function ReferencePoints({ exclude }: { exclude: string }) {
  const { doc } = useBoard();
  const stories = useStories(doc);
  const groups = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const s of stories)
      if (s.estimate && s.id !== exclude)
        m.set(s.estimate, [...(m.get(s.estimate) ?? []), s.title || 'Untitled']);
    return [...m.entries()];
  }, [stories, exclude]);
  if (groups.length === 0) return null;
  return (
    <details className="text-xs text-secondary" data-testid="reference-points">
      <summary className="cursor-pointer font-medium">Already estimated ({groups.length} sizes)</summary>
      <dl className="mt-2 flex flex-col gap-1">
        {groups.map(([est, titles]) => (
          <div key={est} className="flex gap-2">
            <dt className="w-10 shrink-0 font-mono font-semibold text-zinc-800 dark:text-zinc-200">{est}</dt>
            <dd className="min-w-0 truncate">{titles.join(' · ')}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
