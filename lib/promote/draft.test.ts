import { describe, expect, it } from 'vitest';
import type { NoteView, StoryView } from '../board/types';
import { buildDraft, discussionSnapshot, narrativeFor } from './draft';

const story = (over: Partial<StoryView> = {}): StoryView => ({
  id: 's1',
  title: 'Export the backlog to CSV',
  why: 'POs save an hour a sprint',
  status: 'refining',
  rank: 'a0',
  personaId: null,
  metricId: null,
  stream: null,
  value: null,
  effort: null,
  estimate: null,
  createdBy: 'po',
  createdAt: 1,
  deletedAt: null,
  deletedBy: null,
  formalId: null,
  formalVersion: null,
  ...over,
});

let t = 0;
const note = (over: Partial<NoteView>): NoteView => ({
  id: `n${++t}`,
  storyId: 's1',
  parentId: null,
  kind: 'idea',
  text: 'x',
  authorId: 'u',
  authorName: 'U',
  createdAt: t,
  editedAt: null,
  resolved: false,
  plus: [],
  deletedAt: null,
  deletedBy: null,
  ...over,
});

describe('narrative', () => {
  it.each([
    [
      'all parts',
      'Export to CSV',
      'POs save an hour.',
      'Product Owner',
      'As a Product Owner, I want export to CSV, so that POs save an hour.',
    ],
    [
      'no persona',
      'Export to CSV',
      'we save time',
      null,
      'As a user, I want export to CSV, so that we save time.',
    ],
    ['no why', 'Export to CSV', '   ', 'Analyst', 'As an Analyst, I want export to CSV.'],
    [
      'odd whitespace',
      '  Export \n\n to   CSV!! ',
      '\tfaster\n reviews ',
      'user',
      'As a user, I want export to CSV, so that faster reviews.',
    ],
    ['empty title', '', '', null, 'As a user, I want this story.'],
  ])('%s', (_n, title, why, persona, expected) => {
    expect(narrativeFor(title, why, persona)).toBe(expected);
  });
});

describe('buildDraft', () => {
  it('handles a story with no discussion', () => {
    expect(buildDraft(story({ why: '' }), [])).toEqual({
      narrative: 'As a user, I want export the backlog to CSV.',
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
