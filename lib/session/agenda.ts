import { compareRank, compareValue } from '../board/ordering';
import type { Evaluation, MissingRule } from '../board/readiness';
import type { StoryView } from '../board/types';

/** One story on the facilitator's suggested agenda, with what it still misses. */
export interface AgendaItem {
  story: StoryView;
  missing: readonly MissingRule[];
}

/**
 * The suggested session agenda (issue #17, 3): live stories that are not ready by the board's
 * definition, most valuable first (no value last); among equal value the story closest to ready
 * comes first (one rule away is the quickest win in the room), then backlog order. Promoted
 * stories are done, and a board without a definition has no agenda (every story counts as ready).
 * `evaluationOf` is the board view's memoised readiness, so the panel re-sorts without re-evaluating.
 */
export function suggestAgenda(
  stories: readonly StoryView[],
  evaluationOf: (storyId: string) => Evaluation | null,
): AgendaItem[] {
  const out: AgendaItem[] = [];
  for (const story of stories) {
    if (story.deletedAt !== null || story.status === 'promoted') continue;
    const e = evaluationOf(story.id);
    if (!e || e.total === 0 || e.missing.length === 0) continue;
    out.push({ story, missing: e.missing });
  }
  return out.sort(compareAgenda);
}

export function compareAgenda(a: AgendaItem, b: AgendaItem): number {
  return (
    compareValue(a.story, b.story) || a.missing.length - b.missing.length || compareRank(a.story, b.story)
  );
}

/**
 * The story the facilitator's agenda key focuses: the one after the focused story on the agenda,
 * or the first when focus is elsewhere (so pressing it again walks the agenda). Null when empty.
 */
export function nextOnAgenda(agenda: readonly AgendaItem[], focusedId: string | null): string | null {
  if (agenda.length === 0) return null;
  const at = focusedId === null ? -1 : agenda.findIndex((i) => i.story.id === focusedId);
  return agenda[(at + 1) % agenda.length]!.story.id;
}
