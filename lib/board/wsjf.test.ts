import { describe, expect, it } from 'vitest';
import { ranksAfter, sortByRank } from './ordering';
import { storyView } from '../test-support/views';
import type { StoryView } from './types';
import { formatScore, suggestOrder } from './wsjf';

function story(id: string, rank: string | null, value: number | null, effort: number | null): StoryView {
  return storyView({ id, title: id, rank, value, effort });
}

const apply = (stories: StoryView[], writes: { id: string; rank: string }[]) =>
  sortByRank(stories.map((s) => ({ ...s, rank: writes.find((w) => w.id === s.id)?.rank ?? s.rank })));

describe('WSJF suggestion', () => {
  it('orders by value ÷ effort, ties by value, then current order; unscored keep their places', () => {
    const k = ranksAfter(null, 6);
    const stories = [
      story('a', k[0]!, 2, 2), // 1.0
      story('b', k[1]!, null, 3), // unscored
      story('c', k[2]!, 8, 2), // 4.0
      story('d', k[3]!, 4, 1), // 4.0, lower value than c
      story('e', k[4]!, 6, 6), // 1.0, higher value than a
      story('f', k[5]!, 5, null), // unscored
    ];
    const s = suggestOrder(stories);
    expect(s.ranked.map((r) => r.story.id)).toEqual(['c', 'd', 'e', 'a']);
    expect(s.unscored.map((u) => u.id)).toEqual(['b', 'f']);
    expect(s.order.map((o) => o.id)).toEqual(['c', 'b', 'd', 'e', 'a', 'f']);
    expect(apply(stories, s.writes).map((o) => o.id)).toEqual(['c', 'b', 'd', 'e', 'a', 'f']);
    // Unscored stories are never written, and no more stories than needed are renumbered.
    expect(s.writes.map((w) => w.id)).not.toContain('b');
    expect(s.writes.map((w) => w.id)).not.toContain('f');
    expect(s.writes.length).toBeLessThanOrEqual(3);
  });

  it('equal value and ratio keep the current order; an already ordered backlog writes nothing', () => {
    const k = ranksAfter(null, 3);
    const stories = [story('z', k[0]!, 4, 2), story('y', k[1]!, 4, 2), story('x', k[2]!, 1, 5)];
    const s = suggestOrder(stories);
    expect(s.order.map((o) => o.id)).toEqual(['z', 'y', 'x']);
    expect(s.writes).toEqual([]);
    expect(s.moved.size).toBe(0);
  });

  it('moves one story with one write', () => {
    const k = ranksAfter(null, 5);
    const stories = k.map((r, i) => story(`s${i}`, r, 5, 5));
    stories[4] = story('s4', k[4]!, 9, 1);
    const s = suggestOrder(stories);
    expect(s.writes).toEqual([{ id: 's4', rank: expect.any(String) }]);
    expect(apply(stories, s.writes)[0]!.id).toBe('s4');
  });

  it('gives keys to stories with a missing rank or a shared key when they must move', () => {
    const k = ranksAfter(null, 1);
    const stories = [
      story('p', k[0]!, 1, 9),
      story('q', k[0]!, 2, 9),
      story('r', null, 9, 1),
      story('s', null, 8, 1),
    ];
    const s = suggestOrder(stories);
    expect(s.order.map((o) => o.id)).toEqual(['r', 's', 'q', 'p']);
    const after = apply(stories, s.writes);
    expect(after.map((o) => o.id)).toEqual(['r', 's', 'q', 'p']);
    expect(after.every((o) => o.rank !== null)).toBe(true);
  });

  it('formats scores with at most two decimals', () => {
    expect([formatScore(4), formatScore(8 / 3), formatScore(0.25), formatScore(4.5)]).toEqual([
      '4',
      '2.67',
      '0.25',
      '4.5',
    ]);
  });
});
