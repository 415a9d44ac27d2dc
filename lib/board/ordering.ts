import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Backlog order: each story carries a fractional-index `rank`; a move writes one key and never
 * renumbers others. Equal keys (two people inserting at the same spot) are broken by id, so every
 * replica sorts identically.
 */
export function isValidRank(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

export interface Rankable {
  id: string;
  rank: string | null;
}

export function compareRank(a: Rankable, b: Rankable): number {
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1; // missing or malformed ranks go last
    if (b.rank === null) return -1;
    return a.rank < b.rank ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByRank<T extends Rankable>(items: readonly T[]): T[] {
  return [...items].sort(compareRank);
}

/** A key strictly between two neighbours (null = open end). Equal neighbours fall back to after `before`. */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}

/** Key for placing an item at `index` of an already-sorted list that does not contain it. */
export function rankAt(sorted: readonly Rankable[], index: number): string {
  const ranked = sorted.filter((s) => s.rank !== null);
  const i = Math.max(0, Math.min(index, ranked.length));
  return rankBetween(ranked[i - 1]?.rank ?? null, ranked[i]?.rank ?? null);
}

export function ranksAfter(last: string | null, n: number): string[] {
  return generateNKeysBetween(last, null, n);
}

export interface RankWrite {
  id: string;
  rank: string;
}

/**
 * The fewest rank writes that make `target` the sorted order. Stories already in increasing rank
 * order along `target` (a longest strictly increasing run of keys) keep their keys; the others get
 * fresh keys between their kept neighbours. `mustWrite` ids are never kept (the story a person moved:
 * we write it rather than a bystander, so a concurrent move of that bystander is not overwritten).
 * A trailing run of unranked stories already in id order is left unranked: it sorts last anyway.
 */
export function rankWritesFor(
  target: readonly Rankable[],
  mustWrite: ReadonlySet<string> = new Set(),
): RankWrite[] {
  let end = target.length;
  while (end > 0) {
    const item = target[end - 1]!;
    const next = target[end];
    if (item.rank !== null || mustWrite.has(item.id) || (next && item.id > next.id)) break;
    end -= 1;
  }
  const keep = longestIncreasing(target.slice(0, end), mustWrite);
  const writes: RankWrite[] = [];
  let gap: string[] = [];
  let lo: string | null = null;
  const flush = (hi: string | null) => {
    if (gap.length === 0) return;
    const keys = generateNKeysBetween(lo, hi, gap.length);
    gap.forEach((id, i) => writes.push({ id, rank: keys[i]! }));
    gap = [];
  };
  for (let i = 0; i < end; i++) {
    const item = target[i]!;
    if (keep.has(i)) {
      flush(item.rank);
      lo = item.rank;
    } else gap.push(item.id);
  }
  flush(null);
  return writes;
}

/** Indexes of a longest subsequence whose (non-null) keys strictly increase; O(n log n). */
function longestIncreasing(items: readonly Rankable[], skip: ReadonlySet<string>): Set<number> {
  const tails: number[] = []; // tails[k] = index of the smallest last key of an increasing run of length k+1
  const prev = new Array<number>(items.length).fill(-1);
  items.forEach((item, i) => {
    const key = item.rank;
    if (key === null || skip.has(item.id)) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[tails[mid]!]!.rank! < key) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

/**
 * Writes that move one story to `index` of `sorted` (the full backlog order without the story).
 * Usually one key; more only when neighbours share a key or are unranked.
 */
export function planMove(sorted: readonly Rankable[], moving: Rankable, index: number): RankWrite[] {
  const rest = sorted.filter((s) => s.id !== moving.id);
  const i = Math.max(0, Math.min(index, rest.length));
  const target = [...rest.slice(0, i), moving, ...rest.slice(i)];
  if (target.length === sorted.length && target.every((t, k) => t.id === sorted[k]!.id)) return [];
  return rankWritesFor(target, new Set([moving.id]));
}

/**
 * Writes for a move made in a filtered view or a lane: `visibleTarget` is what the person sees
 * after the move (it contains the moving story). The story lands right before its new visible
 * successor (or right after its predecessor) in the full order, so hidden stories keep their keys.
 */
export function planVisibleMove(
  full: readonly Rankable[],
  visibleTarget: readonly Rankable[],
  movingId: string,
): RankWrite[] {
  const i = visibleTarget.findIndex((s) => s.id === movingId);
  const moving = full.find((s) => s.id === movingId);
  if (i < 0 || !moving) return [];
  const rest = full.filter((s) => s.id !== movingId);
  const next = visibleTarget[i + 1];
  const prev = visibleTarget[i - 1];
  const nextAt = next ? rest.findIndex((s) => s.id === next.id) : -1;
  const prevAt = prev ? rest.findIndex((s) => s.id === prev.id) : -1;
  if (nextAt >= 0) return planMove(full, moving, nextAt);
  if (prevAt >= 0) return planMove(full, moving, prevAt + 1);
  return [];
}

/** Most valuable first; a story without a value after every valued one (0 when equal). */
export function compareValue(a: { value: number | null }, b: { value: number | null }): number {
  if (a.value === b.value) return 0;
  if (a.value === null) return 1;
  if (b.value === null) return -1;
  return b.value - a.value;
}
