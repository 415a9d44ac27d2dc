import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createStory } from '../../lib/board/ops';
import { getStoryMap } from '../../lib/board/schema';
import { newStoriesBytes, parkedBytes } from './size';

const imported = Array.from({ length: 100 }, (_, i) => ({
  title: `Imported ${i} — café ☕`,
  why: `why ${i} `.repeat(i % 7 === 0 ? 0 : 40),
  estimate: i % 2 === 0 ? '13' : null,
}));

describe('newStoriesBytes', () => {
  it('is an upper bound of what an import adds to a board that already holds many stories', () => {
    const board = new Y.Doc();
    board.transact(() => {
      for (let i = 0; i < 1500; i++) createStory(board, { title: `existing ${i}`, createdBy: 'x' });
    });
    const measured = newStoriesBytes(imported, 'Paula');
    const before = Y.encodeStateVector(board);
    board.transact(() => {
      for (const s of imported) {
        const id = createStory(board, { title: s.title, why: s.why, createdBy: 'Paula' });
        if (s.estimate) getStoryMap(board, id)?.set('estimate', s.estimate);
      }
    });
    const actual = Y.encodeStateAsUpdate(board, before).byteLength;
    expect(actual).toBeLessThanOrEqual(measured);
    expect(measured).toBeLessThan(actual * 1.25); // and not wildly more
    expect(newStoriesBytes([], 'Paula')).toBe(0);
  });
});

describe('parkedBytes', () => {
  it('counts an update Yjs cannot integrate yet, and drops it once it can', () => {
    const author = new Y.Doc();
    const first = Y.encodeStateAsUpdate(author);
    author.getMap('m').set('a', 1);
    const u1 = Y.encodeStateAsUpdate(author, Y.encodeStateVector(new Y.Doc()));
    const sv = Y.encodeStateVector(author);
    author.getMap('m').set('b', 'x'.repeat(500));
    const u2 = Y.encodeStateAsUpdate(author, sv);
    const room = new Y.Doc();
    Y.applyUpdate(room, first);
    expect(parkedBytes(room)).toBe(0);
    Y.applyUpdate(room, u2); // depends on u1
    expect(parkedBytes(room)).toBeGreaterThan(500);
    Y.applyUpdate(room, u1);
    expect(parkedBytes(room)).toBe(0);
  });
});
