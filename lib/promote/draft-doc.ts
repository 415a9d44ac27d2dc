import * as Y from 'yjs';
import { isEntityMap, readText, roots, type EntityMap } from '../board/schema';
import type { Draft } from './draft';
import { tidyLines } from './text';

/**
 * Co-edited promotion drafts in the board doc: drafts[storyId] = Y.Map {
 *   narrative: Y.Text, criteria: Y.Array<Y.Text>, notes: Y.Text, createdAt, createdBy }.
 */
export interface DraftView {
  narrative: string;
  criteria: string[];
  notes: string;
}

export function getDraftMap(doc: Y.Doc, storyId: string): EntityMap | null {
  const m = roots(doc).drafts.get(storyId);
  return isEntityMap(m) ? m : null;
}

export function criteriaOf(draft: EntityMap): Y.Array<Y.Text> | null {
  const c = draft.get('criteria');
  return c instanceof Y.Array ? (c as Y.Array<Y.Text>) : null;
}

export function readDraft(doc: Y.Doc, storyId: string): DraftView | null {
  const m = getDraftMap(doc, storyId);
  if (!m) return null;
  const criteria = (criteriaOf(m)?.toArray() ?? [])
    .map((t) => (t instanceof Y.Text ? t.toString() : typeof t === 'string' ? t : ''))
    .map((t) => tidyLines(t, Infinity)) // an edited criterion was never clipped: keep it so
    .filter(Boolean);
  return { narrative: readText(m, 'narrative').trim(), criteria, notes: readText(m, 'notes') };
}

const text = (value: string) => {
  const t = new Y.Text();
  t.insert(0, value);
  return t;
};

/** Creates the draft from the builder's output if none exists yet (two POs clicking at once keep one). */
export function ensureDraft(
  doc: Y.Doc,
  storyId: string,
  draft: Draft,
  by: string,
  origin?: unknown,
): EntityMap {
  const existing = getDraftMap(doc, storyId);
  if (existing) return existing;
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    m.set('narrative', text(draft.narrative));
    const criteria = new Y.Array<Y.Text>();
    criteria.push(draft.criteria.map(text));
    m.set('criteria', criteria);
    m.set('notes', text(''));
    m.set('createdAt', Date.now());
    m.set('createdBy', by);
    roots(doc).drafts.set(storyId, m);
  }, origin);
  return m;
}

export function addCriterion(
  doc: Y.Doc,
  storyId: string,
  value: string,
  index?: number,
  origin?: unknown,
): void {
  const c = getDraftMap(doc, storyId);
  const arr = c && criteriaOf(c);
  if (!arr) return;
  doc.transact(() => arr.insert(index ?? arr.length, [text(value)]), origin);
}

export function removeCriterion(doc: Y.Doc, storyId: string, index: number, origin?: unknown): void {
  const c = getDraftMap(doc, storyId);
  const arr = c && criteriaOf(c);
  if (!arr || index < 0 || index >= arr.length) return;
  doc.transact(() => arr.delete(index, 1), origin);
}

/** Moves a criterion by re-inserting its text (Y.Array has no move; content is copied). */
export function moveCriterion(doc: Y.Doc, storyId: string, from: number, to: number, origin?: unknown): void {
  const c = getDraftMap(doc, storyId);
  const arr = c && criteriaOf(c);
  if (!arr || from === to || from < 0 || from >= arr.length || to < 0 || to >= arr.length) return;
  doc.transact(() => {
    const item = arr.get(from);
    const value = item instanceof Y.Text ? item.toString() : '';
    arr.delete(from, 1);
    arr.insert(to, [text(value)]);
  }, origin);
}

/** Replaces the draft's narrative and criteria with freshly built ones, keeping the draft itself. */
export function rebuildDraft(doc: Y.Doc, storyId: string, draft: Draft, origin?: unknown): void {
  const m = getDraftMap(doc, storyId);
  if (!m) return;
  doc.transact(() => {
    const narrative = m.get('narrative');
    if (narrative instanceof Y.Text) {
      narrative.delete(0, narrative.length);
      narrative.insert(0, draft.narrative);
    } else {
      m.set('narrative', text(draft.narrative));
    }
    const criteria = new Y.Array<Y.Text>();
    criteria.push(draft.criteria.map(text));
    m.set('criteria', criteria);
  }, origin);
}

/** Ends the draft (discarded, or published as a version): the next Promote starts a new one. */
export function discardDraft(doc: Y.Doc, storyId: string, origin?: unknown): void {
  if (!getDraftMap(doc, storyId)) return;
  doc.transact(() => roots(doc).drafts.delete(storyId), origin);
}
