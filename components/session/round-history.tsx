'use client';

import { useMemo } from 'react';
import type * as Y from 'yjs';
import { getStoryMap, roots } from '@/lib/board/schema';
import { useTypeVersion } from '@/lib/board/hooks';
import { readRounds } from '@/lib/session/round-record';
import { SCALE_LABELS } from '@/lib/session/scales';

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every accepted round of a story, newest first: scale, accepted value, how the votes spread. */
export function RoundHistory({ doc, storyId }: { doc: Y.Doc; storyId: string }) {
  const listV = useTypeVersion(roots(doc).stories, false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `listV` signals the story map being replaced
  const map = useMemo(() => getStoryMap(doc, storyId), [doc, storyId, listV]);
  const v = useTypeVersion(map, false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `v` signals `rounds` being rewritten
  const rounds = useMemo(() => readRounds(map?.get('rounds')).reverse(), [map, v]);
  if (rounds.length === 0) return null;
  return (
    <details className="text-sm" data-testid="round-history">
      <summary className="cursor-pointer font-medium">Round history ({rounds.length})</summary>
      <ol className="mt-2 flex flex-col gap-1.5">
        {rounds.map((r) => (
          <li key={`${r.at}-${r.scale}`} className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-mono font-semibold">
              {r.scale === 'understanding' ? `${r.accepted}/5` : r.accepted}
            </span>
            <span className="text-muted">
              {SCALE_LABELS[r.scale]} · {r.distribution.map((d) => `${d.value}×${d.count}`).join(' ')} ·{' '}
              <time dateTime={new Date(r.at).toISOString()}>{when(r.at)}</time>
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
