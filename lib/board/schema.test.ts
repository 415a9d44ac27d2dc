import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  createStory,
  deleteNote,
  editNoteText,
  markPromoted,
  restoreNote,
  setStoryEstimate,
  setNoteResolved,
  togglePlus,
  BoardOpError,
} from './ops';
import {
  getMetricMap,
  getNoteMap,
  getPersonaMap,
  getStoryMap,
  isEntityId,
  readMetrics,
  readNotes,
  readPersonas,
  readStories,
  roots,
} from './schema';
import { countsByStory, liveStories, threadsFor, whyCoverage } from './summary';

describe('board schema and ops', () => {
  it('creates stories with Y.Text title/why, ranked after the last one', () => {
    const doc = new Y.Doc();
    const a = createStory(doc, { title: '  First ', why: 'Because', createdBy: 'u' });
    const b = createStory(doc, { title: 'Second', createdBy: 'u' });
    expect(roots(doc).stories.get(a)!.get('title')).toBeInstanceOf(Y.Text);
    expect(liveStories(readStories(doc)).map((s) => [s.id, s.title, s.why, s.status])).toEqual([
      [a, 'First', 'Because', 'shell'],
      [b, 'Second', '', 'shell'],
    ]);
    expect(whyCoverage(readStories(doc))).toEqual({ withWhy: 1, total: 2 });
    expect(() => createStory(doc, { title: '   ', createdBy: 'u' })).toThrow(BoardOpError);
  });

  it('notes: reply, +1, resolve, edit, soft delete and restore; counts follow', () => {
    const doc = new Y.Doc();
    const s = createStory(doc, { title: 'S', createdBy: 'u' });
    const q = addNote(doc, { storyId: s, kind: 'question', text: 'Why?', authorId: 'u1', authorName: 'Ana' });
    const r = addNote(doc, {
      storyId: s,
      parentId: q,
      kind: 'idea',
      text: 'Because.',
      authorId: 'u2',
      authorName: 'Bo',
    });
    expect(readStories(doc)[0]!.status).toBe('refining');
    expect(countsByStory(readNotes(doc)).get(s)).toEqual({ notes: 2, openQuestions: 1 });
    expect(togglePlus(doc, q, 'u2')).toBe(true);
    expect(togglePlus(doc, q, 'u3')).toBe(true);
    expect(togglePlus(doc, q, 'u2')).toBe(false);
    setNoteResolved(doc, q, true);
    editNoteText(doc, q, 'Why, really?');
    const note = readNotes(doc).find((n) => n.id === q)!;
    expect(note).toMatchObject({ text: 'Why, really?', resolved: true, plus: ['u3'] });
    expect(note.editedAt).not.toBeNull();
    expect(countsByStory(readNotes(doc)).get(s)).toEqual({ notes: 2, openQuestions: 0 });
    expect(threadsFor(readNotes(doc), s).map((t) => [t.note.id, t.replies.map((x) => x.id)])).toEqual([
      [q, [r]],
    ]);
    deleteNote(doc, q, 'u1');
    expect(readNotes(doc).find((n) => n.id === q)!.deletedBy).toBe('u1');
    // A reply whose parent was deleted stays visible at top level.
    expect(threadsFor(readNotes(doc), s).map((t) => t.note.id)).toEqual([r]);
    restoreNote(doc, q);
    expect(threadsFor(readNotes(doc), s)).toHaveLength(1);
    expect(() =>
      addNote(doc, { storyId: 'nope', kind: 'idea', text: 'x', authorId: 'u', authorName: 'U' }),
    ).toThrow();
  });

  it('reads whatever a foreign client wrote without throwing', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const m = new Y.Map<unknown>();
      m.set('title', 'plain string title');
      m.set('status', 'bogus');
      m.set('rank', '!!!');
      m.set('value', 42);
      m.set('effort', 3);
      m.set('estimate', 5);
      roots(doc).stories.set('foreign', m);
      roots(doc).stories.set('not-a-map', 'hello' as unknown as Y.Map<unknown>);
      const n = new Y.Map<unknown>();
      n.set('storyId', 'foreign');
      n.set('kind', 'rant');
      n.set('text', 123);
      roots(doc).notes.set('n1', n);
      roots(doc).notes.set('orphan', new Y.Map());
    });
    const [s] = readStories(doc);
    expect(s).toMatchObject({
      title: 'plain string title',
      status: 'shell',
      rank: null,
      value: null,
      effort: 3,
      estimate: '5',
    });
    const notes = readNotes(doc);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'idea', text: '', authorName: 'Someone' });
  });

  it('server edits: estimate set and cleared, promotion marked, in one transaction each', () => {
    const doc = new Y.Doc();
    const s = createStory(doc, { title: 'S', createdBy: 'u' });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    setStoryEstimate(doc, s, '5', 'server');
    expect(readStories(doc)[0]!.estimate).toBe('5');
    setStoryEstimate(doc, s, null, 'server');
    expect(readStories(doc)[0]!.estimate).toBeNull();
    expect(roots(doc).stories.get(s)!.has('estimate')).toBe(false);
    markPromoted(doc, s, 2, 'server');
    expect(readStories(doc)[0]).toMatchObject({ status: 'promoted', formalId: s, formalVersion: 2 });
    expect(origins).toEqual(['server', 'server', 'server']);
    expect(() => setStoryEstimate(doc, s, '')).toThrow(BoardOpError);
    expect(() => setStoryEstimate(doc, 'nope', '3')).toThrow(BoardOpError);
    expect(() => markPromoted(doc, s, 0)).toThrow(BoardOpError);
    expect(() => markPromoted(doc, s, 1.5)).toThrow(BoardOpError);
    expect(() => markPromoted(doc, 'nope', 1)).toThrow(BoardOpError);
    expect(readStories(doc)[0]!.formalVersion).toBe(2);
  });
});

describe('entity ids', () => {
  it('accepts nanoids and short URL-safe keys, nothing else', () => {
    for (const ok of ['V1StGXR8_Z5jdHi6B-myT', 's1', 'p', 'a'.repeat(64)]) expect(isEntityId(ok)).toBe(true);
    for (const bad of ['', 'a'.repeat(65), 'a b', 'x)\n## h', '[l](u)', 'ü', 7, null])
      expect(isEntityId(bad)).toBe(false);
  });

  it('skips entries under malformed keys and reads malformed references as unset', () => {
    const doc = new Y.Doc();
    const bad = 'x)\n\n## Heading';
    const s = createStory(doc, { title: 'Fine', createdBy: 'u1' });
    doc.transact(() => {
      const named = () => {
        const m = new Y.Map<unknown>();
        m.set('name', 'Named');
        return m;
      };
      for (const root of [roots(doc).stories, roots(doc).notes, roots(doc).personas, roots(doc).metrics])
        root.set(bad, named());
      const story = roots(doc).stories.get(s)!;
      story.set('personaId', bad);
      story.set('metricId', 'ok-id');
      const reply = new Y.Map<unknown>();
      reply.set('storyId', s);
      reply.set('parentId', bad);
      roots(doc).notes.set('n1', reply);
    });
    expect(readStories(doc).map((x) => x.id)).toEqual([s]);
    expect(readStories(doc)[0]).toMatchObject({ personaId: null, metricId: 'ok-id' });
    expect(readNotes(doc).map((n) => [n.id, n.parentId])).toEqual([['n1', null]]);
    expect(readPersonas(doc)).toEqual([]);
    expect(readMetrics(doc)).toEqual([]);
    for (const get of [getStoryMap, getNoteMap, getPersonaMap, getMetricMap])
      expect(get(doc, bad)).toBeNull();
  });
});
