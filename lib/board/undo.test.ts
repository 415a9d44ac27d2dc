import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, createStory, setStoryStatus } from './ops';
import { readNotes, readStories, textOf, getStoryMap } from './schema';
import { LocalOrigin, createUndoManager } from './undo';

/** Two clients wired together the way the provider does it: remote updates carry a foreign origin. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const wire = { remote: true };
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== wire && Y.applyUpdate(b, u, wire));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== wire && Y.applyUpdate(a, u, wire));
  const oa = new LocalOrigin('ana');
  const ob = new LocalOrigin('ben');
  return { a, b, oa, ob, undoA: createUndoManager(a, oa), undoB: createUndoManager(b, ob) };
}

const titles = (d: Y.Doc) => readStories(d).map((s) => s.title);

describe('per-person undo', () => {
  it("undoes only the person's own edit; a concurrent edit by someone else stays", () => {
    const { a, b, oa, ob, undoA } = pair();
    const shared = createStory(a, { title: 'Shared', createdBy: 'ana' }, oa);
    undoA.stopCapturing();
    createStory(b, { title: 'From Ben', createdBy: 'ben' }, ob);
    setStoryStatus(a, shared, 'ready', oa);
    setStoryStatus(b, shared, 'ready', ob); // same value, Ben's own write
    addNote(b, { storyId: shared, kind: 'question', text: 'Why?', authorId: 'ben', authorName: 'Ben' }, ob);
    undoA.stopCapturing();
    createStory(a, { title: 'From Ana', createdBy: 'ana' }, oa);

    expect(undoA.undo()).not.toBeNull();
    // Ana's last story is gone for both; Ben's story and note are untouched.
    for (const d of [a, b]) {
      expect(titles(d).sort()).toEqual(['From Ben', 'Shared']);
      expect(readNotes(d).map((n) => n.text)).toEqual(['Why?']);
    }
    undoA.redo();
    expect(titles(b).sort()).toEqual(['From Ana', 'From Ben', 'Shared']);
  });

  it('interleaved typing in one field: undo removes only my characters', () => {
    const { a, b, oa, ob, undoA, undoB } = pair();
    const id = createStory(a, { title: 'Login', createdBy: 'ana' }, oa);
    undoA.stopCapturing();
    const ta = textOf(getStoryMap(a, id)!, 'title')!;
    const tb = textOf(getStoryMap(b, id)!, 'title')!;
    a.transact(() => ta.insert(ta.length, ' page'), oa);
    b.transact(() => tb.insert(0, 'New '), ob);
    expect(ta.toString()).toBe('New Login page');

    undoA.undo();
    expect(tb.toString()).toBe('New Login');
    expect(ta.toString()).toBe('New Login');
    // Ben's own history is his alone: undo on his side removes his word, not Ana's story.
    undoB.undo();
    expect(ta.toString()).toBe('Login');
    expect(undoB.canUndo()).toBe(false);
  });

  it('ignores untracked origins (remote updates, cache loads) and edits without an origin', () => {
    const { a, undoA } = pair();
    const cache = {};
    a.transact(() => createStory(a, { title: 'Loaded', createdBy: 'x' }), cache);
    createStory(a, { title: 'No origin', createdBy: 'x' });
    expect(undoA.canUndo()).toBe(false);
  });
});
