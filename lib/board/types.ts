import type { CheckTick, Understanding } from './readiness';

// Plain, validated views of the board document. Everything the UI renders comes through these
// types, so a foreign client that writes odd values can never crash rendering.

export const STORY_STATUSES = ['shell', 'refining', 'ready', 'promoted'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const NOTE_KINDS = ['question', 'idea', 'risk', 'criterion', 'decision'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const ROLES = ['owner', 'team', 'view'] as const;
export type Role = (typeof ROLES)[number];

export const TITLE_MAX = 300;
export const WHY_MAX = 4000;
export const NOTE_MAX = 4000;

export interface StoryView {
  id: string;
  title: string;
  why: string;
  status: StoryStatus;
  /** fractional-index key, or null when missing/malformed (such stories sort last) */
  rank: string | null;
  personaId: string | null;
  metricId: string | null;
  stream: string | null;
  value: number | null;
  effort: number | null;
  estimate: string | null;
  createdBy: string | null;
  createdAt: number;
  deletedAt: number | null;
  deletedBy: string | null;
  formalId: string | null;
  formalVersion: number | null;
  /** manual readiness items ticked on this story (item id → who and when; readiness.ts) */
  checks: Readonly<Record<string, CheckTick>>;
  /** the accepted understanding round's result, or null (not yet checked) */
  understanding: Understanding | null;
}

export interface NoteView {
  id: string;
  storyId: string;
  parentId: string | null;
  kind: NoteKind;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  editedAt: number | null;
  resolved: boolean;
  /** user ids that +1'd the note */
  plus: string[];
  /** whom the note addresses with `@name`, as written (mentions.ts) */
  mentions: { id: string; name: string }[];
  deletedAt: number | null;
  deletedBy: string | null;
}

export interface BoardMetaView {
  title: string;
  createdAt: number;
}

export const METRIC_DIRECTIONS = ['up', 'down'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export const NAME_MAX = 80;
export const DESCRIPTION_MAX = 200;
export const STREAM_MAX = 60;
export const SCORE_MIN = 1;
export const SCORE_MAX = 10;

/** Who a story is for: a name and one line. Archived personas stay readable for old stories. */
export interface PersonaView {
  id: string;
  name: string;
  description: string;
  archived: boolean;
  createdAt: number;
}

/** The number a story should move: which way is better, where it is, where we want it. */
export interface MetricView {
  id: string;
  name: string;
  direction: MetricDirection;
  current: number | null;
  target: number | null;
  archived: boolean;
  createdAt: number;
}
