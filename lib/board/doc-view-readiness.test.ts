import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BoardDocView } from './doc-view';
import { addNote, createStory, editNoteText, setNoteResolved } from './ops';
import { evaluate } from './readiness';
import { readBoardDefinition, setCheck, setDefinition } from './readiness-ops';
import { readNotes, readStories } from './schema';

/** Readiness in the incremental board view: memoised per story, always equal to a fresh evaluation. */
function board() {
  const doc = new Y.Doc();
  const a = createStory(doc, { title: 'A', why: 'w', createdBy: 'u' });
  const b = createStory(doc, { title: 'B', createdBy: 'u' });
  setDefinition(doc, {
    rules: [
      { id: 'why', kind: 'auto' },
      { id: 'questions', kind: 'auto' },
      { id: 'm-x', kind: 'manual', label: 'X' },
    ],
  });
  return { doc, a, b, view: BoardDocView.of(doc) };
}

const fresh = (doc: Y.Doc, id: string) =>
  evaluate(
    readStories(doc).find((s) => s.id === id)!,
    readNotes(doc),
    readBoardDefinition(doc),
  );

describe('BoardDocView readiness', () => {
  it('keeps each story’s evaluation until its story, its notes or the definition change', () => {
    const { doc, a, b, view } = board();
    const ea = view.readiness(a)!;
    const eb = view.readiness(b)!;
    expect(ea).toEqual(fresh(doc, a));
    expect(ea.met).toEqual(['why', 'questions']);

    // A question on A: A re-evaluated, B keeps its object.
    const q = addNote(doc, { storyId: a, kind: 'question', text: 'Q?', authorId: 'u', authorName: 'U' });
    const ea2 = view.readiness(a)!;
    expect(ea2).not.toBe(ea);
    expect(ea2.missing.map((m) => m.id)).toEqual(['questions', 'm-x']);
    expect(view.readiness(b)).toBe(eb);

    // Editing the question's text changes nothing readiness shows: same object.
    editNoteText(doc, q, 'Which one?');
    expect(view.readiness(a)).toBe(ea2);

    // Resolving it and ticking the item: ready, equal to a fresh evaluation.
    setNoteResolved(doc, q, true);
    setCheck(doc, a, 'm-x', { by: 'u', name: 'U' });
    expect(view.readiness(a)).toEqual(fresh(doc, a));
    expect(view.readiness(a)!.ready).toBe(true);

    // A new definition re-evaluates every story.
    setDefinition(doc, { rules: [{ id: 'persona', kind: 'auto' }] });
    expect(view.definition().rules).toEqual([{ id: 'persona', kind: 'auto' }]);
    expect(view.readiness(b)).not.toBe(eb);
    expect(view.readiness(b)).toEqual(fresh(doc, b));
    expect(view.readiness(a)!.missing.map((m) => m.id)).toEqual(['persona']);
  });

  it('a remote replica converges on the same readiness', () => {
    const { doc, a } = board();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const view = BoardDocView.of(other);
    expect(view.readiness(a)!.ready).toBe(false);
    doc.on('update', (u: Uint8Array) => Y.applyUpdate(other, u));
    setCheck(doc, a, 'm-x', { by: 'u', name: 'U' });
    expect(view.readiness(a)!.ready).toBe(true);
    expect(view.readiness('nope')).toBeNull();
  });
});
