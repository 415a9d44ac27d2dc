import { describe, expect, it } from 'vitest';
import { noteView, storyView } from '../test-support/views';
import type { NoteView, StoryView } from './types';
import { describeSummary, diffSince, mergeSeen, parseSnapshot, snapshotOf } from './since';

const story = (id: string, over: Partial<StoryView> = {}): StoryView =>
  storyView({ id, title: id, createdBy: 'ana', createdAt: 1, ...over });

const note = (id: string, storyId: string, authorId = 'ana', over: Partial<NoteView> = {}): NoteView =>
  noteView({
    id,
    storyId,
    kind: 'question',
    text: id,
    authorId,
    authorName: authorId,
    createdAt: 1,
    ...over,
  });

describe('since you left', () => {
  const base = snapshotOf([story('a'), story('b', { estimate: '3' }), story('c')], [note('n1', 'a')]);

  it('finds new stories, notes by others, status, estimate and promotion changes', () => {
    const now = [
      story('a'),
      story('b', { status: 'ready', estimate: '5' }),
      story('c', { status: 'promoted', formalVersion: 1 }),
      story('d', { createdBy: 'ben' }),
      story('mine', { createdBy: 'me' }),
    ];
    const notes = [note('n1', 'a'), note('n2', 'a', 'ben'), note('n3', 'a', 'me'), note('n4', 'd', 'ben')];
    const d = diffSince(base, now, notes, 'me');
    expect(d.stories.map((s) => [s.storyId, s.changes, s.newNotes])).toEqual([
      ['a', ['notes'], ['n2']],
      ['b', ['status', 'estimate'], []],
      ['c', ['promoted'], []],
      ['d', ['new', 'notes'], ['n4']],
    ]);
    expect(d.summary).toEqual({ newStories: 1, notes: 2, status: 1, estimate: 1, promoted: 1 });
    expect(describeSummary(d.summary)).toBe(
      '1 new story, 2 notes, 1 status change, 1 new estimate, 1 promoted',
    );
  });

  it('nothing changed, or only deleted things: no changes', () => {
    const notes = [note('n1', 'a'), note('gone', 'a', 'ben', { deletedAt: 2, deletedBy: 'ben' })];
    const stories = [story('a'), story('b', { estimate: '3' }), story('c'), story('x', { deletedAt: 2 })];
    const d = diffSince(base, stories, notes, 'me');
    expect(d.stories).toEqual([]);
    expect(describeSummary(d.summary)).toBe('');
  });

  it('keeps unseen stories as they were, so they are still new next time; seen ones are current', () => {
    const now = [
      story('a'),
      story('b', { status: 'ready', estimate: '3' }),
      story('c'),
      story('d', { createdBy: 'ben' }),
    ];
    const notes = [note('n1', 'a'), note('n2', 'a', 'ben')];
    const d = diffSince(base, now, notes, 'me');
    const unseen = d.stories.filter((s) => s.storyId !== 'a'); // story a was opened
    const next = mergeSeen(base, snapshotOf(now, notes), unseen);
    expect(next.stories.b).toEqual({ s: 'shell', e: '3', f: null });
    expect(next.stories.d).toBeUndefined();
    expect(next.notes).toEqual(['n1', 'n2']);
    const again = diffSince(next, now, notes, 'me');
    expect(again.stories.map((s) => s.storyId)).toEqual(['b', 'd']);
  });

  it('reads stored snapshots defensively', () => {
    expect(parseSnapshot(JSON.stringify(base))).toEqual(base);
    expect(parseSnapshot(null)).toBeNull();
    expect(parseSnapshot('{oops')).toBeNull();
    expect(parseSnapshot(JSON.stringify({ v: 2, stories: {}, notes: [] }))).toBeNull();
    expect(
      parseSnapshot(
        JSON.stringify({
          v: 1,
          stories: { a: { s: 'weird' }, b: { s: 'ready', e: 5, f: 'x' } },
          notes: [1, 'n'],
        }),
      ),
    ).toEqual({ v: 1, stories: { b: { s: 'ready', e: null, f: null } }, notes: ['n'] });
  });
});
