import type { NoteView, StoryStatus, StoryView } from './types';
import { STORY_STATUSES } from './types';

/**
 * "Since you left": what changed on a board between a person's last visit and now. The browser
 * keeps a compact snapshot per board (story → status, estimate, formal version; the note ids it
 * knew) and diffs the live board against it on return. Pure functions; storage is the caller's.
 */

export interface StoryMark {
  s: StoryStatus;
  e: string | null;
  f: number | null;
}

export interface Snapshot {
  v: 1;
  stories: Record<string, StoryMark>;
  /** live note ids known at the last visit */
  notes: string[];
}

export type Change = 'new' | 'notes' | 'status' | 'estimate' | 'promoted';

export interface StoryChange {
  storyId: string;
  changes: Change[];
  /** notes by others that arrived since */
  newNotes: string[];
  from?: StoryMark;
}

export interface SinceSummary {
  newStories: number;
  notes: number;
  status: number;
  estimate: number;
  promoted: number;
}

export interface SinceDiff {
  /** stories with anything new, in the order given */
  stories: StoryChange[];
  summary: SinceSummary;
}

const live = <T extends { deletedAt: number | null }>(xs: readonly T[]) =>
  xs.filter((x) => x.deletedAt === null);

export function snapshotOf(stories: readonly StoryView[], notes: readonly NoteView[]): Snapshot {
  const out: Snapshot = { v: 1, stories: {}, notes: [] };
  for (const s of live(stories)) out.stories[s.id] = { s: s.status, e: s.estimate, f: s.formalVersion };
  out.notes = live(notes).map((n) => n.id);
  return out;
}

/**
 * What changed since `base`, ignoring `me`'s own stories and notes (they did those). Status,
 * estimate and promotion changes count whoever made them: a person who changed a status and left
 * still sees the board as it was when they left, so no change of theirs is "since".
 */
export function diffSince(
  base: Snapshot,
  stories: readonly StoryView[],
  notes: readonly NoteView[],
  me: string,
): SinceDiff {
  const known = new Set(base.notes);
  const notesByStory = new Map<string, string[]>();
  for (const n of live(notes)) {
    if (known.has(n.id) || n.authorId === me) continue;
    const list = notesByStory.get(n.storyId) ?? [];
    list.push(n.id);
    notesByStory.set(n.storyId, list);
  }
  const summary: SinceSummary = { newStories: 0, notes: 0, status: 0, estimate: 0, promoted: 0 };
  const out: StoryChange[] = [];
  for (const s of live(stories)) {
    const was = base.stories[s.id];
    const newNotes = notesByStory.get(s.id) ?? [];
    const changes: Change[] = [];
    if (!was) {
      if (s.createdBy !== me) changes.push('new');
    } else {
      if ((s.formalVersion ?? 0) > (was.f ?? 0)) changes.push('promoted');
      else if (was.s !== s.status) changes.push('status');
      if (was.e !== s.estimate) changes.push('estimate');
    }
    if (newNotes.length > 0) changes.push('notes');
    if (changes.length === 0) continue;
    out.push({ storyId: s.id, changes, newNotes, from: was });
    summary.newStories += changes.includes('new') ? 1 : 0;
    summary.status += changes.includes('status') ? 1 : 0;
    summary.estimate += changes.includes('estimate') ? 1 : 0;
    summary.promoted += changes.includes('promoted') ? 1 : 0;
    summary.notes += newNotes.length;
  }
  return { stories: out, summary };
}

/**
 * The snapshot to store now: the live board, except that stories not looked at yet keep their
 * old entry (and their unseen notes stay unknown), so they are still "new" on the next visit.
 */
export function mergeSeen(base: Snapshot, current: Snapshot, unseen: readonly StoryChange[]): Snapshot {
  const stories = { ...current.stories };
  const hidden = new Set<string>();
  for (const c of unseen) {
    const was = base.stories[c.storyId];
    if (was) stories[c.storyId] = was;
    else delete stories[c.storyId];
    for (const id of c.newNotes) hidden.add(id);
  }
  return { v: 1, stories, notes: current.notes.filter((id) => !hidden.has(id)) };
}

/** Words for the bar, e.g. "2 new stories, 5 notes, 1 promoted"; empty when nothing changed. */
export function describeSummary(s: SinceSummary): string {
  const parts: string[] = [];
  const add = (n: number, one: string, many: string) => n > 0 && parts.push(`${n} ${n === 1 ? one : many}`);
  add(s.newStories, 'new story', 'new stories');
  add(s.notes, 'note', 'notes');
  add(s.status, 'status change', 'status changes');
  add(s.estimate, 'new estimate', 'new estimates');
  add(s.promoted, 'promoted', 'promoted');
  return parts.join(', ');
}

/** Reads a stored snapshot; anything malformed reads as "no snapshot" (a first visit). */
export function parseSnapshot(raw: string | null): Snapshot | null {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (!v || typeof v !== 'object') return null;
    const o = v as Record<string, unknown>;
    if (o.v !== 1 || !o.stories || typeof o.stories !== 'object' || !Array.isArray(o.notes)) return null;
    const stories: Record<string, StoryMark> = {};
    for (const [id, m] of Object.entries(o.stories as Record<string, unknown>)) {
      if (!m || typeof m !== 'object') continue;
      const r = m as Record<string, unknown>;
      const s = STORY_STATUSES.find((x) => x === r.s);
      if (!s) continue;
      stories[id] = {
        s,
        e: typeof r.e === 'string' ? r.e : null,
        f: typeof r.f === 'number' && Number.isFinite(r.f) ? r.f : null,
      };
    }
    return { v: 1, stories, notes: o.notes.filter((x): x is string => typeof x === 'string') };
  } catch {
    return null;
  }
}
