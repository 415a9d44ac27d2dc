import { describe, expect, it } from 'vitest';
import type { NoteView, StoryView } from '../board/types';
import { noteView, storyView } from '../test-support/views';
import { buildDraft, discussionSnapshot, narrativeFor } from './draft';

const story = (over: Partial<StoryView> = {}): StoryView =>
  storyView({
    title: 'Export the backlog to CSV',
    why: 'POs save an hour a sprint',
    status: 'refining',
    rank: 'a0',
    createdBy: 'po',
    createdAt: 1,
    ...over,
  });

let t = 0;
const note = (over: Partial<NoteView>): NoteView =>
  noteView({ id: `n${++t}`, text: 'x', createdAt: t, ...over });

describe('narrative', () => {
  it.each([
    [
      'all parts',
      'Export to CSV',
      'POs save an hour.',
      'Product Owner',
      'As a Product Owner, I want to export to CSV, so that POs save an hour.',
    ],
    [
      'no persona',
      'Export to CSV',
      'we save time',
      null,
      'As a user, I want to export to CSV, so that we save time.',
    ],
    ['no why', 'Export to CSV', '   ', 'Analyst', 'As an Analyst, I want to export to CSV.'],
    [
      'odd whitespace',
      '  Export \n\n to   CSV!! ',
      '\tfaster\n reviews ',
      'user',
      'As a user, I want to export to CSV, so that faster reviews.',
    ],
    ['empty title', '', '', null, 'As a user, I want this story.'],
  ])('%s', (_n, title, why, persona, expected) => {
    expect(narrativeFor(title, why, persona)).toBe(expected);
  });

  // "I want" + title must read as English whatever shape the title has.
  it.each([
    // imperative titles get "to"
    ['Reorder a past delivery', 'I want to reorder a past delivery'],
    ['Pay with Apple Pay', 'I want to pay with Apple Pay'],
    ['Export', 'I want to export'],
    ['Search by tag', 'I want to search by tag'],
    ['Log in with Google', 'I want to log in with Google'],
    ['Be notified when a story is promoted', 'I want to be notified when a story is promoted'],
    ['Quickly find a story', 'I want to quickly find a story'],
    ["Don't lose a draft", 'I want not to lose a draft'],
    ['Able to undo a delete', 'I want to be able to undo a delete'],
    // already an infinitive or an "I want" clause: no second "to"
    ['To reorder a past delivery', 'I want to reorder a past delivery'],
    ['to export', 'I want to export'],
    ['I want to pay by card', 'I want to pay by card'],
    // noun phrases stay as they are
    ['Dark mode', 'I want dark mode'],
    ['A CSV export', 'I want a CSV export'],
    ['CSV export', 'I want CSV export'],
    ['Sorting by date', 'I want sorting by date'],
    ['Order history page', 'I want order history page'],
    ['Search results page', 'I want search results page'],
    ['Exports in PDF', 'I want exports in PDF'],
  ])('%j → "%s"', (title, want) => {
    expect(narrativeFor(title, '', null)).toBe(`As a user, ${want}.`);
  });

  it('keeps a title that is already a story sentence, adding the why only if it has none', () => {
    expect(narrativeFor('As a shopper, I want to pay by card', 'I finish checkout', 'PO')).toBe(
      'As a shopper, I want to pay by card, so that I finish checkout.',
    );
    expect(
      narrativeFor('As an admin I want to see the audit log so that I can trace changes.', 'x', null),
    ).toBe('As an admin I want to see the audit log so that I can trace changes.');
    expect(narrativeFor('As a PO, I want a CSV export', '', null)).toBe('As a PO, I want a CSV export.');
  });
});

describe('buildDraft', () => {
  it('handles a story with no discussion', () => {
    expect(buildDraft(story({ why: '' }), [])).toEqual({
      narrative: 'As a user, I want to export the backlog to CSV.',
      criteria: [],
      decisions: [],
      estimate: null,
      openQuestions: [],
      whyMissing: true,
    });
  });

  it('takes criteria and decisions in order, resolved or not; skips deleted notes and other stories', () => {
    const notes = [
      note({ kind: 'criterion', text: 'Header row  matches Jira' }),
      note({ kind: 'decision', text: 'UTF-8 only' }),
      note({ kind: 'criterion', text: 'Quotes survive', resolved: true }),
      note({ kind: 'criterion', text: 'deleted one', deletedAt: 5 }),
      note({ kind: 'criterion', text: 'other story', storyId: 's2' }),
      note({ kind: 'question', text: 'Which delimiter?' }),
      note({ kind: 'question', text: 'Answered?', resolved: true }),
      note({ kind: 'criterion', text: 'A reply can be a criterion', parentId: 'n1' }),
      note({ kind: 'idea', text: '   ' }),
    ];
    const d = buildDraft(story({ estimate: '5' }), notes, 'Product Owner');
    expect(d.criteria).toEqual(['Header row matches Jira', 'Quotes survive', 'A reply can be a criterion']);
    expect(d.decisions).toEqual(['UTF-8 only']);
    expect(d.openQuestions).toEqual(['Which delimiter?']);
    expect(d.estimate).toBe('5');
    expect(d.whyMissing).toBe(false);
  });

  it('keeps a criterion’s line breaks (lines trimmed, blank runs dropped); other texts stay one line', () => {
    const d = buildDraft(story(), [
      note({ kind: 'criterion', text: '  Given a board  \r\n\n\n  when I   export\nthen it downloads ' }),
      note({ kind: 'decision', text: 'Line one\nline two' }),
    ]);
    expect(d.criteria).toEqual(['Given a board\nwhen I export\nthen it downloads']);
    expect(d.decisions).toEqual(['Line one line two']);
  });

  it('clips very long text', () => {
    const d = buildDraft(story(), [note({ kind: 'criterion', text: 'y'.repeat(10_000) })]);
    expect(d.criteria[0]!.length).toBeLessThanOrEqual(4000);
    expect(d.criteria[0]!.endsWith('…')).toBe(true);
  });

  it('snapshots the discussion threaded, without deleted notes', () => {
    const q = note({ kind: 'question', text: 'Q?' });
    const r = note({ kind: 'idea', text: 'A.', parentId: q.id });
    const gone = note({ text: 'gone', deletedAt: 9 });
    const snap = discussionSnapshot('s1', [r, q, gone]);
    expect(snap.map((n) => [n.text, n.replies.map((x) => x.text)])).toEqual([['Q?', ['A.']]]);
  });
});
