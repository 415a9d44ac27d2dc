/**
 * Word-level comparison of two formal-story versions, for the side-by-side diff on the story page.
 * Pure and bounded: very long texts fall back to "everything changed" rather than a quadratic blow-up.
 */
export type PartKind = 'same' | 'added' | 'removed';
export interface WordPart {
  kind: PartKind;
  text: string;
}

export type CriterionRow =
  | { kind: 'same'; text: string }
  | { kind: 'removed'; before: string }
  | { kind: 'added'; after: string }
  | { kind: 'changed'; before: string; after: string; parts: WordPart[] };

/** Beyond this many token pairs the LCS table is not worth it (≈ two 500-word texts). */
const MAX_CELLS = 250_000;

/** Words and the whitespace between them, so joining the tokens gives the text back exactly. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(out: WordPart[], kind: PartKind, text: string) {
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/** Longest-common-subsequence alignment of two sequences: pairs of matched indexes, in order. */
function lcs<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = eq(a[i]!, b[j]!)
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (eq(a[i]!, b[j]!)) {
      pairs.push([i++, j++]);
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Word-level diff: the parts of `before` and `after` in reading order, merged into runs. */
export function diffWords(before: string, after: string): WordPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const a = tokenize(before);
  const b = tokenize(after);
  const out: WordPart[] = [];
  if (a.length * b.length > MAX_CELLS) {
    if (before) push(out, 'removed', before);
    if (after) push(out, 'added', after);
    return out;
  }
  let i = 0;
  let j = 0;
  for (const [pi, pj] of lcs(a, b, (x, y) => x === y)) {
    while (i < pi) push(out, 'removed', a[i++]!);
    while (j < pj) push(out, 'added', b[j++]!);
    push(out, 'same', a[i]!);
    i++;
    j++;
  }
  while (i < a.length) push(out, 'removed', a[i++]!);
  while (j < b.length) push(out, 'added', b[j++]!);
  return out;
}

/** The two columns of a side-by-side view: what the old text shows, and what the new one shows. */
export function sides(parts: readonly WordPart[]): { before: WordPart[]; after: WordPart[] } {
  return {
    before: parts.filter((p) => p.kind !== 'added'),
    after: parts.filter((p) => p.kind !== 'removed'),
  };
}

const words = (t: string) => tokenize(t).filter((w) => /\S/.test(w)).length;

/** Share of words two texts have in common (0..1); decides "edited" versus "replaced". */
export function similarity(before: string, after: string): number {
  const total = words(before) + words(after);
  if (total === 0) return 1;
  const same = diffWords(before, after)
    .filter((p) => p.kind === 'same')
    .reduce((n, p) => n + words(p.text), 0);
  return (2 * same) / total;
}

const SIMILAR = 0.4;

/**
 * Criteria aligned by LCS on their text. Between two kept criteria, a removed one is paired with
 * the next added one sharing enough words, as "changed" (shown with word highlighting).
 */
export function diffCriteria(before: readonly string[], after: readonly string[]): CriterionRow[] {
  const rows: CriterionRow[] = [];
  const gap = (removed: string[], added: string[]) => {
    // Pair each removed criterion with the next similar added one, keeping both orders.
    let j = 0;
    let from = 0;
    removed.forEach((r, i) => {
      const k = added.findIndex((a, at) => at >= from && similarity(r, a) >= SIMILAR);
      if (k < 0) return;
      for (const x of removed.slice(j, i)) rows.push({ kind: 'removed', before: x });
      for (const x of added.slice(from, k)) rows.push({ kind: 'added', after: x });
      rows.push({ kind: 'changed', before: r, after: added[k]!, parts: diffWords(r, added[k]!) });
      j = i + 1;
      from = k + 1;
    });
    for (const x of removed.slice(j)) rows.push({ kind: 'removed', before: x });
    for (const x of added.slice(from)) rows.push({ kind: 'added', after: x });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of lcs(before, after, (x, y) => x === y)) {
    gap(before.slice(i, pi), after.slice(j, pj));
    rows.push({ kind: 'same', text: before[pi]! });
    i = pi + 1;
    j = pj + 1;
  }
  gap(before.slice(i), after.slice(j));
  return rows;
}
