import type { NoteView, StoryView } from '../board/types';
import type { DiscussionNote } from './types';

/**
 * Builds a promotion draft from a shell story and its discussion. Pure: the UI uses it to pre-fill
 * the co-edited draft, the server uses it when publishing a story that has no draft yet.
 */
export interface Draft {
  narrative: string;
  criteria: string[];
  decisions: string[];
  estimate: string | null;
  /** unresolved questions: publishing with them needs an explicit confirm */
  openQuestions: string[];
  whyMissing: boolean;
}

export const DRAFT_TEXT_MAX = 4000;

/** Collapses whitespace (newlines included) and trims; clips very long text. */
export function tidy(text: string, max = DRAFT_TEXT_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

const stripEnd = (t: string) => t.replace(/[\s.!;,:]+$/u, '');
const lowerFirst = (t: string) => (/^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);

export function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) && !/^(uni|use|eu|one)/i.test(word) ? 'an' : 'a';
}

/** "As a {persona}, I want {title}, so that {why}." — with sensible wording when parts are missing. */
export function narrativeFor(title: string, why: string, persona: string | null): string {
  const who = tidy(persona ?? '') || 'user';
  const want = lowerFirst(stripEnd(tidy(title))) || 'this story';
  const because = lowerFirst(stripEnd(tidy(why)));
  const head = `As ${article(who)} ${who}, I want ${want}`;
  return because ? `${head}, so that ${because}.` : `${head}.`;
}

const byTime = (a: NoteView, b: NoteView) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

export function buildDraft(
  story: StoryView,
  notes: readonly NoteView[],
  personaName: string | null = null,
): Draft {
  const live = notes.filter((n) => n.storyId === story.id && n.deletedAt === null).sort(byTime);
  const texts = (kind: NoteView['kind']) =>
    live
      .filter((n) => n.kind === kind)
      .map((n) => tidy(n.text))
      .filter(Boolean);
  return {
    narrative: narrativeFor(story.title, story.why, personaName),
    criteria: texts('criterion'),
    decisions: texts('decision'),
    estimate: story.estimate,
    openQuestions: live
      .filter((n) => n.kind === 'question' && !n.resolved)
      .map((n) => tidy(n.text))
      .filter(Boolean),
    whyMissing: tidy(story.why) === '',
  };
}

/** The discussion as it is now, threaded, for the immutable snapshot stored with a version. */
export function discussionSnapshot(storyId: string, notes: readonly NoteView[]): DiscussionNote[] {
  const live = notes.filter((n) => n.storyId === storyId && n.deletedAt === null).sort(byTime);
  const ids = new Set(live.map((n) => n.id));
  const plain = (n: NoteView): DiscussionNote => ({
    id: n.id,
    kind: n.kind,
    text: n.text,
    authorId: n.authorId,
    authorName: n.authorName,
    createdAt: n.createdAt,
    resolved: n.resolved,
    replies: [],
  });
  return live
    .filter((n) => !n.parentId || !ids.has(n.parentId))
    .map((n) => ({ ...plain(n), replies: live.filter((r) => r.parentId === n.id).map(plain) }));
}
