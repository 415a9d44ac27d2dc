import { sameChecks, sameUnderstanding } from './readiness';
import { sameMentions } from './mentions';
import type { BoardMetaView, NoteView, StoryView } from './types';

/**
 * Field-by-field equality of the plain views, so an entity that a transaction touched without
 * changing what it shows (a foreign client rewriting the same value, an undone edit) keeps its
 * identity and nothing downstream re-renders.
 */

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameFields<T extends object>(a: T, b: T, skip: readonly (keyof T)[] = []): boolean {
  for (const k of Object.keys(a) as (keyof T)[]) {
    if (!skip.includes(k) && a[k] !== b[k]) return false;
  }
  return true;
}

export function sameStory(a: StoryView, b: StoryView): boolean {
  return (
    sameFields(a, b, ['checks', 'understanding']) &&
    sameChecks(a.checks, b.checks) &&
    sameUnderstanding(a.understanding, b.understanding)
  );
}

export function sameNote(a: NoteView, b: NoteView): boolean {
  return (
    sameFields(a, b, ['plus', 'mentions']) && sameList(a.plus, b.plus) && sameMentions(a.mentions, b.mentions)
  );
}

export function sameMetaView(a: BoardMetaView, b: BoardMetaView): boolean {
  return sameFields(a, b);
}
