import { hasWhy } from './summary';
import { STORY_STATUSES, type NoteView, type StoryStatus, type StoryView } from './types';

/**
 * Backlog views and filters. They live in the URL query (`?view=lanes&persona=…&q=…`) so a link
 * shows the same view; everything here is pure so it can be tested without a browser.
 */
export const VIEWS = ['list', 'lanes'] as const;
export type BoardViewKind = (typeof VIEWS)[number];

/** The "no persona / no metric / no stream" choice in a filter. */
export const NONE = '~none';

export const SEARCH_MAX = 200;

export interface BoardFilters {
  view: BoardViewKind;
  /** persona id, NONE, or null for any */
  persona: string | null;
  metric: string | null;
  status: StoryStatus | null;
  /** stream name, NONE, or null for any */
  stream: string | null;
  whyMissing: boolean;
  openQuestions: boolean;
  /** the definition of ready: only stories that meet it, only those that do not, or any */
  ready: ReadyFilter | null;
  q: string;
}

export const READY_FILTERS = ['ready', 'not-ready'] as const;
export type ReadyFilter = (typeof READY_FILTERS)[number];

export const NO_FILTERS: BoardFilters = {
  view: 'list',
  persona: null,
  metric: null,
  status: null,
  stream: null,
  whyMissing: false,
  openQuestions: false,
  ready: null,
  q: '',
};

// URL params are plain strings, each checked on its own: one bad value (a hand-edited link) drops
// only that filter. Membership and length checks need no schema library on the page's first load.
function oneOf<T extends string>(allowed: readonly T[], raw: string | null): T | null {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : null;
}

function ref(raw: string | null): string | null {
  const t = raw?.trim() ?? '';
  return t.length >= 1 && t.length <= 128 ? t : null;
}

function flag(raw: string | null, on: string): boolean {
  return raw === on;
}

export function parseFilters(params: URLSearchParams): BoardFilters {
  const q = params.get('q') ?? '';
  return {
    view: oneOf(VIEWS, params.get('view')) ?? 'list',
    persona: ref(params.get('persona')),
    metric: ref(params.get('metric')),
    status: oneOf(STORY_STATUSES, params.get('status')),
    stream: ref(params.get('stream')),
    whyMissing: flag(params.get('why'), 'missing'),
    openQuestions: flag(params.get('questions'), 'open'),
    ready: oneOf(READY_FILTERS, params.get('ready')),
    // an absurdly long query (a pasted blob) is dropped rather than cut mid-word
    q: q.length <= SEARCH_MAX * 2 ? q.slice(0, SEARCH_MAX) : '',
  };
}

/** A copy of `params` carrying `f` (defaults omitted); other params such as `story` are kept. */
export function writeFilters(params: URLSearchParams, f: BoardFilters): URLSearchParams {
  const out = new URLSearchParams(params);
  const set = (key: string, v: string | null) => (v ? out.set(key, v) : out.delete(key));
  set('view', f.view === 'list' ? null : f.view);
  set('persona', f.persona);
  set('metric', f.metric);
  set('status', f.status);
  set('stream', f.stream);
  set('why', f.whyMissing ? 'missing' : null);
  set('questions', f.openQuestions ? 'open' : null);
  set('ready', f.ready);
  set('q', f.q.trim() ? f.q : null);
  return out;
}

/** How many filters narrow the list (the view choice is not a filter). */
export function activeFilterCount(f: BoardFilters): number {
  return (
    [f.persona, f.metric, f.status, f.stream, f.ready].filter((v) => v !== null).length +
    (f.whyMissing ? 1 : 0) +
    (f.openQuestions ? 1 : 0) +
    (f.q.trim() ? 1 : 0)
  );
}

export interface FilterContext {
  /** ids of personas and metrics that exist; a story pointing elsewhere counts as unset */
  personaIds: ReadonlySet<string>;
  metricIds: ReadonlySet<string>;
  openQuestions: (storyId: string) => number;
  /** whether the story meets the board's definition of ready */
  ready: (storyId: string) => boolean;
  /** live note text per story, for search */
  noteText: (storyId: string) => string;
}

function matchesRef(value: string | null, known: ReadonlySet<string>, filter: string | null): boolean {
  if (filter === null) return true;
  const v = value !== null && known.has(value) ? value : null;
  return filter === NONE ? v === null : v === filter;
}

export function searchTerms(q: string): string[] {
  return q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesStory(s: StoryView, f: BoardFilters, ctx: FilterContext): boolean {
  if (!matchesRef(s.personaId, ctx.personaIds, f.persona)) return false;
  if (!matchesRef(s.metricId, ctx.metricIds, f.metric)) return false;
  if (f.status !== null && s.status !== f.status) return false;
  if (f.stream !== null && (f.stream === NONE ? s.stream !== null : s.stream !== f.stream)) return false;
  if (f.whyMissing && hasWhy(s)) return false;
  if (f.openQuestions && ctx.openQuestions(s.id) === 0) return false;
  if (f.ready !== null && ctx.ready(s.id) !== (f.ready === 'ready')) return false;
  const terms = searchTerms(f.q);
  if (terms.length > 0) {
    const hay = `${s.title}\n${s.why}\n${ctx.noteText(s.id)}`.toLocaleLowerCase();
    if (!terms.every((t) => hay.includes(t))) return false;
  }
  return true;
}

/** Stories that pass every filter, in the order given. */
export function filterStories(
  stories: readonly StoryView[],
  f: BoardFilters,
  ctx: FilterContext,
): StoryView[] {
  return stories.filter((s) => matchesStory(s, f, ctx));
}

/** Live note text joined per story (deleted notes are not searched). */
export function noteTextByStory(notes: readonly NoteView[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of notes) {
    if (n.deletedAt !== null) continue;
    out.set(n.storyId, `${out.get(n.storyId) ?? ''}\n${n.text}`);
  }
  return out;
}

export interface Lane {
  /** the stream name, or null for "No stream" */
  stream: string | null;
  /** false for a name stories still carry after the stream was removed from the board */
  listed: boolean;
  stories: StoryView[];
}

/**
 * Lanes by value stream: the board's streams in order, then names stories still carry after
 * their stream was removed, then "No stream". Story order inside a lane is the order given.
 */
export function lanesFor(stories: readonly StoryView[], streams: readonly string[]): Lane[] {
  const lanes = new Map<string | null, Lane>();
  for (const name of streams) lanes.set(name, { stream: name, listed: true, stories: [] });
  const extra: Lane[] = [];
  const none: Lane = { stream: null, listed: true, stories: [] };
  for (const s of stories) {
    if (s.stream === null) {
      none.stories.push(s);
      continue;
    }
    let lane = lanes.get(s.stream);
    if (!lane) {
      lane = { stream: s.stream, listed: false, stories: [] };
      lanes.set(s.stream, lane);
      extra.push(lane);
    }
    lane.stories.push(s);
  }
  const listed = streams.map((n) => lanes.get(n)!);
  return [...listed, ...extra.sort((a, b) => (a.stream! < b.stream! ? -1 : 1)), none];
}
