import { compareRank, rankWritesFor, sortByRank, type RankWrite } from './ordering';
import type { StoryView } from './types';

/**
 * "Suggested order", WSJF-style: value ÷ effort, highest first; ties by higher value, then the
 * current order (rank, then id). Stories missing value or effort are not ranked by guesswork: they
 * keep their places and are listed so the PO can score them. Scored stories are reordered among
 * the positions scored stories already hold.
 */
export interface Scored {
  story: StoryView;
  value: number;
  effort: number;
  score: number;
}

export interface Suggestion {
  /** scored stories, best first */
  ranked: Scored[];
  /** stories missing value or effort, in current order */
  unscored: StoryView[];
  /** the whole backlog as it would be after applying */
  order: StoryView[];
  /** the rank keys to write (the fewest that produce `order`) */
  writes: RankWrite[];
  /** ids of scored stories whose position would change */
  moved: Set<string>;
}

export function wsjfScore(value: number, effort: number): number {
  return value / effort;
}

export function compareScored(a: Scored, b: Scored): number {
  // Cross-multiplied so equal ratios (4/2 vs 2/1) compare exactly equal.
  const ratio = b.value * a.effort - a.value * b.effort;
  if (ratio !== 0) return ratio;
  if (a.value !== b.value) return b.value - a.value;
  return compareRank(a.story, b.story);
}

export function scoredOf(story: StoryView): Scored | null {
  if (story.value === null || story.effort === null) return null;
  return { story, value: story.value, effort: story.effort, score: wsjfScore(story.value, story.effort) };
}

/** `stories`: the live backlog (any order; it is sorted by rank here). */
export function suggestOrder(stories: readonly StoryView[]): Suggestion {
  const current = sortByRank(stories);
  const ranked: Scored[] = [];
  const unscored: StoryView[] = [];
  const slots: number[] = [];
  current.forEach((s, i) => {
    const sc = scoredOf(s);
    if (sc) {
      ranked.push(sc);
      slots.push(i);
    } else unscored.push(s);
  });
  ranked.sort(compareScored);
  const order = [...current];
  const moved = new Set<string>();
  ranked.forEach((sc, k) => {
    const slot = slots[k]!;
    if (order[slot]!.id !== sc.story.id) moved.add(sc.story.id);
    order[slot] = sc.story;
  });
  const writes = moved.size === 0 ? [] : rankWritesFor(order);
  return { ranked, unscored, order, writes, moved };
}

/** "4", "2.67", "0.25": at most two decimals, no trailing zeros. */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}
