import { compareRank, compareValue } from './ordering';
import type { NoteThread } from './summary';
import type { NoteView, Role, StoryView } from './types';

/**
 * "Needs your input" (issue #17, 3): what one person still owes before the next session.
 *
 * - An **open question addressed to them**: a live, unresolved question thread in which a note
 *   (the question or a reply) names them with `@name`, and they have not posted in that thread
 *   since. Replying, or anyone resolving the question, takes it off their queue.
 * - A **pre-vote**: a live story without an accepted estimate on which they have not pre-voted.
 *   Only the team link is asked: the owner link is the PO and facilitator, who does not estimate,
 *   and a view link cannot vote. Promoted stories are done.
 *
 * Stories come most valuable first (no value last), then in backlog order.
 */
export interface Addressed {
  /** the top-level question of the thread */
  question: NoteView;
  /** the latest note of the thread that addresses the person */
  asking: NoteView;
}

export interface InputNeed {
  story: StoryView;
  prevote: boolean;
  questions: readonly Addressed[];
}

/**
 * Per addressed user id: the open question threads of one story waiting for their reply. Takes the
 * story's threads as the board view already builds them (summary.ts threadsFor: live notes, replies
 * oldest first, a reply to a deleted note standing as its own thread).
 */
export function awaitingReplies(threads: readonly NoteThread[]): Map<string, Addressed[]> {
  const out = new Map<string, Addressed[]>();
  for (const { note: question, replies } of threads) {
    if (question.kind !== 'question' || question.resolved) continue;
    // Walk oldest to newest: a mention opens a debt, the person's own later note settles it.
    const owed = new Map<string, NoteView>();
    for (const n of [question, ...replies]) {
      owed.delete(n.authorId);
      for (const { id } of n.mentions) if (id !== n.authorId) owed.set(id, n);
    }
    for (const [userId, asking] of owed) {
      let list = out.get(userId);
      if (!list) out.set(userId, (list = []));
      list.push({ question, asking });
    }
  }
  return out;
}

export interface NeedsInputSource {
  stories: readonly StoryView[];
  /** the story's threads (the board view's, kept until its notes change) */
  threadsOf: (storyId: string) => readonly NoteThread[];
  /** whether the person has pre-voted on the story (on any scale) */
  hasPrevoted: (storyId: string) => boolean;
}

export function needsInput(userId: string, role: Role, src: NeedsInputSource): InputNeed[] {
  const out: InputNeed[] = [];
  for (const story of src.stories) {
    if (story.deletedAt !== null || story.status === 'promoted') continue;
    const questions = role === 'view' ? [] : (awaitingRepliesOf(src.threadsOf(story.id)).get(userId) ?? []);
    const prevote = role === 'team' && story.estimate === null && !src.hasPrevoted(story.id);
    if (prevote || questions.length > 0) out.push({ story, prevote, questions });
  }
  return out.sort(compareNeeds);
}

function compareNeeds(a: InputNeed, b: InputNeed): number {
  return compareValue(a.story, b.story) || compareRank(a.story, b.story);
}

const awaitingCache = new WeakMap<readonly NoteThread[], Map<string, Addressed[]>>();

/**
 * awaitingReplies, kept per threads list: the board view hands out the same list until that
 * story's notes change, so the queue and the cards recompute only the stories that changed.
 */
export function awaitingRepliesOf(threads: readonly NoteThread[]): ReadonlyMap<string, readonly Addressed[]> {
  let m = awaitingCache.get(threads);
  if (!m) awaitingCache.set(threads, (m = awaitingReplies(threads)));
  return m;
}
