'use client';

import { useMemo } from 'react';
import * as Y from 'yjs';
import { useTypeVersion } from '@/lib/board/hooks';
import { roots, textOf, type EntityMap } from '@/lib/board/schema';
import { criteriaOf, getDraftMap } from '@/lib/promote/draft-doc';

export interface LiveDraft {
  map: EntityMap;
  narrative: Y.Text | null;
  /** the criteria's Y.Texts in order, with their index in the array (foreign entries are skipped) */
  criteria: { text: Y.Text; index: number }[];
}

/**
 * The co-edited promotion draft of a story, or null. Watches the drafts root (a draft appearing
 * or being discarded), the draft map (a rebuild replacing its criteria) and the criteria array
 * (add, remove, move) — each shallowly: the texts themselves are bound by CollabText.
 */
export function useDraft(doc: Y.Doc, storyId: string): LiveDraft | null {
  const drafts = roots(doc).drafts;
  const rootV = useTypeVersion(drafts, false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `rootV` signals drafts being added/removed
  const map = useMemo(() => getDraftMap(doc, storyId), [doc, storyId, rootV]);
  const mapV = useTypeVersion(map, false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `mapV` signals fields being replaced
  const arr = useMemo(() => (map ? criteriaOf(map) : null), [map, mapV]);
  const arrV = useTypeVersion(arr, false);
  return useMemo(() => {
    if (!map) return null;
    const criteria = (arr?.toArray() ?? []).flatMap((text, index) =>
      text instanceof Y.Text ? [{ text, index }] : [],
    );
    return { map, narrative: textOf(map, 'narrative'), criteria };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `arrV`/`mapV` are the change signals
  }, [map, arr, arrV, mapV]);
}

const ids = new WeakMap<Y.Text, string>();
let next = 0;

/** A stable React key per criterion Y.Text (a moved criterion is a new Y.Text, so a new key). */
export function criterionKey(t: Y.Text): string {
  let id = ids.get(t);
  if (!id) ids.set(t, (id = `c${++next}`));
  return id;
}
