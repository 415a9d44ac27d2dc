import type { NoteView, StoryView } from '../board/types';
import type { DiscussionNote } from './types';
import { narrativeFor } from './narrative';
import { tidy, tidyLines } from './text';

export { article, narrativeFor } from './narrative';
export { DRAFT_TEXT_MAX, tidy, tidyLines } from './text';

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

const byTime = (a: NoteView, b: NoteView) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

export function buildDraft(
  story: StoryView,
  notes: readonly NoteView[],
  personaName: string | null = null,
): Draft {
  const live = notes.filter((n) => n.storyId === story.id && n.deletedAt === null).sort(byTime);
  // Criteria keep their line breaks (one may be a short list); other texts read as one line.
  const texts = (kind: NoteView['kind'], clean: (t: string) => string = tidy) =>
    live
      .filter((n) => n.kind === kind)
      .map((n) => clean(n.text))
      .filter(Boolean);
  return {
    narrative: narrativeFor(story.title, story.why, personaName),
    criteria: texts('criterion', tidyLines),
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
