import * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { ROUND_HISTORY_MAX, readRounds, type RoundRecord } from '../session/round-record';
import type { Understanding } from './readiness';
import { readMentions, sameMentions, type Person } from './mentions';
import {
  getMetricMap,
  getNoteMap,
  getPersonaMap,
  getStoryMap,
  isEntityMap,
  readStory,
  readValueStreams,
  roots,
  type EntityMap,
} from './schema';
import {
  NOTE_KINDS,
  NOTE_MAX,
  SCORE_MAX,
  SCORE_MIN,
  STORY_STATUSES,
  TITLE_MAX,
  WHY_MAX,
  type NoteKind,
  type StoryStatus,
} from './types';
import { isValidRank, rankBetween, sortByRank, type RankWrite } from './ordering';

/**
 * Pure edits of the board document. Each runs in one transaction so collaborators see it whole,
 * and takes the caller's transaction origin so a per-user UndoManager can track it.
 */

export class BoardOpError extends Error {}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

function newText(value: string, max: number): Y.Text {
  const t = new Y.Text();
  t.insert(0, clip(value, max));
  return t;
}

/** Makes sure `key` holds a Y.Text (a foreign client may have written a plain string) and returns it. */
export function ensureText(map: EntityMap, key: string): Y.Text {
  const v = map.get(key);
  if (v instanceof Y.Text) return v;
  const t = new Y.Text();
  t.insert(0, typeof v === 'string' ? v : '');
  map.set(key, t);
  return t;
}

function lastRank(doc: Y.Doc): string | null {
  const live: { id: string; rank: string | null }[] = [];
  roots(doc).stories.forEach((m, id) => {
    if (isEntityMap(m)) {
      const s = readStory(id, m);
      if (s.deletedAt === null) live.push(s);
    }
  });
  const ranked = sortByRank(live).filter((s) => s.rank !== null);
  return ranked.at(-1)?.rank ?? null;
}

export interface NewStory {
  title: string;
  why?: string;
  createdBy: string;
}

export function createStory(doc: Y.Doc, input: NewStory, origin?: unknown): string {
  const title = input.title.trim();
  if (!title) throw new BoardOpError('A story needs a title');
  const id = nanoid();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('title', newText(title, TITLE_MAX));
    m.set('why', newText((input.why ?? '').trim(), WHY_MAX));
    m.set('status', 'shell');
    m.set('rank', rankBetween(lastRank(doc), null));
    m.set('createdBy', input.createdBy);
    m.set('createdAt', Date.now());
    roots(doc).stories.set(id, m);
  }, origin);
  return id;
}

function storyOrThrow(doc: Y.Doc, storyId: string): EntityMap {
  const m = getStoryMap(doc, storyId);
  if (!m) throw new BoardOpError('No such story');
  return m;
}

export function setStoryStatus(doc: Y.Doc, storyId: string, status: StoryStatus, origin?: unknown): void {
  if (!STORY_STATUSES.includes(status)) throw new BoardOpError(`Unknown status ${status}`);
  const m = storyOrThrow(doc, storyId);
  doc.transact(() => m.set('status', status), origin);
}

/** An accepted or imported estimate (a scale value, story points); null clears it. */
export function setStoryEstimate(
  doc: Y.Doc,
  storyId: string,
  estimate: string | null,
  origin?: unknown,
): void {
  const m = storyOrThrow(doc, storyId);
  if (estimate === '') throw new BoardOpError('An estimate needs a value (null clears it)');
  doc.transact(() => (estimate === null ? m.delete('estimate') : m.set('estimate', estimate)), origin);
}

/**
 * An accepted round: appended to the story's history (`rounds`, at most ROUND_HISTORY_MAX) and, for an
 * understanding check, its result set as the story's `understanding` (the readiness rule reads it).
 */
export function recordRound(
  doc: Y.Doc,
  storyId: string,
  record: RoundRecord,
  understanding: Understanding | null,
  origin?: unknown,
): void {
  const m = storyOrThrow(doc, storyId);
  doc.transact(() => {
    m.set('rounds', [...readRounds(m.get('rounds')), record].slice(-ROUND_HISTORY_MAX));
    if (understanding) m.set('understanding', { ...understanding });
  }, origin);
}

/** A publish stored `version` of the story as a formal story: it is promoted, and says which version. */
export function markPromoted(doc: Y.Doc, storyId: string, version: number, origin?: unknown): void {
  const m = storyOrThrow(doc, storyId);
  if (!Number.isInteger(version) || version < 1)
    throw new BoardOpError('A formal version is a positive whole number');
  doc.transact(() => {
    m.set('status', 'promoted');
    m.set('formalId', storyId);
    m.set('formalVersion', version);
  }, origin);
}

export function setStoryRank(doc: Y.Doc, storyId: string, rank: string, origin?: unknown): void {
  applyRanks(doc, [{ id: storyId, rank }], origin);
}

/** Writes several rank keys in one transaction (a move that also ranks unranked neighbours, an applied suggestion). */
export function applyRanks(doc: Y.Doc, writes: readonly RankWrite[], origin?: unknown): void {
  const maps = writes.map((w) => {
    if (!isValidRank(w.rank)) throw new BoardOpError('Malformed rank key');
    const m = getStoryMap(doc, w.id);
    if (!m) throw new BoardOpError('No such story');
    return [m, w.rank] as const;
  });
  if (maps.length === 0) return;
  doc.transact(() => {
    for (const [m, rank] of maps) m.set('rank', rank);
  }, origin);
}

/** Sets (or clears, with null) a story's persona; unknown persona ids are refused. */
export function setStoryPersona(
  doc: Y.Doc,
  storyId: string,
  personaId: string | null,
  origin?: unknown,
): void {
  const m = storyOrThrow(doc, storyId);
  if (personaId !== null && !getPersonaMap(doc, personaId)) throw new BoardOpError('No such persona');
  doc.transact(() => (personaId === null ? m.delete('personaId') : m.set('personaId', personaId)), origin);
}

export function setStoryMetric(doc: Y.Doc, storyId: string, metricId: string | null, origin?: unknown): void {
  const m = storyOrThrow(doc, storyId);
  if (metricId !== null && !getMetricMap(doc, metricId)) throw new BoardOpError('No such metric');
  doc.transact(() => (metricId === null ? m.delete('metricId') : m.set('metricId', metricId)), origin);
}

/** Puts a story in a value stream on the board's list (null = no stream), optionally at a new rank. */
export function setStoryStream(
  doc: Y.Doc,
  storyId: string,
  stream: string | null,
  ranks: readonly RankWrite[] = [],
  origin?: unknown,
): void {
  const m = storyOrThrow(doc, storyId);
  if (stream !== null && !readValueStreams(doc).includes(stream))
    throw new BoardOpError('No such value stream');
  doc.transact(() => {
    if (stream === null) m.delete('stream');
    else m.set('stream', stream);
    applyRanks(doc, ranks, origin);
  }, origin);
}

/** Value or effort, an integer 1–10 (null clears it). */
export function setStoryScore(
  doc: Y.Doc,
  storyId: string,
  field: 'value' | 'effort',
  score: number | null,
  origin?: unknown,
): void {
  const m = storyOrThrow(doc, storyId);
  if (score !== null && !(Number.isInteger(score) && score >= SCORE_MIN && score <= SCORE_MAX)) {
    throw new BoardOpError(`${field === 'value' ? 'Value' : 'Effort'} is a whole number from 1 to 10`);
  }
  doc.transact(() => (score === null ? m.delete(field) : m.set(field, score)), origin);
}

export function deleteStory(doc: Y.Doc, storyId: string, by: string, origin?: unknown): void {
  const m = storyOrThrow(doc, storyId);
  doc.transact(() => {
    m.set('deletedAt', Date.now());
    m.set('deletedBy', by);
  }, origin);
}

export function restoreStory(doc: Y.Doc, storyId: string, origin?: unknown): void {
  const m = storyOrThrow(doc, storyId);
  doc.transact(() => {
    m.delete('deletedAt');
    m.delete('deletedBy');
  }, origin);
}

export interface NewNote {
  storyId: string;
  parentId?: string | null;
  kind: NoteKind;
  text: string;
  authorId: string;
  authorName: string;
  /** whom the text addresses (mentions.ts findMentions) */
  mentions?: readonly Person[];
}

export function addNote(doc: Y.Doc, input: NewNote, origin?: unknown): string {
  const text = input.text.trim();
  if (!text) throw new BoardOpError('A note needs some text');
  if (!NOTE_KINDS.includes(input.kind)) throw new BoardOpError(`Unknown note kind ${input.kind}`);
  const story = getStoryMap(doc, input.storyId);
  if (!story) throw new BoardOpError('No such story');
  if (input.parentId && !getNoteMap(doc, input.parentId)) throw new BoardOpError('No such note to reply to');
  const id = nanoid();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('storyId', input.storyId);
    if (input.parentId) m.set('parentId', input.parentId);
    m.set('kind', input.kind);
    m.set('text', newText(text, NOTE_MAX));
    m.set('authorId', input.authorId);
    m.set('authorName', input.authorName);
    m.set('createdAt', Date.now());
    m.set('resolved', false);
    m.set('plus', new Y.Map<boolean>());
    const mentions = readMentions(input.mentions ?? []);
    if (mentions.length > 0) m.set('mentions', mentions);
    roots(doc).notes.set(id, m);
    // The first note on a shell story means refinement has started.
    if (story.get('status') === 'shell' || story.get('status') === undefined) story.set('status', 'refining');
  }, origin);
  return id;
}

function noteOrThrow(doc: Y.Doc, noteId: string): EntityMap {
  const m = getNoteMap(doc, noteId);
  if (!m) throw new BoardOpError('No such note');
  return m;
}

/**
 * Replaces a note's whole text (its author's edit); marks it edited. With `mentions`, the people
 * the new text addresses replace the old ones (an edit can add or drop an `@name`).
 */
export function editNoteText(
  doc: Y.Doc,
  noteId: string,
  text: string,
  origin?: unknown,
  mentions?: readonly Person[],
): void {
  const m = noteOrThrow(doc, noteId);
  const value = clip(text.trim(), NOTE_MAX);
  if (!value) throw new BoardOpError('A note needs some text');
  doc.transact(() => {
    if (mentions) {
      const next = readMentions(mentions);
      const before = readMentions(m.get('mentions'));
      if (next.length === 0 && m.has('mentions')) m.delete('mentions');
      else if (next.length > 0 && !sameMentions(next, before)) m.set('mentions', next);
    }
    const t = ensureText(m, 'text');
    if (t.toString() === value) return;
    t.delete(0, t.length);
    t.insert(0, value);
    m.set('editedAt', Date.now());
  }, origin);
}

export function setNoteResolved(doc: Y.Doc, noteId: string, resolved: boolean, origin?: unknown): void {
  const m = noteOrThrow(doc, noteId);
  doc.transact(() => m.set('resolved', resolved), origin);
}

export function togglePlus(doc: Y.Doc, noteId: string, userId: string, origin?: unknown): boolean {
  const m = noteOrThrow(doc, noteId);
  let on = false;
  doc.transact(() => {
    let plus = m.get('plus');
    if (!(plus instanceof Y.Map)) {
      plus = new Y.Map<boolean>();
      m.set('plus', plus);
    }
    const p = plus as Y.Map<boolean>;
    if (p.get(userId) === true) p.delete(userId);
    else {
      p.set(userId, true);
      on = true;
    }
  }, origin);
  return on;
}

export function deleteNote(doc: Y.Doc, noteId: string, by: string, origin?: unknown): void {
  const m = noteOrThrow(doc, noteId);
  doc.transact(() => {
    m.set('deletedAt', Date.now());
    m.set('deletedBy', by);
  }, origin);
}

export function restoreNote(doc: Y.Doc, noteId: string, origin?: unknown): void {
  const m = noteOrThrow(doc, noteId);
  doc.transact(() => {
    m.delete('deletedAt');
    m.delete('deletedBy');
  }, origin);
}

/** Used by the server when a board is created, so the doc always carries its title. */
export function initMeta(doc: Y.Doc, title: string, createdAt: number, origin?: unknown): void {
  doc.transact(() => {
    const meta = roots(doc).meta;
    meta.set('title', clip(title, TITLE_MAX));
    meta.set('createdAt', createdAt);
    meta.set('scale', 'fibonacci');
    if (!(meta.get('valueStreams') instanceof Y.Array)) meta.set('valueStreams', new Y.Array<string>());
  }, origin);
}

export { WHY_MAX, TITLE_MAX, NOTE_MAX };
