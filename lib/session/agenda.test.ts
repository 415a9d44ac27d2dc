import { describe, expect, it } from 'vitest';
import { evaluate, SUGGESTED_DEFINITION, NO_DEFINITION, type Definition } from '../board/readiness';
import type { NoteView, StoryView } from '../board/types';
import { noteView, storyView } from '../test-support/views';
import { nextOnAgenda, suggestAgenda } from './agenda';

const WHY_AND_PERSONA: Definition = {
  rules: [
    { id: 'why', kind: 'auto' },
    { id: 'persona', kind: 'auto' },
  ],
};

function agenda(stories: StoryView[], notes: NoteView[] = [], def: Definition = WHY_AND_PERSONA) {
  const byId = new Map(stories.map((s) => [s.id, s]));
  return suggestAgenda(stories, (id) => {
    const s = byId.get(id);
    return s ? evaluate(s, notes, def) : null;
  });
}
const ids = (items: { story: StoryView }[]) => items.map((i) => i.story.id);

describe('suggestAgenda', () => {
  it('lists only live, unpromoted stories that miss a rule', () => {
    const stories = [
      storyView({ id: 'ready', why: 'w', personaId: 'p' }),
      storyView({ id: 'missing', why: 'w' }),
      storyView({ id: 'deleted', deletedAt: 1 }),
      storyView({ id: 'promoted', status: 'promoted' }),
    ];
    const out = agenda(stories);
    expect(ids(out)).toEqual(['missing']);
    expect(out[0]!.missing.map((m) => m.id)).toEqual(['persona']);
  });

  it('orders by value (none last), then fewer missing rules, then backlog rank', () => {
    const stories = [
      storyView({ id: 'none', rank: 'a0' }),
      storyView({ id: 'v3-two', value: 3, rank: 'a1' }),
      storyView({ id: 'v9', value: 9, rank: 'a2' }),
      storyView({ id: 'v3-one', value: 3, why: 'w', rank: 'a3' }),
      storyView({ id: 'v3-two-early', value: 3, rank: 'a0' }),
    ];
    expect(ids(agenda(stories))).toEqual(['v9', 'v3-one', 'v3-two-early', 'v3-two', 'none']);
  });

  it('counts the discussion: an open question keeps a story on the agenda until resolved', () => {
    const def: Definition = { rules: [{ id: 'questions', kind: 'auto' }] };
    const s = storyView({ id: 's1' });
    const q = noteView({ id: 'q', kind: 'question' });
    expect(ids(agenda([s], [q], def))).toEqual(['s1']);
    expect(ids(agenda([s], [{ ...q, resolved: true }], def))).toEqual([]);
  });

  it('is empty without a definition (every story counts as ready)', () => {
    expect(agenda([storyView({ id: 'a' })], [], NO_DEFINITION)).toEqual([]);
  });

  it('uses the suggested definition end to end', () => {
    const s = storyView({ id: 'a', why: 'w', personaId: 'p', estimate: '3' });
    const c = noteView({ id: 'c', kind: 'criterion', storyId: 'a' });
    expect(ids(agenda([s], [c], SUGGESTED_DEFINITION))).toEqual([]);
    expect(agenda([s], [], SUGGESTED_DEFINITION)[0]!.missing.map((m) => m.id)).toEqual(['criteria']);
  });
});

describe('nextOnAgenda', () => {
  const items = agenda([storyView({ id: 'a', value: 5 }), storyView({ id: 'b', value: 1 })]);
  it('starts with the first and walks on from the focused story, wrapping', () => {
    expect(nextOnAgenda(items, null)).toBe('a');
    expect(nextOnAgenda(items, 'elsewhere')).toBe('a');
    expect(nextOnAgenda(items, 'a')).toBe('b');
    expect(nextOnAgenda(items, 'b')).toBe('a');
    expect(nextOnAgenda([], null)).toBeNull();
  });
});
