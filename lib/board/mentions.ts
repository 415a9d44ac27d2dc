import { isUserId } from '../validation/awareness';
import { NAME_MAX } from './types';

/**
 * `@name` addressing in notes (issue #17, 3). The text keeps the readable `@Dana Scully`; the note
 * also stores whom it addresses (`mentions`: `{id, name}` as written), resolved when it is posted
 * or edited against the people the board has seen, so a later rename or a second "Dana" changes
 * nothing and the mention still reads right for someone who has not been here since.
 * Everything here is plain text: a mention is rendered as a text span, never as HTML.
 */
export const MENTIONS_MAX = 20;
/** how much of what follows `@` the autocomplete looks at */
export const MENTION_QUERY_MAX = 40;

export interface Person {
  id: string;
  name: string;
}

/**
 * The `mentions` field as stored: distinct people with a valid user id and a name, at most
 * MENTIONS_MAX (a foreign client's malformed entries are dropped).
 */
export function readMentions(raw: unknown): Person[] {
  if (!Array.isArray(raw)) return [];
  const out: Person[] = [];
  for (const v of raw) {
    if (typeof v !== 'object' || v === null) continue;
    const { id, name } = v as Record<string, unknown>;
    if (!isUserId(id) || typeof name !== 'string' || !name.trim() || name.length > NAME_MAX) continue;
    if (!out.some((p) => p.id === id)) out.push({ id, name });
    if (out.length === MENTIONS_MAX) break;
  }
  return out;
}

export function sameMentions(a: readonly Person[], b: readonly Person[]): boolean {
  return a.length === b.length && a.every((p, i) => p.id === b[i]!.id && p.name === b[i]!.name);
}

const WORD = /[\p{L}\p{N}_]/u;

interface Hit {
  start: number;
  end: number;
  person: Person;
}

/** Every `@Name` of a known person in `text`; the longest name wins where two start at one `@`. */
function hits(text: string, people: readonly Person[]): Hit[] {
  const byLength = [...people].filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const out: Hit[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(text[at - 1]!)) continue; // an e-mail address, not a mention
    const person = byLength.find((p) => {
      const end = at + 1 + p.name.length;
      // Compared slice by slice: lower-casing a whole text can change its length (İ → i̇).
      const same = text.slice(at + 1, end).toLowerCase() === p.name.toLowerCase();
      return same && !(end < text.length && WORD.test(text[end]!));
    });
    if (person) out.push({ start: at, end: at + 1 + person.name.length, person });
  }
  return out;
}

/** Whom `text` addresses, in order of appearance (the author never addresses themself). */
export function findMentions(text: string, people: readonly Person[], authorId?: string): Person[] {
  const out: Person[] = [];
  for (const h of hits(text, people)) {
    if (h.person.id !== authorId && !out.some((p) => p.id === h.person.id)) out.push(h.person);
  }
  return out.slice(0, MENTIONS_MAX).map(({ id, name }) => ({ id, name }));
}

export type Segment = { text: string } | { text: string; mention: string };

/** `text` cut into plain runs and mentions of `people` (the note's addressed people), for rendering. */
export function mentionSegments(text: string, people: readonly Person[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const h of hits(text, people)) {
    if (h.start > pos) out.push({ text: text.slice(pos, h.start) });
    out.push({ text: text.slice(h.start, h.end), mention: h.person.id });
    pos = h.end;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos) });
  return out;
}

/** The `@query` being typed at `caret`, or null: `@` at a word start, no line break or second `@`. */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const from = Math.max(0, caret - MENTION_QUERY_MAX - 1);
  const at = text.lastIndexOf('@', caret - 1);
  if (at < from) return null;
  if (at > 0 && WORD.test(text[at - 1]!)) return null;
  const query = text.slice(at + 1, caret);
  if (/[\n@]/.test(query) || /^\s/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, query };
}

/** People whose name (or a word of it) starts with `query`, best first, at most `limit`. */
export function suggestPeople(query: string, people: readonly Person[], limit = 6): Person[] {
  const q = query.toLowerCase();
  const scored: { p: Person; score: number }[] = [];
  for (const p of people) {
    const name = p.name.toLowerCase();
    const score = name.startsWith(q) ? 0 : name.split(/\s+/).some((w) => w.startsWith(q)) ? 1 : -1;
    if (score >= 0) scored.push({ p, score });
  }
  scored.sort((a, b) => a.score - b.score || a.p.name.localeCompare(b.p.name));
  return scored.slice(0, limit).map((s) => s.p);
}

/** `text` with the `@query` at `start..caret` replaced by `@Name `, and where the caret goes. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(caret);
  const inserted = `@${name}${after.startsWith(' ') ? '' : ' '}`;
  return {
    text: before + inserted + after,
    caret: start + inserted.length + (after.startsWith(' ') ? 1 : 0),
  };
}
