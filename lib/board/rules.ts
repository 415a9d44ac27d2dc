import type { Role } from './types';

/**
 * Who may change what in the board document: the one rule table the server's write gate
 * (server/sync/write-gate.ts) checks every inbound update against. It knows the schema
 * (schema.ts) and nothing of Yjs: the gate hands it each thing an update would change as a Touch
 * (a path from a root down through map keys), and it answers allowed or a reason.
 *
 * The table follows PRODUCT.md's roles: view writes nothing; owner writes anything; team edits
 * stories, notes, drafts, personas, metrics and value streams, but not what the owner alone does
 * (restore from Trash, publish, accept an estimate, discard a draft, board settings).
 */

/** Root maps whose entries are entities keyed by id (`roots()` in schema.ts). */
export const ENTITY_ROOTS = ['stories', 'notes', 'personas', 'metrics', 'drafts'] as const;
export type EntityRoot = (typeof ENTITY_ROOTS)[number];

/** What a change puts in (or takes out of) a place, as far as the rules care. */
export type TouchValue =
  | { kind: 'json'; value: unknown }
  | { kind: 'type'; type: 'map' | 'array' | 'text' | 'other' }
  | { kind: 'other' };

/**
 * One thing an update changes. `path` holds the map keys from the root down to the changed item;
 * `null` stands for a position in a sequence (a character of a Y.Text, an element of a Y.Array).
 * `insert`: new content at `path` (for a map key, it replaces whatever the key held: `current`).
 * `delete`: existing, live content at `path` goes (`current` is what it held).
 */
export interface Touch {
  root: string;
  path: readonly (string | null)[];
  op: 'insert' | 'delete';
  /** the inserted value (for an insert) */
  value?: TouchValue;
  /** what the place held before: the live value at that map key, or the deleted item's value */
  current?: TouchValue;
  /** a delete of content this same update inserts (typing then erasing, while offline) */
  fresh?: boolean;
  /** a delete of content the same connection wrote (its person's undo of their own change) */
  own?: boolean;
}

/**
 * How the team link may treat one entity field:
 * - `free`: set, clear, edit inside;
 * - `owner`: never (the owner's, or the server's through its own path);
 * - `soft-delete`: set to a value of the given JSON type (a soft delete), never cleared (a restore);
 * - `status`: any status but `promoted`, and never away from `promoted` (publishing sets it).
 */
export type FieldRule = 'free' | 'owner' | 'soft-delete' | 'status';

/** The team link's field rules, per entity root; fields not listed are `free`. */
export const TEAM_FIELD_RULES: Record<EntityRoot, Record<string, FieldRule>> = {
  stories: {
    status: 'status',
    estimate: 'owner', // written by the server when the facilitator accepts a round
    formalId: 'owner', // written by the server on publish
    formalVersion: 'owner',
    understanding: 'owner', // written by the server when an understanding round is accepted
    rounds: 'owner', // accepted rounds' history, written by the server on accept
    checks: 'free', // manual readiness ticks: the team ticks them (a view link writes nothing)
    deletedAt: 'soft-delete',
    deletedBy: 'soft-delete',
  },
  notes: { deletedAt: 'soft-delete', deletedBy: 'soft-delete' },
  personas: {},
  metrics: {},
  drafts: {},
};

const ENTITY_NAMES: Record<EntityRoot, string> = {
  stories: 'story',
  notes: 'note',
  personas: 'persona',
  metrics: 'metric',
  drafts: 'draft',
};

/** `meta` keys the team link may write; the rest (title, createdAt, scale, readiness, …) are the owner's. */
export const TEAM_META_KEYS: readonly string[] = ['valueStreams'];

export type Verdict = { ok: true } | { ok: false; reason: string };

const OK: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

export const VIEW_ONLY = 'This is a view-only link: changes are not saved.';

const isEntityRoot = (root: string): root is EntityRoot => (ENTITY_ROOTS as readonly string[]).includes(root);

const keyOf = (t: Touch) => `${t.root}\u0000${t.path.join('\u0000')}`;
const isMapKeyInsert = (t: Touch) => t.op === 'insert' && typeof t.path.at(-1) === 'string';

/** Checks everything an update would change; the first forbidden part refuses it all. */
export function checkTouches(role: Role, touches: readonly Touch[]): Verdict {
  if (role === 'owner') return OK;
  if (role === 'view') return touches.length === 0 ? OK : no(VIEW_ONLY);
  // A delete at a map key the same update writes again is an overwrite, not a clear.
  const rewritten = new Set(touches.filter(isMapKeyInsert).map(keyOf));
  for (const t of touches) {
    const v = checkTeam(t, rewritten.has(keyOf(t)));
    if (!v.ok) return v;
  }
  return OK;
}

function checkTeam(t: Touch, rewritten: boolean): Verdict {
  if (t.root === 'meta') {
    const key = t.path[0];
    return typeof key === 'string' && TEAM_META_KEYS.includes(key)
      ? OK
      : no(
          `Only the owner link can change the board's settings${typeof key === 'string' ? ` (${key})` : ''}.`,
        );
  }
  // Roots outside the schema are read by nobody: a foreign client may keep its own data there.
  if (!isEntityRoot(t.root)) return OK;
  const [id, field] = t.path;
  if (typeof id !== 'string') return OK; // sequence content in a map root: never read
  const entity = ENTITY_NAMES[t.root];
  if (t.path.length === 1) {
    // The entry itself: a new id is a new entity; replacing or removing one is a hard delete.
    if (t.op === 'insert' && t.current === undefined) return OK;
    // Created and removed at once: nothing changes. Removed by the connection that created it: its
    // person's undo (the entry never was anyone else's).
    if (t.op === 'delete' && (t.fresh || t.own)) return OK;
    if (t.root === 'drafts') return no('Only the owner link can discard a promotion draft.');
    return no(`Only the owner link can delete a ${entity} for good (team links soft-delete it).`);
  }
  if (typeof field !== 'string') return OK; // sequence content in an entity map: never read
  const rule = TEAM_FIELD_RULES[t.root][field] ?? 'free';
  const direct = t.path.length === 2;
  switch (rule) {
    case 'free':
      return OK;
    case 'owner':
      return no(ownerOnly(field));
    case 'soft-delete': {
      if (!direct) return no(`A ${entity}'s ${field} is not a text to edit.`);
      // Cleared, or set and cleared in one update: a restore (from Trash). Overwritten by a new time:
      // still deleted. Cleared by the connection that set it: its person's undo of their delete.
      if (t.op === 'delete')
        return (rewritten && !t.fresh) || t.own ? OK : no('Only the owner link can restore from Trash.');
      const want = field === 'deletedAt' ? 'number' : 'string';
      return isJson(t.value, want) ? OK : no('Only the owner link can restore from Trash.');
    }
    case 'status': {
      if (!direct) return no(`A ${entity}'s status is not a text to edit.`);
      if (isPromoted(t.current)) return no('Only publishing can change a promoted story’s status.');
      if (t.op === 'insert' && isPromoted(t.value)) return no('Only publishing marks a story promoted.');
      return OK;
    }
  }
}

function ownerOnly(field: string): string {
  if (field === 'estimate') return "Only the facilitator's accept sets a story's estimate.";
  if (field === 'rounds') return "Only the facilitator's accept of a round adds to its history.";
  if (field === 'understanding') return "Only the facilitator's accept of an understanding round sets it.";
  return `Only publishing sets a story's ${field}.`;
}

function isJson(v: TouchValue | undefined, type: 'number' | 'string'): boolean {
  if (v?.kind !== 'json') return false;
  return type === 'number'
    ? typeof v.value === 'number' && Number.isFinite(v.value)
    : typeof v.value === 'string';
}

function isPromoted(v: TouchValue | undefined): boolean {
  return v?.kind === 'json' && v.value === 'promoted';
}
