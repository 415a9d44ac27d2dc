import * as Y from 'yjs';
import { nanoid } from 'nanoid';
// zod/mini: these ops run in the browser (personas manager, story value pickers); the tree-shakable
// build keeps those chunks light.
import * as z from 'zod/mini';
import {
  getMetricMap,
  getPersonaMap,
  isEntityMap,
  normalStreamName,
  readStory,
  readValueStreams,
  roots,
  valueStreamsArray,
  type EntityMap,
} from './schema';
import { BoardOpError } from './ops';
import { DESCRIPTION_MAX, METRIC_DIRECTIONS, NAME_MAX } from './types';

/**
 * Edits of the board's personas, metrics and value streams. Inputs are validated here (the UI's
 * forms cannot produce bad values, but a bug or a console must not write them either). Archiving
 * is a soft flag: stories that point at an archived persona or metric still show its name.
 */

const squeeze = z.overwrite((s: string) => s.trim().replace(/\s+/g, ' '));
const name = z
  .string()
  .check(
    squeeze,
    z.minLength(1, 'A name is needed'),
    z.maxLength(NAME_MAX, `At most ${NAME_MAX} characters`),
  );
const description = z
  .string()
  .check(squeeze, z.maxLength(DESCRIPTION_MAX, `At most ${DESCRIPTION_MAX} characters`));
const metricValue = z.nullable(z.number()); // zod 4 numbers are finite already

const personaInput = z.object({ name, description: z._default(description, '') });
const personaPatch = z.object({ name: z.optional(name), description: z.optional(description) });
const metricInput = z.object({
  name,
  direction: z.enum(METRIC_DIRECTIONS),
  current: z._default(metricValue, null),
  target: z._default(metricValue, null),
});
const metricPatch = z.partial(metricInput);

function parse<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new BoardOpError(r.error.issues[0]?.message ?? 'Invalid input');
  return r.data;
}

function setNumber(m: EntityMap, key: string, v: number | null | undefined) {
  if (v === undefined) return;
  if (v === null) m.delete(key);
  else m.set(key, v);
}

export type PersonaInput = z.input<typeof personaInput>;
export type MetricInput = z.input<typeof metricInput>;

export function createPersona(doc: Y.Doc, input: PersonaInput, origin?: unknown): string {
  const p = parse(personaInput, input);
  const id = nanoid();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('name', p.name);
    m.set('description', p.description);
    m.set('createdAt', Date.now());
    roots(doc).personas.set(id, m);
  }, origin);
  return id;
}

export function updatePersona(doc: Y.Doc, id: string, patch: z.input<typeof personaPatch>, origin?: unknown) {
  const p = parse(personaPatch, patch);
  const m = getPersonaMap(doc, id);
  if (!m) throw new BoardOpError('No such persona');
  doc.transact(() => {
    if (p.name !== undefined) m.set('name', p.name);
    if (p.description !== undefined) m.set('description', p.description);
  }, origin);
}

export function setPersonaArchived(doc: Y.Doc, id: string, archived: boolean, origin?: unknown) {
  const m = getPersonaMap(doc, id);
  if (!m) throw new BoardOpError('No such persona');
  doc.transact(() => (archived ? m.set('archived', true) : m.delete('archived')), origin);
}

export function createMetric(doc: Y.Doc, input: MetricInput, origin?: unknown): string {
  const p = parse(metricInput, input);
  const id = nanoid();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('name', p.name);
    m.set('direction', p.direction);
    setNumber(m, 'current', p.current);
    setNumber(m, 'target', p.target);
    m.set('createdAt', Date.now());
    roots(doc).metrics.set(id, m);
  }, origin);
  return id;
}

export function updateMetric(doc: Y.Doc, id: string, patch: z.input<typeof metricPatch>, origin?: unknown) {
  const p = parse(metricPatch, patch);
  const m = getMetricMap(doc, id);
  if (!m) throw new BoardOpError('No such metric');
  doc.transact(() => {
    if (p.name !== undefined) m.set('name', p.name);
    if (p.direction !== undefined) m.set('direction', p.direction);
    setNumber(m, 'current', p.current);
    setNumber(m, 'target', p.target);
  }, origin);
}

export function setMetricArchived(doc: Y.Doc, id: string, archived: boolean, origin?: unknown) {
  const m = getMetricMap(doc, id);
  if (!m) throw new BoardOpError('No such metric');
  doc.transact(() => (archived ? m.set('archived', true) : m.delete('archived')), origin);
}

function streamName(input: string): string {
  const n = normalStreamName(input);
  if (!n) throw new BoardOpError('A value stream needs a name');
  return n;
}

function ensureStreams(doc: Y.Doc): Y.Array<unknown> {
  const existing = valueStreamsArray(doc);
  if (existing) return existing;
  const arr = new Y.Array<unknown>();
  roots(doc).meta.set('valueStreams', arr);
  return arr;
}

export function addValueStream(doc: Y.Doc, input: string, origin?: unknown): string {
  const n = streamName(input);
  if (readValueStreams(doc).includes(n)) throw new BoardOpError(`There is already a stream called ${n}`);
  doc.transact(() => ensureStreams(doc).push([n]), origin);
  return n;
}

/** Renames a stream and moves its stories along, in one transaction. */
export function renameValueStream(doc: Y.Doc, from: string, to: string, origin?: unknown): void {
  const next = streamName(to);
  if (next === from) return;
  const streams = readValueStreams(doc);
  if (!streams.includes(from)) throw new BoardOpError('No such value stream');
  if (streams.includes(next)) throw new BoardOpError(`There is already a stream called ${next}`);
  doc.transact(() => {
    const arr = ensureStreams(doc);
    arr.toArray().forEach((v, i) => {
      if (normalStreamName(v) !== from) return;
      arr.delete(i, 1);
      arr.insert(i, [next]);
    });
    roots(doc).stories.forEach((m, id) => {
      if (isEntityMap(m) && readStory(id, m).stream === from) m.set('stream', next);
    });
  }, origin);
}

/** Takes a stream off the board; its stories keep the name (shown in a lane of their own). */
export function removeValueStream(doc: Y.Doc, nameToRemove: string, origin?: unknown): void {
  const arr = valueStreamsArray(doc);
  if (!arr) return;
  doc.transact(() => {
    for (let i = arr.length - 1; i >= 0; i--)
      if (normalStreamName(arr.get(i)) === nameToRemove) arr.delete(i, 1);
  }, origin);
}

/** Moves a stream one place up or down in the lane order. */
export function moveValueStream(doc: Y.Doc, nameToMove: string, delta: -1 | 1, origin?: unknown): void {
  const streams = readValueStreams(doc);
  const i = streams.indexOf(nameToMove);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= streams.length) return;
  const reordered = [...streams];
  [reordered[i], reordered[j]] = [reordered[j]!, reordered[i]!];
  doc.transact(() => {
    const arr = ensureStreams(doc);
    arr.delete(0, arr.length);
    arr.push(reordered);
  }, origin);
}
