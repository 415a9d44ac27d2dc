import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { deleteStory, restoreStory, togglePlus } from '../../lib/board/ops';
import type { Touch } from '../../lib/board/rules';
import { getStoryMap, roots, textOf } from '../../lib/board/schema';
import { criteriaOf, getDraftMap, removeCriterion } from '../../lib/promote/draft-doc';
import { editOf, gateBoard } from './gate-test-kit';
import { ProtocolError } from './protocol';
import { inspectUpdate } from './update-inspector';

/** What the inspector reports for real edits: roots, paths through nested types, deletions resolved. */
const board = gateBoard();

function touches(edit: (doc: Y.Doc) => void): Touch[] {
  const r = inspectUpdate(board.doc, editOf(board, edit));
  if (!r.ok) throw new Error(r.missing);
  return r.touches;
}

const json = (value: unknown) => ({ kind: 'json', value });

describe('update inspector', () => {
  it('a character typed in a story title: the title text, one sequence position down', () => {
    expect(touches((d) => textOf(getStoryMap(d, board.story)!, 'title')!.insert(0, 'x'))).toEqual([
      { root: 'stories', path: [board.story, 'title', null], op: 'insert', value: json('x') },
    ]);
  });

  it('a map key set over a live value: the new value and the one it replaces, and the old item deleted', () => {
    const t = touches((d) => getStoryMap(d, board.estimated)!.set('estimate', '8'));
    expect(t).toContainEqual({
      root: 'stories',
      path: [board.estimated, 'estimate'],
      op: 'insert',
      value: json('8'),
      current: json('5'),
    });
    expect(t).toContainEqual({
      root: 'stories',
      path: [board.estimated, 'estimate'],
      op: 'delete',
      current: json('5'),
    });
  });

  it('a restore: deletions of the live deletedAt and deletedBy items, found in the doc by id', () => {
    const t = touches((d) => restoreStory(d, board.trashed));
    expect(t.map((x) => [x.op, x.path.join('.')])).toEqual([
      ['delete', `${board.trashed}.deletedAt`],
      ['delete', `${board.trashed}.deletedBy`],
    ]);
  });

  it('a +1 taken back: a deletion inside the note’s plus map', () => {
    expect(touches((d) => togglePlus(d, board.note, 'b'))).toEqual([
      { root: 'notes', path: [board.note, 'plus', 'b'], op: 'delete', current: json(true) },
    ]);
  });

  it('a criterion removed: the array element and every character of its text', () => {
    const t = touches((d) => removeCriterion(d, board.drafted, 0));
    expect(t[0]).toEqual({
      root: 'drafts',
      path: [board.drafted, 'criteria', null],
      op: 'delete',
      current: { kind: 'type', type: 'text' },
    });
    expect(t.slice(1).every((x) => x.path.join('.') === `${board.drafted}.criteria..`)).toBe(true);
  });

  it('content inserted into a type created in the same update resolves through it', () => {
    const t = touches((d) => criteriaOf(getDraftMap(d, board.drafted)!)!.push([new Y.Text('new')]));
    const paths = t.map((x) => x.path.join('.'));
    expect(paths).toContain(`${board.drafted}.criteria.`); // the new Y.Text
    expect(paths).toContain(`${board.drafted}.criteria..`); // its characters
    const inner = t.find((x) => x.path.length === 4);
    expect(inner?.value).toEqual(json('w')); // "new": one item, read as a map value would be (last char)
  });

  it('text typed and erased in one update: the deletion is marked fresh', () => {
    const t = touches((d) => {
      const title = textOf(getStoryMap(d, board.story)!, 'title')!;
      title.insert(0, 'oops');
      title.delete(0, 4);
    });
    expect(t.find((x) => x.op === 'delete')).toMatchObject({
      fresh: true,
      path: [board.story, 'title', null],
    });
  });

  it('deletions the doc already holds are not reported; a soft delete is two inserts', () => {
    const t = touches((d) => deleteStory(d, board.story, 'x'));
    expect(t.map((x) => [x.op, x.path.join('.'), x.current])).toEqual([
      ['insert', `${board.story}.deletedAt`, undefined],
      ['insert', `${board.story}.deletedBy`, undefined],
    ]);
  });

  it('a whole story entry deleted: the entry and its fields', () => {
    const t = touches((d) => roots(d).stories.delete(board.story));
    expect(t[0]).toEqual({
      root: 'stories',
      path: [board.story],
      op: 'delete',
      current: { kind: 'type', type: 'map' },
    });
    expect(t.some((x) => x.path[1] === 'title')).toBe(true);
  });

  it('malformed bytes are a ProtocolError', () => {
    expect(() => inspectUpdate(board.doc, Uint8Array.of(1, 2, 3, 250, 250))).toThrow(ProtocolError);
  });

  it('costs time in proportion to the update, not the doc', () => {
    const big = gateBoard();
    const text = textOf(getStoryMap(big.doc, big.story)!, 'why')!;
    for (let i = 0; i < 20_000; i++) text.insert(i % 50, 'x'); // 20k items in the doc
    const update = editOf(big, (d) => textOf(getStoryMap(d, big.story)!, 'title')!.insert(0, 'k'));
    const started = performance.now();
    for (let i = 0; i < 200; i++) inspectUpdate(big.doc, update);
    // The step 2's delete set is empty here; 200 inspections of a keystroke stay far below a frame each.
    expect((performance.now() - started) / 200).toBeLessThan(2);
  });
});
