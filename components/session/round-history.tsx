'use client';

import { useMemo } from 'react';
import type * as Y from 'yjs';
import { getStoryMap, roots } from '@/lib/board/schema';
import { useTypeVersion } from '@/lib/board/hooks';
import { readRounds } from '@/lib/session/round-record';
import { RoundList } from './round-list';

/** A story's accepted rounds (its `rounds`), live, folded away under a count. */
export function RoundHistory({ doc, storyId }: { doc: Y.Doc; storyId: string }) {
  const listV = useTypeVersion(roots(doc).stories, false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `listV` signals the story map being replaced
  const map = useMemo(() => getStoryMap(doc, storyId), [doc, storyId, listV]);
  const v = useTypeVersion(map, false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `v` signals `rounds` being rewritten
  const rounds = useMemo(() => readRounds(map?.get('rounds')), [map, v]);
  if (rounds.length === 0) return null;
  return (
    <details className="text-sm" data-testid="round-history">
      <summary className="cursor-pointer font-medium">Round history ({rounds.length})</summary>
      <RoundList rounds={rounds} />
    </details>
  );
}
