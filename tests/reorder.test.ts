import * as Y from 'yjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyRanks, createStory, setStoryScore } from '../lib/board/ops';
import { planMove, sortByRank } from '../lib/board/ordering';
import { readStories } from '../lib/board/schema';
import { suggestOrder } from '../lib/board/wsjf';
import { createBoard, type TestBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { destroyAll, stockProvider, synced } from './helpers/clients';

const srv = useTestServer();
let board: TestBoard;

beforeAll(async () => {
  board = await createBoard(srv.url, 'Reorder board');
});
afterEach(() => destroyAll());

const order = (doc: Y.Doc) => sortByRank(readStories(doc)).map((s) => s.id);
const sameVector = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

function mover(seed: number) {
  return (doc: Y.Doc) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const live = sortByRank(readStories(doc));
    const moving = live[seed % live.length]!;
    applyRanks(doc, planMove(live, moving, (seed >> 8) % live.length));
  };
}

describe('concurrent reordering through the real server', () => {
  it('two y-websocket clients moving stories at once converge to one order, no story lost or doubled', async () => {
    const a = stockProvider(srv.wsUrl, board.id, board.team);
    const b = stockProvider(srv.wsUrl, board.id, board.team);
    await Promise.all([synced(a), synced(b)]);
    const ids = new Set<string>();
    for (let i = 0; i < 12; i++) ids.add(createStory(a.doc, { title: `Story ${i}`, createdBy: 'a' }));
    await vi.waitFor(() => expect(readStories(b.doc)).toHaveLength(12));

    const moveA = mover(11);
    const moveB = mover(23);
    for (let round = 0; round < 8; round++) {
      // Offline for the round, so both sides really move from the same starting order.
      b.disconnect();
      for (let k = 0; k < 3; k++) {
        moveA(a.doc);
        moveB(b.doc);
      }
      // One story is moved by both people: last writer wins, but it stays exactly once.
      const shared = order(a.doc)[round]!;
      applyRanks(a.doc, planMove(sortByRank(readStories(a.doc)), { id: shared, rank: null }, 0));
      applyRanks(b.doc, planMove(sortByRank(readStories(b.doc)), { id: shared, rank: null }, 11));
      await b.connect();
      await vi.waitFor(() => expect(sameVector(a.doc, b.doc)).toBe(true));
      expect(order(a.doc)).toEqual(order(b.doc));
      expect(new Set(order(a.doc))).toEqual(ids);
      expect(order(a.doc)).toHaveLength(12);
    }

    // Moves made while both are online interleave on the wire too.
    for (let k = 0; k < 10; k++) {
      moveA(a.doc);
      moveB(b.doc);
    }
    await vi.waitFor(() => expect(sameVector(a.doc, b.doc)).toBe(true));
    expect(order(a.doc)).toEqual(order(b.doc));

    // A newcomer loading the board from the server sees that same order.
    const c = stockProvider(srv.wsUrl, board.id, board.view);
    await synced(c);
    await vi.waitFor(() => expect(order(c.doc)).toEqual(order(a.doc)));
  });

  it('applying the suggested order while someone else moves a story converges without loss', async () => {
    const fresh = await createBoard(srv.url, 'WSJF board');
    const a = stockProvider(srv.wsUrl, fresh.id, fresh.team);
    const b = stockProvider(srv.wsUrl, fresh.id, fresh.team);
    await Promise.all([synced(a), synced(b)]);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = createStory(a.doc, { title: `W${i}`, createdBy: 'a' });
      ids.push(id);
      setStoryScore(a.doc, id, 'value', i + 1);
      setStoryScore(a.doc, id, 'effort', 2);
    }
    await vi.waitFor(() => expect(readStories(b.doc)).toHaveLength(6));
    b.disconnect();
    const s = suggestOrder(readStories(a.doc));
    expect(s.order.map((o) => o.id)).toEqual([...ids].reverse());
    applyRanks(a.doc, s.writes);
    const live = sortByRank(readStories(b.doc));
    applyRanks(b.doc, planMove(live, live[2]!, 0));
    await b.connect();
    await vi.waitFor(() => expect(sameVector(a.doc, b.doc)).toBe(true));
    expect(order(a.doc)).toEqual(order(b.doc));
    expect(new Set(order(a.doc))).toEqual(new Set(ids));
  });
});
