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
