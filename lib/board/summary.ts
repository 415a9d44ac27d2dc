import type { NoteView, StoryView } from './types';
import { sortByRank } from './ordering';

/** Derived numbers the board shows: why-coverage and per-story discussion counts. */

export function liveStories(stories: readonly StoryView[]): StoryView[] {
  return sortByRank(stories.filter((s) => s.deletedAt === null));
}

export function hasWhy(s: StoryView): boolean {
  return s.why.trim().length > 0;
}

export function whyCoverage(stories: readonly StoryView[]): { withWhy: number; total: number } {
  const live = stories.filter((s) => s.deletedAt === null);
  return { withWhy: live.filter(hasWhy).length, total: live.length };
}

export interface StoryCounts {
  notes: number;
  openQuestions: number;
}

export function countsByStory(notes: readonly NoteView[]): Map<string, StoryCounts> {
  const out = new Map<string, StoryCounts>();
  for (const n of notes) {
    if (n.deletedAt !== null) continue;
    const c = out.get(n.storyId) ?? { notes: 0, openQuestions: 0 };
    c.notes += 1;
    if (n.kind === 'question' && !n.resolved) c.openQuestions += 1;
    out.set(n.storyId, c);
  }
  return out;
}

export interface NoteThread {
  note: NoteView;
  replies: NoteView[];
}

/** Top-level notes of a story (oldest first) with their replies; replies to deleted parents stay visible. */
/** Oldest first; equal times by id, so every replica orders alike. */
export function byCreated(a: NoteView, b: NoteView): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sameCounts(a: StoryCounts | undefined, b: StoryCounts): boolean {
  return !!a && a.notes === b.notes && a.openQuestions === b.openQuestions;
}

export function threadsFor(notes: readonly NoteView[], storyId: string): NoteThread[] {
  const mine = notes.filter((n) => n.storyId === storyId && n.deletedAt === null);
  const ids = new Set(mine.map((n) => n.id));
  const top = mine.filter((n) => !n.parentId || !ids.has(n.parentId)).sort(byCreated);
  return top.map((note) => ({
    note,
    replies: mine.filter((r) => r.parentId === note.id).sort(byCreated),
  }));
}
