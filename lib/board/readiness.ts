import type { NoteView, StoryView } from './types';

/**
 * The definition of ready (issue #17): the board's ordered rules a story must meet before the
 * session, and `evaluate`, which says which a story meets. Automatic rules read the story and its
 * discussion; manual items are ticked per story by a person (story `checks`). Pure and cheap: the
 * board view memoises one evaluation per story (doc-view.ts), the server evaluates the live doc.
 */

export const AUTO_RULES = [
  'why',
  'persona',
  'criteria',
  'questions',
  'risks',
  'estimate',
  'understanding',
] as const;
export type AutoRuleType = (typeof AUTO_RULES)[number];

export const CRITERIA_MIN = 1;
export const CRITERIA_MAX = 20;
/** Understanding is a fist-of-five median (1–5). */
export const UNDERSTANDING_MIN = 1;
export const UNDERSTANDING_MAX = 5;
export const MANUAL_LABEL_MAX = 120;
export const RULES_MAX = 30;

/** One rule of the definition. Automatic rules are keyed by their type (each at most once). */
export type ReadinessRule =
  | { id: Exclude<AutoRuleType, 'criteria' | 'understanding'>; kind: 'auto' }
  | { id: 'criteria'; kind: 'auto'; min: number }
  | { id: 'understanding'; kind: 'auto'; threshold: number }
  | { id: string; kind: 'manual'; label: string };

export interface Definition {
  rules: readonly ReadinessRule[];
}

/**
 * A board without a definition has no rules: readiness stays out of its cards, filters and
 * promotion until the owner picks rules. The editor offers these to start from: every automatic
 * rule that can be checked today (understanding waits for the understanding round).
 */
export const NO_DEFINITION: Definition = Object.freeze({
  rules: Object.freeze([]) as readonly ReadinessRule[],
});

export const SUGGESTED_DEFINITION: Definition = Object.freeze({
  rules: Object.freeze([
    { id: 'why', kind: 'auto' },
    { id: 'persona', kind: 'auto' },
    { id: 'criteria', kind: 'auto', min: 1 },
    { id: 'questions', kind: 'auto' },
    { id: 'risks', kind: 'auto' },
    { id: 'estimate', kind: 'auto' },
  ] as ReadinessRule[]),
});

/** A manual tick on a story: who ticked it and when (story `checks[itemId]`). */
export interface CheckTick {
  by: string;
  name: string;
  at: number;
}

/** The result of an understanding round, written by the server when a round is accepted. */
export interface Understanding {
  median: number;
  spread: number;
  at: number;
}

/** What a story needs beyond StoryView to be evaluated (read by schema.ts's readStory). */
export type ReadinessStory = Pick<StoryView, 'id' | 'why' | 'personaId' | 'estimate'> & {
  checks: Readonly<Record<string, CheckTick>>;
  understanding: Understanding | null;
};

export interface MissingRule {
  id: string;
  label: string;
  /** why it is not met, in a few words ("2 open questions", "not yet checked") */
  reason: string;
}

export interface Evaluation {
  ready: boolean;
  /** ids of the rules met, in definition order */
  met: readonly string[];
  missing: readonly MissingRule[];
  total: number;
}

export const MANUAL_ID = /^m-[A-Za-z0-9_-]{1,40}$/;

export function ruleLabel(rule: ReadinessRule): string {
  switch (rule.kind) {
    case 'manual':
      return rule.label;
    case 'auto':
      switch (rule.id) {
        case 'why':
          return 'Why present';
        case 'persona':
          return 'Persona set';
        case 'criteria':
          return `At least ${rule.min} acceptance ${rule.min === 1 ? 'criterion' : 'criteria'}`;
        case 'questions':
          return 'No open questions';
        case 'risks':
          return 'Every risk resolved or answered';
        case 'estimate':
          return 'Estimate accepted';
        case 'understanding':
          return `Understanding at least ${rule.threshold} of 5`;
      }
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Live notes of the story, with the ids of notes that have a live reply. */
function discussion(storyId: string, notes: readonly NoteView[]) {
  const live = notes.filter((n) => n.storyId === storyId && n.deletedAt === null);
  const answered = new Set(live.map((n) => n.parentId).filter((p): p is string => p !== null));
  return { live, answered };
}

type Check = { ok: true } | { ok: false; reason: string };
const OK: Check = { ok: true };
const no = (reason: string): Check => ({ ok: false, reason });

function check(rule: ReadinessRule, story: ReadinessStory, d: () => ReturnType<typeof discussion>): Check {
  if (rule.kind === 'manual') return story.checks[rule.id] ? OK : no('not ticked');
  switch (rule.id) {
    case 'why':
      return story.why.trim() ? OK : no('no why yet');
    case 'persona':
      return story.personaId ? OK : no('no persona');
    case 'criteria': {
      const n = d().live.filter((x) => x.kind === 'criterion').length;
      return n >= rule.min ? OK : no(`${plural(n, 'criterion', 'criteria')} of ${rule.min}`);
    }
    case 'questions': {
      const n = d().live.filter((x) => x.kind === 'question' && !x.resolved).length;
      return n === 0 ? OK : no(plural(n, 'open question', 'open questions'));
    }
    case 'risks': {
      const { live, answered } = d();
      // A risk counts as handled when resolved, or when someone replied to it (its answer).
      const n = live.filter((x) => x.kind === 'risk' && !x.resolved && !answered.has(x.id)).length;
      return n === 0 ? OK : no(plural(n, 'open risk', 'open risks'));
    }
    case 'estimate':
      return story.estimate ? OK : no('not estimated');
    case 'understanding': {
      const u = story.understanding;
      if (!u) return no('not yet checked');
      return u.median >= rule.threshold ? OK : no(`median ${u.median} of 5`);
    }
  }
}

/** Which rules of `def` the story meets. `notes` may hold other stories' notes (they are skipped). */
export function evaluate(story: ReadinessStory, notes: readonly NoteView[], def: Definition): Evaluation {
  let cached: ReturnType<typeof discussion> | null = null;
  const d = () => (cached ??= discussion(story.id, notes));
  const met: string[] = [];
  const missing: MissingRule[] = [];
  for (const rule of def.rules) {
    const c = check(rule, story, d);
    if (c.ok) met.push(rule.id);
    else missing.push({ id: rule.id, label: ruleLabel(rule), reason: c.reason });
  }
  return { ready: missing.length === 0, met, missing, total: def.rules.length };
}

/** "Persona set — no persona; No open questions — 2 open questions" for a tooltip or screen reader. */
export function missingText(e: Evaluation): string {
  return e.missing.map((m) => `${m.label} — ${m.reason}`).join('; ');
}

export function sameEvaluation(a: Evaluation, b: Evaluation): boolean {
  return (
    a.ready === b.ready &&
    a.total === b.total &&
    a.met.length === b.met.length &&
    a.met.every((id, i) => b.met[i] === id) &&
    a.missing.length === b.missing.length &&
    a.missing.every((m, i) => b.missing[i]!.id === m.id && b.missing[i]!.reason === m.reason)
  );
}

// ---- reading what the doc holds (a foreign client may write anything: bad parts read as unset) ----

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const intIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readRule(v: unknown): ReadinessRule | null {
  if (!isRecord(v) || typeof v.id !== 'string') return null;
  if (v.kind === 'manual') {
    const label = typeof v.label === 'string' ? v.label.trim().slice(0, MANUAL_LABEL_MAX) : '';
    return MANUAL_ID.test(v.id) && label ? { id: v.id, kind: 'manual', label } : null;
  }
  if (v.kind !== 'auto') return null;
  switch (v.id) {
    case 'criteria':
      return intIn(v.min, CRITERIA_MIN, CRITERIA_MAX) ? { id: 'criteria', kind: 'auto', min: v.min } : null;
    case 'understanding':
      return intIn(v.threshold, UNDERSTANDING_MIN, UNDERSTANDING_MAX)
        ? { id: 'understanding', kind: 'auto', threshold: v.threshold }
        : null;
    case 'why':
    case 'persona':
    case 'questions':
    case 'risks':
    case 'estimate':
      return { id: v.id, kind: 'auto' };
    default:
      return null;
  }
}

/**
 * `meta.readiness` as the owner saved it: `{ rules: [...] }`. Absent or malformed ⇒ no rules;
 * malformed rules are dropped, a rule id seen twice keeps its first place.
 */
export function readDefinition(raw: unknown): Definition {
  if (!isRecord(raw) || !Array.isArray(raw.rules)) return NO_DEFINITION;
  const seen = new Set<string>();
  const rules: ReadinessRule[] = [];
  for (const r of raw.rules.slice(0, RULES_MAX)) {
    const rule = readRule(r);
    if (!rule || seen.has(rule.id)) continue;
    seen.add(rule.id);
    rules.push(rule);
  }
  return { rules };
}

/** Story `checks`: item id → tick; entries that are not a well-formed tick read as not ticked. */
export function readChecks(raw: unknown): Readonly<Record<string, CheckTick>> {
  if (!isRecord(raw)) return NO_CHECKS;
  const out: Record<string, CheckTick> = {};
  let any = false;
  for (const [id, t] of Object.entries(raw)) {
    if (!MANUAL_ID.test(id) || !isRecord(t)) continue;
    if (typeof t.by !== 'string' || !finite(t.at)) continue;
    out[id] = { by: t.by, name: typeof t.name === 'string' ? t.name.slice(0, 80) : 'Someone', at: t.at };
    any = true;
  }
  return any ? out : NO_CHECKS;
}

export const NO_CHECKS: Readonly<Record<string, CheckTick>> = Object.freeze({});

/** Story `understanding`: `{median, spread, at}` or null (not yet checked). */
export function readUnderstanding(raw: unknown): Understanding | null {
  if (!isRecord(raw)) return null;
  const { median, spread, at } = raw;
  if (!finite(median) || median < UNDERSTANDING_MIN || median > UNDERSTANDING_MAX) return null;
  if (!finite(spread) || spread < 0 || !finite(at)) return null;
  return { median, spread, at };
}

export function sameChecks(a: Readonly<Record<string, CheckTick>>, b: Readonly<Record<string, CheckTick>>) {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = a[k]!;
    const y = b[k];
    return !!y && x.by === y.by && x.name === y.name && x.at === y.at;
  });
}

export function sameUnderstanding(a: Understanding | null, b: Understanding | null): boolean {
  if (a === b) return true;
  return !!a && !!b && a.median === b.median && a.spread === b.spread && a.at === b.at;
}

/** The definition as stored: plain JSON, the exact shape readDefinition accepts. */
export function definitionJson(def: Definition): { rules: ReadinessRule[] } {
  return { rules: def.rules.map((r) => ({ ...r })) };
}

/**
 * Unmet rules for promotion's "still open" warning. A missing why and each open question are
 * already listed there one by one, so those two rules are not repeated.
 */
export function unmetForPromotion(e: Evaluation | null): string[] {
  if (!e) return [];
  return e.missing
    .filter((m) => m.id !== 'why' && m.id !== 'questions')
    .map((m) => `Not ready: ${m.label} (${m.reason})`);
}
