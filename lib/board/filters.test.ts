import { describe, expect, it } from 'vitest';
import {
  NONE,
  NO_FILTERS,
  activeFilterCount,
  filterStories,
  lanesFor,
  noteTextByStory,
  parseFilters,
  writeFilters,
  type BoardFilters,
  type FilterContext,
} from './filters';
import { noteView, storyView } from '../test-support/views';
import type { StoryView } from './types';

const base = storyView({ id: '' });
const stories: StoryView[] = [
  {
    ...base,
    id: 's1',
    title: 'Export to CSV',
    why: 'Finance needs it',
    personaId: 'po',
    metricId: 'm1',
    stream: 'Billing',
    status: 'ready',
  },
  { ...base, id: 's2', title: 'Dark mode', personaId: 'ghost-persona', stream: 'Onboarding' },
  { ...base, id: 's3', title: 'Invite teammates', why: 'Growth loop', metricId: 'm1', status: 'refining' },
];
const note = (storyId: string, text: string, deletedAt: number | null = null) =>
  noteView({ id: text, storyId, text, deletedAt });
const notes = noteTextByStory([note('s3', 'What about SSO users?'), note('s2', 'secret gone', 5)]);
const ctx: FilterContext = {
  personaIds: new Set(['po']),
  metricIds: new Set(['m1']),
  openQuestions: (id) => (id === 's3' ? 1 : 0),
  ready: (id) => id === 's2',
  noteText: (id) => notes.get(id) ?? '',
};
const ids = (f: Partial<BoardFilters>) =>
  filterStories(stories, { ...NO_FILTERS, ...f }, ctx).map((s) => s.id);

describe('filters', () => {
  it('filters by persona, metric, status, stream, why missing and open questions', () => {
    expect(ids({})).toEqual(['s1', 's2', 's3']);
    expect(ids({ persona: 'po' })).toEqual(['s1']);
    // An unknown persona id (a foreign client's) counts as no persona.
    expect(ids({ persona: NONE })).toEqual(['s2', 's3']);
    expect(ids({ metric: 'm1' })).toEqual(['s1', 's3']);
    expect(ids({ status: 'refining' })).toEqual(['s3']);
    expect(ids({ stream: 'Billing' })).toEqual(['s1']);
    expect(ids({ stream: NONE })).toEqual(['s3']);
    expect(ids({ whyMissing: true })).toEqual(['s2']);
    expect(ids({ openQuestions: true })).toEqual(['s3']);
    expect(ids({ metric: 'm1', status: 'ready' })).toEqual(['s1']);
  });

  it('filters by the definition of ready, not by the status', () => {
    // s1's status is `ready` but it does not meet the definition; s2 meets it.
    expect(ids({ ready: 'ready' })).toEqual(['s2']);
    expect(ids({ ready: 'not-ready' })).toEqual(['s1', 's3']);
    expect(parseFilters(new URLSearchParams('ready=not-ready')).ready).toBe('not-ready');
    expect(parseFilters(new URLSearchParams('ready=maybe')).ready).toBeNull();
  });

  it('searches title, why and live notes, every word, ignoring case', () => {
    expect(ids({ q: 'csv' })).toEqual(['s1']);
    expect(ids({ q: 'FINANCE export' })).toEqual(['s1']);
    expect(ids({ q: 'sso' })).toEqual(['s3']);
    expect(ids({ q: 'secret' })).toEqual([]);
    expect(ids({ q: 'csv growth' })).toEqual([]);
  });

  it('round-trips through the query string, keeping other params and dropping bad values', () => {
    const f: BoardFilters = {
      view: 'lanes',
      persona: 'po',
      metric: NONE,
      status: 'ready',
      stream: 'Billing & Ops',
      whyMissing: true,
      openQuestions: true,
      ready: 'ready',
      q: 'a b',
    };
    const params = writeFilters(new URLSearchParams('story=abc'), f);
    expect(params.get('story')).toBe('abc');
    expect(parseFilters(new URLSearchParams(params.toString()))).toEqual(f);
    expect(activeFilterCount(f)).toBe(8);
    expect(writeFilters(params, NO_FILTERS).toString()).toBe('story=abc');
    expect(parseFilters(new URLSearchParams('view=grid&status=done&why=yes&persona='))).toEqual(NO_FILTERS);
  });

  it('groups lanes: board streams in order, removed streams still carried, then no stream', () => {
    const lanes = lanesFor(
      [...stories, { ...base, id: 's4', stream: 'Legacy' }],
      ['Onboarding', 'Billing', 'Empty'],
    );
    expect(lanes.map((l) => [l.stream, l.listed, l.stories.map((s) => s.id)])).toEqual([
      ['Onboarding', true, ['s2']],
      ['Billing', true, ['s1']],
      ['Empty', true, []],
      ['Legacy', false, ['s4']],
      [null, true, ['s3']],
    ]);
  });
});
