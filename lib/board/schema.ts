import * as Y from 'yjs';
import {
  DESCRIPTION_MAX,
  METRIC_DIRECTIONS,
  NAME_MAX,
  NOTE_KINDS,
  STORY_STATUSES,
  STREAM_MAX,
  type BoardMetaView,
  type MetricDirection,
  type MetricView,
  type NoteKind,
  type NoteView,
  type PersonaView,
  type StoryStatus,
  type StoryView,
} from './types';
import { isValidRank } from './ordering';
import { readChecks, readUnderstanding } from './readiness';
import { readMentions } from './mentions';

/**
 * The one place that knows the Y.Doc shape (docs/schema.md, "The board document").
 * Root types: meta, stories, notes, personas, metrics, drafts. Entities are Y.Maps keyed by nanoid.
 */
export type EntityMap = Y.Map<unknown>;

export function roots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>('meta'),
    stories: doc.getMap<EntityMap>('stories'),
    notes: doc.getMap<EntityMap>('notes'),
    personas: doc.getMap<EntityMap>('personas'),
    metrics: doc.getMap<EntityMap>('metrics'),
    drafts: doc.getMap<EntityMap>('drafts'),
  };
}

/** Text fields are Y.Text; a foreign client may have written a plain string, which we still read. */
export function readText(map: EntityMap, key: string): string {
  const v = map.get(key);
  if (v instanceof Y.Text) return v.toString();
  return typeof v === 'string' ? v : '';
}

export function textOf(map: EntityMap, key: string): Y.Text | null {
  const v = map.get(key);
  return v instanceof Y.Text ? v : null;
}

function str(map: EntityMap, key: string): string | null {
  const v = map.get(key);
  return typeof v === 'string' && v.length > 0 ? v : null;
}

function num(map: EntityMap, key: string): number | null {
  const v = map.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** 1–10 scores; anything else (a foreign client's 42 or "high") reads as unset. */
export function score(map: EntityMap, key: string): number | null {
  const v = num(map, key);
  return v !== null && Number.isInteger(v) && v >= 1 && v <= 10 ? v : null;
}

function oneOf<T extends string>(allowed: readonly T[], v: unknown, fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

export function isEntityMap(v: unknown): v is EntityMap {
  return v instanceof Y.Map;
}

/**
 * Entity keys are nanoids (ops.ts): URL-safe alphabet. A foreign client can write any key, and a key
 * is interpolated into links and exports, so one outside this alphabet (Markdown, newlines) or longer
 * than 64 is malformed: readers skip the entry, lookups miss it, references to it read as unset.
 */
export const ENTITY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isEntityId(v: unknown): v is string {
  return typeof v === 'string' && ENTITY_ID.test(v);
}

/** An entry a reader shows: a well-formed key holding a Y.Map. */
export function isEntityEntry(id: string, v: unknown): v is EntityMap {
  return isEntityId(id) && isEntityMap(v);
}

/** A reference to another entity (storyId, personaId, …): unset unless it is a well-formed id. */
function ref(map: EntityMap, key: string): string | null {
  const v = map.get(key);
  return isEntityId(v) ? v : null;
}

export function readStory(id: string, map: EntityMap): StoryView {
  const rank = map.get('rank');
  const estimate = map.get('estimate');
  const checks = map.get('checks');
  return {
    id,
    title: readText(map, 'title'),
    why: readText(map, 'why'),
    status: oneOf<StoryStatus>(STORY_STATUSES, map.get('status'), 'shell'),
    rank: typeof rank === 'string' && isValidRank(rank) ? rank : null,
    personaId: ref(map, 'personaId'),
    metricId: ref(map, 'metricId'),
    stream: str(map, 'stream'),
    value: score(map, 'value'),
    effort: score(map, 'effort'),
    estimate:
      typeof estimate === 'string' && estimate.length > 0
        ? estimate
        : typeof estimate === 'number' && Number.isFinite(estimate)
          ? String(estimate)
          : null,
    createdBy: str(map, 'createdBy'),
    createdAt: num(map, 'createdAt') ?? 0,
    deletedAt: num(map, 'deletedAt'),
    deletedBy: str(map, 'deletedBy'),
    formalId: str(map, 'formalId'),
    formalVersion: num(map, 'formalVersion'),
    checks: readChecks(checks instanceof Y.Map ? checks.toJSON() : undefined),
    understanding: readUnderstanding(map.get('understanding')),
  };
}

/** The story a note belongs to, or null: a note without a story cannot be shown anywhere. */
export function noteStoryId(map: EntityMap): string | null {
  return ref(map, 'storyId');
}

/** Who wrote a note, as readNote shows it (without reading the rest of the note). */
export function noteAuthor(map: EntityMap): { id: string; name: string } {
  return { id: str(map, 'authorId') ?? 'unknown', name: str(map, 'authorName') ?? 'Someone' };
}

export function readNote(id: string, map: EntityMap): NoteView | null {
  const storyId = noteStoryId(map);
  if (!storyId) return null;
  const author = noteAuthor(map);
  const plus = map.get('plus');
  return {
    id,
    storyId,
    parentId: ref(map, 'parentId'),
    kind: oneOf<NoteKind>(NOTE_KINDS, map.get('kind'), 'idea'),
    text: readText(map, 'text'),
    authorId: author.id,
    authorName: author.name,
    createdAt: num(map, 'createdAt') ?? 0,
    editedAt: num(map, 'editedAt'),
    resolved: map.get('resolved') === true,
    plus: plus instanceof Y.Map ? [...plus.keys()].filter((k) => plus.get(k) === true) : [],
    mentions: readMentions(map.get('mentions')),
    deletedAt: num(map, 'deletedAt'),
    deletedBy: str(map, 'deletedBy'),
  };
}

export function readMeta(doc: Y.Doc): BoardMetaView {
  const meta = roots(doc).meta;
  const title = meta.get('title');
  const createdAt = meta.get('createdAt');
  return {
    title: typeof title === 'string' ? title : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

export function getStoryMap(doc: Y.Doc, id: string): EntityMap | null {
  const m = roots(doc).stories.get(id);
  return isEntityEntry(id, m) ? m : null;
}

export function getNoteMap(doc: Y.Doc, id: string): EntityMap | null {
  const m = roots(doc).notes.get(id);
  return isEntityEntry(id, m) ? m : null;
}

/** All stories, including soft-deleted ones (callers filter). Unsorted. */
export function readStories(doc: Y.Doc): StoryView[] {
  const out: StoryView[] = [];
  roots(doc).stories.forEach((m, id) => {
    if (isEntityEntry(id, m)) out.push(readStory(id, m));
  });
  return out;
}

/** All notes, including soft-deleted ones. Unsorted. */
export function readNotes(doc: Y.Doc): NoteView[] {
  const out: NoteView[] = [];
  roots(doc).notes.forEach((m, id) => {
    if (!isEntityEntry(id, m)) return;
    const n = readNote(id, m);
    if (n) out.push(n);
  });
  return out;
}

/** A persona; a foreign client's entry without a name reads as null (not shown, never picked). */
export function readPersona(id: string, map: EntityMap): PersonaView | null {
  const name = readText(map, 'name').trim().slice(0, NAME_MAX);
  if (!name) return null;
  return {
    id,
    name,
    description: readText(map, 'description').trim().slice(0, DESCRIPTION_MAX),
    archived: map.get('archived') === true,
    createdAt: num(map, 'createdAt') ?? 0,
  };
}

export function readMetric(id: string, map: EntityMap): MetricView | null {
  const name = readText(map, 'name').trim().slice(0, NAME_MAX);
  if (!name) return null;
  return {
    id,
    name,
    direction: oneOf<MetricDirection>(METRIC_DIRECTIONS, map.get('direction'), 'up'),
    current: num(map, 'current'),
    target: num(map, 'target'),
    archived: map.get('archived') === true,
    createdAt: num(map, 'createdAt') ?? 0,
  };
}

function readEntities<T>(root: Y.Map<EntityMap>, read: (id: string, m: EntityMap) => T | null): T[] {
  const out: T[] = [];
  root.forEach((m, id) => {
    if (!isEntityEntry(id, m)) return;
    const v = read(id, m);
    if (v) out.push(v);
  });
  return out;
}

const byCreation = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** All personas, archived included, oldest first. */
export function readPersonas(doc: Y.Doc): PersonaView[] {
  return readEntities(roots(doc).personas, readPersona).sort(byCreation);
}

/** All metrics, archived included, oldest first. */
export function readMetrics(doc: Y.Doc): MetricView[] {
  return readEntities(roots(doc).metrics, readMetric).sort(byCreation);
}

export function getPersonaMap(doc: Y.Doc, id: string): EntityMap | null {
  const m = roots(doc).personas.get(id);
  return isEntityEntry(id, m) && readPersona(id, m) ? m : null;
}

export function getMetricMap(doc: Y.Doc, id: string): EntityMap | null {
  const m = roots(doc).metrics.get(id);
  return isEntityEntry(id, m) && readMetric(id, m) ? m : null;
}

/** `meta.valueStreams`, or null when absent or not a Y.Array (a foreign client's value). */
export function valueStreamsArray(doc: Y.Doc): Y.Array<unknown> | null {
  const v = roots(doc).meta.get('valueStreams');
  return v instanceof Y.Array ? (v as Y.Array<unknown>) : null;
}

export function normalStreamName(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const name = v.trim().replace(/\s+/g, ' ').slice(0, STREAM_MAX);
  return name.length > 0 ? name : null;
}

/** Value stream names in board order; non-strings dropped, duplicates (two people adding one name) kept once. */
export function readValueStreams(doc: Y.Doc): string[] {
  const arr = valueStreamsArray(doc);
  if (!arr) return [];
  const seen = new Set<string>();
  for (const v of arr.toArray()) {
    const name = normalStreamName(v);
    if (name && !seen.has(name)) seen.add(name);
  }
  return [...seen];
}
