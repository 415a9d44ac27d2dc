import { NON_VOTES, SCALES, ordinal, type ScaleId } from './scales';

export interface RoundStats {
  /** lowest and highest sized vote, as scale values */
  min: string | null;
  max: string | null;
  /** middle sized vote (the lower middle for an even count), as a scale value */
  median: string | null;
  /** most common vote(s), sized or not */
  mode: string[];
  /** user ids whose vote is two or more scale steps from the median */
  outliers: string[];
  /** how many voted ? or ☕ */
  abstained: number;
  /** counts per value, in scale order, for the distribution chart */
  distribution: { value: string; count: number }[];
}

/** Spread of a revealed round. Pure: used by the server at reveal and by tests. */
export function roundStats(scale: ScaleId, votes: Record<string, string>): RoundStats {
  const values = SCALES[scale] as readonly string[];
  const sized = Object.entries(votes)
    .map(([user, v]) => ({ user, v, o: ordinal(scale, v) }))
    .filter((x): x is { user: string; v: string; o: number } => x.o !== null)
    .sort((a, b) => a.o - b.o);
  const counts = new Map<string, number>();
  for (const v of Object.values(votes)) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  const mid = sized.length > 0 ? sized[Math.floor((sized.length - 1) / 2)]! : null;
  return {
    min: sized[0]?.v ?? null,
    max: sized.at(-1)?.v ?? null,
    median: mid?.v ?? null,
    mode: top === 0 ? [] : values.filter((v) => counts.get(v) === top),
    outliers: mid
      ? sized
          .filter((x) => Math.abs(x.o - mid.o) >= 2)
          .map((x) => x.user)
          .sort()
      : [],
    abstained: Object.values(votes).filter((v) => NON_VOTES.has(v)).length,
    distribution: values
      .map((value) => ({ value, count: counts.get(value) ?? 0 }))
      .filter((d) => d.count > 0),
  };
}
