import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  compareRank,
  isValidRank,
  planMove,
  planVisibleMove,
  rankAt,
  rankBetween,
  rankWritesFor,
  sortByRank,
} from './ordering';
import { applyRanks, createStory, setStoryRank } from './ops';
import { readStories, roots } from './schema';

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

  it('planMove writes only the moved story, unless neighbours share a key or have none', () => {
    const keys = [rankBetween(null, null)];
    for (let i = 0; i < 3; i++) keys.push(rankBetween(keys.at(-1)!, null));
    const sorted = keys.map((rank, i) => ({ id: `s${i}`, rank }));
    expect(planMove(sorted, sorted[3]!, 0)).toEqual([{ id: 's3', rank: expect.any(String) }]);
    expect(planMove(sorted, sorted[1]!, 1)).toEqual([]);
    // Two stories share a key: placing between them must re-key one of them too.
    const tied = [
      { id: 'a', rank: keys[0]! },
      { id: 'b', rank: keys[0]! },
      { id: 'c', rank: null },
      { id: 'd', rank: null },
    ];
    const mover = { id: 'm', rank: keys[3]! };
    for (let index = 0; index <= tied.length; index++) {
      const writes = planMove(tied, mover, index);
      const after = tied.map((t) => ({ ...t, rank: writes.find((w) => w.id === t.id)?.rank ?? t.rank }));
      const m = { ...mover, rank: writes.find((w) => w.id === 'm')!.rank };
      const order = sortByRank([...after, m]).map((s) => s.id);
      expect(order.indexOf('m')).toBe(index);
    }
    expect(rankWritesFor(sorted)).toEqual([]);
  });

  it('property: random concurrent moves on two replicas converge; every story exactly once', () => {
    for (const start of [1, 7, 99, 2024]) {
      let seed = start;
      const rand = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const a = new Y.Doc();
      const b = new Y.Doc();
      const ids = new Set<string>();
      for (let i = 0; i < 15; i++) ids.add(createStory(a, { title: `S${i}`, createdBy: 'a' }));
      // A foreign client left one story without a rank and one with garbage.
      const [first, second] = [...ids];
      roots(a).stories.get(first!)!.delete('rank');
      roots(a).stories.get(second!)!.set('rank', '!!');
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      for (let round = 0; round < 40; round++) {
        for (const doc of [a, b]) {
          for (let k = 1 + rand(3); k > 0; k--) {
            const live = sortByRank(readStories(doc));
            const moving = live[rand(live.length)]!;
            applyRanks(doc, planMove(live, moving, rand(live.length)));
          }
        }
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
        const orderA = sortByRank(readStories(a)).map((s) => s.id);
        const orderB = sortByRank(readStories(b)).map((s) => s.id);
        expect(orderA).toEqual(orderB);
        expect(orderA.length).toBe(ids.size);
        expect(new Set(orderA)).toEqual(ids);
      }
    }
  });

  it('a move in a filtered view lands between its visible neighbours and writes one key', () => {
    const keys = [rankBetween(null, null)];
    for (let i = 0; i < 5; i++) keys.push(rankBetween(keys.at(-1)!, null));
    const full = keys.map((rank, i) => ({ id: `s${i}`, rank }));
    // Visible: s1, s3, s5 — move s5 to between s1 and s3.
    const visible = [full[1]!, full[5]!, full[3]!];
    const writes = planVisibleMove(full, visible, 's5');
    expect(writes.map((w) => w.id)).toEqual(['s5']);
    const after = sortByRank(full.map((s) => (s.id === 's5' ? { ...s, rank: writes[0]!.rank } : s)));
    expect(after.map((s) => s.id)).toEqual(['s0', 's1', 's2', 's5', 's3', 's4']);
    // Moved last among the visible: lands right after its predecessor.
    const down = planVisibleMove(full, [full[3]!, full[5]!, full[1]!], 's1');
    const afterDown = sortByRank(full.map((s) => (s.id === 's1' ? { ...s, rank: down[0]!.rank } : s)));
    expect(afterDown.map((s) => s.id)).toEqual(['s0', 's2', 's3', 's4', 's5', 's1']);
    expect(planVisibleMove(full, [full[2]!], 's2')).toEqual([]);
  });
});
