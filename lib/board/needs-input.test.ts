import { describe, expect, it } from 'vitest';
import type { NoteView, StoryView } from './types';
import { noteView, storyView } from '../test-support/views';
import { awaitingReplies, needsInput } from './needs-input';
import { threadsFor } from './summary';

const q = (over: Partial<NoteView>) => noteView({ kind: 'question', authorId: 'paula', ...over });

describe('awaitingReplies', () => {
  it('owes a reply to each person a question thread addresses until they post in it', () => {
    const notes = [
      q({
        id: 'q',
        mentions: [
          { id: 'dana', name: 'Dana' },
          { id: 'eli', name: 'Eli' },
        ],
        createdAt: 1,
      }),
      noteView({ id: 'r1', parentId: 'q', authorId: 'dana', createdAt: 2 }),
    ];
    const m = awaitingReplies(threadsFor(notes, 's1'));
    expect([...m.keys()]).toEqual(['eli']);
    expect(m.get('eli')![0]!.question.id).toBe('q');
  });

  it('a reply that addresses someone again opens a new debt', () => {
    const notes = [
      q({ id: 'q', mentions: [{ id: 'dana', name: 'Dana' }], createdAt: 1 }),
      noteView({ id: 'r1', parentId: 'q', authorId: 'dana', createdAt: 2 }),
      noteView({
        id: 'r2',
        parentId: 'q',
        authorId: 'paula',
        mentions: [{ id: 'dana', name: 'Dana' }],
        createdAt: 3,
      }),
    ];
    expect(awaitingReplies(threadsFor(notes, 's1')).get('dana')![0]!.asking.id).toBe('r2');
  });

  it.each([
    ['resolved', { resolved: true }],
    ['deleted', { deletedAt: 5 }],
    ['not a question', { kind: 'idea' as const }],
  ])('ignores a %s thread', (_, over) => {
    expect(
      awaitingReplies(threadsFor([q({ id: 'q', mentions: [{ id: 'dana', name: 'Dana' }], ...over })], 's1'))
        .size,
    ).toBe(0);
  });

  it('a deleted reply does not settle the debt', () => {
    const notes = [
      q({ id: 'q', mentions: [{ id: 'dana', name: 'Dana' }], createdAt: 1 }),
      noteView({ id: 'r', parentId: 'q', authorId: 'dana', createdAt: 2, deletedAt: 3 }),
    ];
    expect(awaitingReplies(threadsFor(notes, 's1')).has('dana')).toBe(true);
  });
});

describe('needsInput', () => {
  const stories: StoryView[] = [
    storyView({ id: 'low', value: 2, rank: 'a0' }),
    storyView({ id: 'high', value: 8, rank: 'a1' }),
    storyView({ id: 'none', rank: 'a2' }),
    storyView({ id: 'estimated', value: 9, estimate: '5', rank: 'a3' }),
    storyView({ id: 'promoted', value: 9, status: 'promoted', rank: 'a4' }),
    storyView({ id: 'gone', value: 9, deletedAt: 1, rank: 'a5' }),
  ];
  const notes = new Map<string, NoteView[]>([
    ['estimated', [q({ id: 'q', storyId: 'estimated', mentions: [{ id: 'dana', name: 'Dana' }] })]],
  ]);
  const src = (prevoted: string[] = []) => ({
    stories,
    threadsOf: (id: string) => threadsFor(notes.get(id) ?? [], id),
    hasPrevoted: (id: string) => prevoted.includes(id),
  });

  it('asks the team for pre-votes on unestimated stories and replies, most valuable first', () => {
    const out = needsInput('dana', 'team', src(['low']));
    expect(out.map((n) => [n.story.id, n.prevote, n.questions.length])).toEqual([
      ['estimated', false, 1],
      ['high', true, 0],
      ['none', true, 0],
    ]);
  });

  it('asks the owner only for replies, and a view link for nothing', () => {
    expect(needsInput('dana', 'owner', src()).map((n) => n.story.id)).toEqual(['estimated']);
    expect(needsInput('dana', 'view', src())).toEqual([]);
  });
});
