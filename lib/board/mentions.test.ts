import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  activeMention,
  findMentions,
  insertMention,
  MENTIONS_MAX,
  mentionSegments,
  readMentions,
  suggestPeople,
} from './mentions';
import { addNote, createStory, editNoteText } from './ops';
import { getNoteMap, readNotes } from './schema';
import { BoardDocView } from './doc-view';

const dana = { id: 'u-dana', name: 'Dana' };
const danaS = { id: 'u-danas', name: 'Dana Scully' };
const paula = { id: 'u-paula', name: 'Paula (PO)' };
const people = [dana, danaS, paula];

describe('findMentions', () => {
  it.each([
    ['@Dana can you check?', ['u-dana']],
    ['ask @dana scully and @Paula (PO)', ['u-danas', 'u-paula']],
    ['@Dana, @Dana again', ['u-dana']],
    ['mail dana@Dana.com', []], // an address, not a mention
    ['@Danake is someone else', []],
    ['no one here', []],
    ['(@Dana)', ['u-dana']],
  ])('%s → %j', (text, ids) => {
    expect(findMentions(text, people).map((p) => p.id)).toEqual(ids);
  });

  it('keeps the name as known and never lists the author', () => {
    expect(findMentions('@dana and @Paula (PO)', people, 'u-dana')).toEqual([paula]);
    expect(findMentions('@dana', people)).toEqual([dana]);
  });
});

describe('mentionSegments', () => {
  it('cuts the text into plain runs and mentions', () => {
    expect(mentionSegments('Hi @Dana Scully, ok?', people)).toEqual([
      { text: 'Hi ' },
      { text: '@Dana Scully', mention: 'u-danas' },
      { text: ', ok?' },
    ]);
  });
  it('keeps markup as text (never HTML)', () => {
    const text = '<img src=x onerror=alert(1)> @Dana';
    const segs = mentionSegments(text, [dana]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs[0]).toEqual({ text: '<img src=x onerror=alert(1)> ' });
  });
  it('returns one empty run for empty text', () => {
    expect(mentionSegments('', people)).toEqual([{ text: '' }]);
  });
});

describe('readMentions', () => {
  it('keeps distinct people with a valid id and a name, bounded', () => {
    const raw = [dana, dana, { id: 'b c', name: 'x' }, { id: 'ok', name: ' ' }, 3, 'u', null, paula];
    expect(readMentions(raw)).toEqual([dana, paula]);
    expect(readMentions({ id: 'a', name: 'A' })).toEqual([]);
    expect(readMentions([{ id: 'a', name: 'x'.repeat(81) }])).toEqual([]);
    const many = Array.from({ length: 50 }, (_, i) => ({ id: `u${i}`, name: `U${i}` }));
    expect(readMentions(many)).toHaveLength(MENTIONS_MAX);
  });
});

describe('autocomplete', () => {
  it('finds the @query at the caret', () => {
    expect(activeMention('hi @Da', 6)).toEqual({ start: 3, query: 'Da' });
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMention('hi @Dana S', 10)).toEqual({ start: 3, query: 'Dana S' });
    expect(activeMention('a@b', 3)).toBeNull();
    expect(activeMention('@Da\nx', 5)).toBeNull();
    expect(activeMention('no at', 5)).toBeNull();
    expect(activeMention('@ x', 3)).toBeNull();
  });

  it('suggests names or name words starting with the query', () => {
    expect(suggestPeople('da', people).map((p) => p.id)).toEqual(['u-dana', 'u-danas']);
    expect(suggestPeople('scu', people).map((p) => p.id)).toEqual(['u-danas']);
    expect(suggestPeople('', people)).toHaveLength(3);
    expect(suggestPeople('zz', people)).toEqual([]);
  });

  it('inserts the chosen name with one trailing space', () => {
    expect(insertMention('hi @Da', 3, 6, 'Dana')).toEqual({ text: 'hi @Dana ', caret: 9 });
    expect(insertMention('hi @Da there', 3, 6, 'Dana')).toEqual({ text: 'hi @Dana there', caret: 9 });
  });
});

describe('mentions in the document', () => {
  it('are stored on a new note, replaced by an edit and cleared when the edit drops them', () => {
    const doc = new Y.Doc();
    const s = createStory(doc, { title: 'S', createdBy: 'u' });
    const n = addNote(doc, {
      storyId: s,
      kind: 'question',
      text: '@Dana ?',
      authorId: 'u',
      authorName: 'U',
      mentions: [dana, { id: 'bad id', name: 'X' }],
    });
    const read = () => readNotes(doc).find((x) => x.id === n)!.mentions;
    expect(read()).toEqual([dana]);
    editNoteText(doc, n, '@Paula (PO) ?', undefined, [paula]);
    expect(read()).toEqual([paula]);
    editNoteText(doc, n, 'nobody', undefined, []);
    expect(read()).toEqual([]);
    expect(getNoteMap(doc, n)!.has('mentions')).toBe(false);
  });
});

describe('the board view’s stories with mentions', () => {
  it('finds them in the first pass and follows adds and edits', () => {
    const doc = new Y.Doc();
    const a = createStory(doc, { title: 'A', createdBy: 'u' });
    const b = createStory(doc, { title: 'B', createdBy: 'u' });
    const note = { kind: 'question' as const, authorId: 'u', authorName: 'U' };
    addNote(doc, { ...note, storyId: a, text: '@Dana ?', mentions: [dana] });
    const view = BoardDocView.of(doc);
    expect([view.hasMentions(a), view.hasMentions(b)]).toEqual([true, false]);
    const n = addNote(doc, { ...note, storyId: b, text: '@Paula (PO) ?', mentions: [paula] });
    expect(view.hasMentions(b)).toBe(true);
    editNoteText(doc, n, 'nobody now', undefined, []);
    expect(view.hasMentions(b)).toBe(false);
  });
});
