import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BoardDocView } from './doc-view';
import {
  addNote,
  createStory,
  deleteNote,
  deleteStory,
  editNoteText,
  restoreNote,
  restoreStory,
  setNoteResolved,
  setStoryRank,
  setStoryStatus,
  togglePlus,
} from './ops';
import { addValueStream, createPersona } from './personas';
import { readNotes, readStories, roots } from './schema';
import { countsByStory, liveStories, threadsFor } from './summary';

function board(stories = 3, notesEach = 2) {
  const doc = new Y.Doc();
  const ids: string[] = [];
  for (let i = 0; i < stories; i++) ids.push(createStory(doc, { title: `Story ${i}`, createdBy: 'u' }));
  const notes: string[] = [];
  for (const id of ids)
    for (let j = 0; j < notesEach; j++)
      notes.push(
        addNote(doc, {
          storyId: id,
          kind: 'question',
          text: `Q${j} on ${id}`,
          authorId: 'u1',
          authorName: 'Ana',
        }),
      );
  return { doc, ids, notes, view: BoardDocView.of(doc) };
}

/** What the old full re-read would show: the view must always equal it. */
function expectMatchesFullRead(doc: Y.Doc) {
  const v = BoardDocView.of(doc);
  const stories = readStories(doc);
  const notes = readNotes(doc);
  expect([...v.allStories()].sort(byId)).toEqual([...stories].sort(byId));
  expect(v.liveStories()).toEqual(liveStories(stories));
  expect([...v.allNotes()].sort(byId)).toEqual([...notes].sort(byId));
  const counts = countsByStory(notes);
  expect(new Map(v.countsByStory())).toEqual(counts);
  for (const s of stories) {
    expect(v.threads(s.id)).toEqual(threadsFor(notes, s.id));
    expect(v.counts(s.id)).toEqual(counts.get(s.id) ?? { notes: 0, openQuestions: 0 });
  }
}
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

describe('incremental document view', () => {
  it('is one view per doc', () => {
    const { doc, view } = board(1, 0);
    expect(BoardDocView.of(doc)).toBe(view);
  });

  it('a change to one note leaves every other story and note, thread and count identical by reference', () => {
    const { doc, ids, notes, view } = board(3, 2);
    const stories = ids.map((id) => view.story(id));
    const live = view.liveStories();
    const noteViews = notes.map((id) => view.note(id));
    const threads = ids.map((id) => view.threads(id));
    const counts = ids.map((id) => view.counts(id));
    const countsMap = view.countsByStory();
    const authors = view.authorNames();

    editNoteText(doc, notes[2]!, 'Changed text'); // first note of story 1

    expect(view.note(notes[2]!)!.text).toBe('Changed text');
    notes.forEach((id, i) => {
      if (i !== 2) expect(view.note(id)).toBe(noteViews[i]);
    });
    ids.forEach((id, i) => expect(view.story(id)).toBe(stories[i]));
    expect(view.liveStories()).toBe(live);
    expect(view.threads(ids[0]!)).toBe(threads[0]);
    expect(view.threads(ids[2]!)).toBe(threads[2]);
    expect(view.threads(ids[1]!)).not.toBe(threads[1]);
    // the untouched thread of story 1 keeps its object too (found by id: notes made in the same
    // millisecond sort by id, so its position is not fixed)
    const untouched = (t: readonly { note: { id: string } }[]) => t.find((x) => x.note.id === notes[3]);
    expect(untouched(view.threads(ids[1]!))).toBe(untouched(threads[1]!));
    expect(untouched(view.threads(ids[1]!))).toBeDefined();
    // the counts did not change: same objects, same map
    ids.forEach((id, i) => expect(view.counts(id)).toBe(counts[i]));
    expect(view.countsByStory()).toBe(countsMap);
    expect(view.authorNames()).toBe(authors);
    expectMatchesFullRead(doc);
  });

  it('a keystroke in one title replaces that story only and keeps the order list otherwise', () => {
    const { doc, ids, view } = board(4, 0);
    const live = view.liveStories();
    roots(doc).stories.get(ids[1]!)!.get('title');
    const title = roots(doc).stories.get(ids[1]!)!.get('title') as Y.Text;
    title.insert(title.length, '!');
    const next = view.liveStories();
    expect(next).not.toBe(live);
    expect(next.map((s) => s.id)).toEqual(live.map((s) => s.id));
    expect(next[1]!.title).toBe('Story 1!');
    [0, 2, 3].forEach((i) => expect(next[i]).toBe(live[i]));
  });

  it('a rank change reorders; counts and threads of unaffected stories stay', () => {
    const { doc, ids, view } = board(3, 1);
    const t0 = view.threads(ids[0]!);
    setStoryRank(doc, ids[2]!, 'Zz'); // sorts before every key generated from 'a0' on
    expect(view.liveStories().map((s) => s.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(view.threads(ids[0]!)).toBe(t0);
    expectMatchesFullRead(doc);
  });

  it("a foreign client's bad values read as unset, and a malformed rank sorts last", () => {
    const { doc, ids, view } = board(3, 1);
    const m = roots(doc).stories.get(ids[0]!)!;
    doc.transact(() => {
      m.set('value', 42);
      m.set('status', 'bogus');
      m.set('rank', '');
      m.set('estimate', { no: 'object' });
    });
    const s = view.story(ids[0]!)!;
    expect(s.value).toBeNull();
    expect(s.status).toBe('shell');
    expect(s.rank).toBeNull();
    expect(s.estimate).toBeNull();
    expect(view.liveStories().at(-1)!.id).toBe(ids[0]);
    // a note whose storyId is not a string cannot be shown anywhere: it leaves the view
    const noteId = [...roots(doc).notes.keys()][0]!;
    roots(doc).notes.get(noteId)!.set('storyId', 7);
    expect(view.note(noteId)).toBeNull();
    expect(view.counts(ids[0]!).notes).toBe(0);
    // a root entry that is not a map at all is ignored
    roots(doc).stories.set('junk', 'not a map' as unknown as Y.Map<unknown>);
    expect(view.story('junk')).toBeNull();
    expectMatchesFullRead(doc);
  });

  it('soft deletes and restores of stories and notes; hard deletes too', () => {
    const { doc, ids, notes, view } = board(3, 2);
    deleteStory(doc, ids[1]!, 'u');
    expect(view.liveStories().map((s) => s.id)).toEqual([ids[0], ids[2]]);
    expect(view.story(ids[1]!)!.deletedAt).not.toBeNull();
    expect(view.allStories()).toHaveLength(3);
    restoreStory(doc, ids[1]!);
    expect(view.liveStories().map((s) => s.id)).toEqual(ids);

    const c0 = view.counts(ids[0]!);
    deleteNote(doc, notes[0]!, 'u');
    expect(view.counts(ids[0]!)).toEqual({ notes: 1, openQuestions: 1 });
    expect(view.threads(ids[0]!)).toHaveLength(1);
    restoreNote(doc, notes[0]!);
    expect(view.counts(ids[0]!)).toEqual(c0);

    roots(doc).notes.delete(notes[1]!);
    roots(doc).stories.delete(ids[2]!);
    expect(view.note(notes[1]!)).toBeNull();
    expect(view.story(ids[2]!)).toBeNull();
    expectMatchesFullRead(doc);
  });

  it('replies, +1 maps, resolution and a note moved to another story', () => {
    const { doc, ids, notes, view } = board(2, 1);
    const reply = addNote(doc, {
      storyId: ids[0]!,
      parentId: notes[0]!,
      kind: 'idea',
      text: 'Reply',
      authorId: 'u2',
      authorName: 'Bo',
    });
    expect(view.threads(ids[0]!)[0]!.replies.map((r) => r.id)).toEqual([reply]);
    expect(view.authorNames().get('u2')).toBe('Bo');
    togglePlus(doc, notes[0]!, 'u3');
    expect(view.note(notes[0]!)!.plus).toEqual(['u3']);
    setNoteResolved(doc, notes[0]!, true);
    expect(view.counts(ids[0]!)).toEqual({ notes: 2, openQuestions: 0 });
    const t1 = view.threads(ids[1]!);
    roots(doc).notes.get(notes[0]!)!.set('storyId', ids[1]!);
    expect(view.threads(ids[1]!)).not.toBe(t1);
    expect(view.notesOf(ids[1]!).map((n) => n.id)).toContain(notes[0]);
    expect(view.notesOf(ids[0]!).map((n) => n.id)).not.toContain(notes[0]);
    expectMatchesFullRead(doc);
  });

  it('tells listeners once per transaction, naming what changed', () => {
    const { doc, ids, notes, view } = board(2, 1);
    view.liveStories();
    view.allNotes();
    const heard: string[][] = [];
    const off = view.subscribe((t) => heard.push([...t].sort()));
    doc.transact(() => {
      setStoryStatus(doc, ids[0]!, 'ready'); // (a first note already made it 'refining')
      editNoteText(doc, notes[0]!, 'x');
    });
    createPersona(doc, { name: 'Planner', description: '' });
    addValueStream(doc, 'Growth');
    expect(heard).toEqual([['notes', 'stories'], ['values'], ['meta']]);
    off();
    setStoryStatus(doc, ids[1]!, 'ready');
    expect(heard).toHaveLength(3);
  });

  it('keeps meta and other lists when an unrelated root changes', () => {
    const { doc, view } = board(2, 1);
    const meta = view.meta();
    const personas = view.personas();
    const live = view.liveStories();
    addValueStream(doc, 'Growth');
    expect(view.meta()).toBe(meta);
    expect(view.valueStreams()).toEqual(['Growth']);
    expect(view.personas()).toBe(personas);
    expect(view.liveStories()).toBe(live);
    createPersona(doc, { name: 'Planner', description: '' });
    expect(view.personas().map((p) => p.name)).toEqual(['Planner']);
  });

  it('follows updates from another replica (a collaborator) the same way', () => {
    const a = board(5, 3);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    const view = BoardDocView.of(b);
    const before = a.ids.map((id) => view.story(id));
    const sv = Y.encodeStateVector(b);
    addNote(a.doc, { storyId: a.ids[3]!, kind: 'risk', text: 'Live', authorId: 'u9', authorName: 'Cy' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc, sv));
    a.ids.forEach((id, i) => expect(view.story(id)).toBe(before[i]));
    expect(view.threads(a.ids[3]!).at(-1)!.note.text).toBe('Live');
    expectMatchesFullRead(b);
  });

  it('random edits on two replicas: the view always equals a full re-read', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const a = board(6, 2);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    const docs = [a.doc, b];
    docs.forEach((d) => BoardDocView.of(d).liveStories());
    for (let step = 0; step < 300; step++) {
      const doc = docs[rand(2)]!;
      const stories = readStories(doc);
      const notes = readNotes(doc);
      const s = stories[rand(stories.length)]!;
      const n = notes.length > 0 ? notes[rand(notes.length)] : undefined;
      switch (rand(9)) {
        case 0:
          addNote(doc, { storyId: s.id, kind: 'question', text: `n${step}`, authorId: 'u', authorName: 'U' });
          break;
        case 1:
          if (n) editNoteText(doc, n.id, `e${step}`);
          break;
        case 2:
          if (n) (n.deletedAt ? restoreNote : (d: Y.Doc, id: string) => deleteNote(d, id, 'u'))(doc, n.id);
          break;
        case 3:
          setStoryRank(doc, s.id, `a${rand(10)}${'V'.repeat(rand(2))}`);
          break;
        case 4:
          if (s.deletedAt) restoreStory(doc, s.id);
          else deleteStory(doc, s.id, 'u');
          break;
        case 5:
          if (n) setNoteResolved(doc, n.id, !n.resolved);
          break;
        case 6:
          createStory(doc, { title: `s${step}`, createdBy: 'u' });
          break;
        case 7:
          if (n) togglePlus(doc, n.id, `p${rand(3)}`);
          break;
        default:
          setStoryStatus(doc, s.id, 'refining');
      }
      if (rand(3) === 0) {
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b)));
        Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a.doc)));
      }
      if (step % 25 === 0) docs.forEach(expectMatchesFullRead);
    }
    docs.forEach(expectMatchesFullRead);
  });
});
