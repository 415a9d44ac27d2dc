import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { compareRank, isValidRank, rankAt, rankBetween, sortByRank } from './ordering';
import { createStory, setStoryRank } from './ops';
import { readStories } from './schema';

describe('ordering', () => {
  it('generates keys strictly between neighbours and sorts missing or malformed ranks last', () => {
    const a = rankBetween(null, null);
    const c = rankBetween(a, null);
    const b = rankBetween(a, c);
    expect(a < b && b < c).toBe(true);
    expect(isValidRank(b)).toBe(true);
    expect(isValidRank('')).toBe(false);
    expect(isValidRank('not a key!')).toBe(false);
    const items = [
      { id: 'z', rank: null },
      { id: 'y', rank: c },
      { id: 'x', rank: a },
      { id: 'w', rank: a },
    ];
    expect(sortByRank(items).map((i) => i.id)).toEqual(['w', 'x', 'y', 'z']);
    expect(compareRank({ id: 'a', rank: null }, { id: 'b', rank: null })).toBeLessThan(0);
  });

  it('rankAt places an item at an index without renumbering others', () => {
    const keys = [rankBetween(null, null)];
    for (let i = 0; i < 4; i++) keys.push(rankBetween(keys.at(-1)!, null));
    const sorted = keys.map((rank, i) => ({ id: `s${i}`, rank }));
    const k = rankAt(sorted, 2);
    expect(sortByRank([...sorted, { id: 'new', rank: k }]).map((s) => s.id)).toEqual([
      's0',
      's1',
      'new',
      's2',
      's3',
      's4',
    ]);
    expect(rankAt(sorted, 0) < keys[0]!).toBe(true);
    expect(rankAt(sorted, 99) > keys[4]!).toBe(true);
  });

  it('concurrent random moves on two replicas converge to one order with no story lost or duplicated', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const a = new Y.Doc();
    const b = new Y.Doc();
    for (let i = 0; i < 12; i++) createStory(a, { title: `S${i}`, createdBy: 'a' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (let round = 0; round < 50; round++) {
      for (const doc of [a, b]) {
        const live = sortByRank(readStories(doc));
        const moving = live[rand(live.length)]!;
        const rest = live.filter((s) => s.id !== moving.id);
        setStoryRank(doc, moving.id, rankAt(rest, rand(rest.length + 1)));
      }
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      const orderA = sortByRank(readStories(a)).map((s) => s.id);
      const orderB = sortByRank(readStories(b)).map((s) => s.id);
      expect(orderA).toEqual(orderB);
      expect(new Set(orderA).size).toBe(12);
    }
  });
});
