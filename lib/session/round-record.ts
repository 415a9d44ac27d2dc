import type { Understanding } from '../board/readiness';
import { SCALE_IDS, type ScaleId } from './scales';
import type { RoundStats } from './stats';

/**
 * What the board keeps of an accepted round, on its story (`rounds`, docs/schema.md): the scale, how
 * many chose each value, what was accepted and when — never who voted what. The newest last.
 */
export interface RoundRecord {
  scale: ScaleId;
  distribution: { value: string; count: number }[];
  accepted: string;
  at: number;
}

/** How many accepted rounds a story keeps (the oldest go first). */
export const ROUND_HISTORY_MAX = 20;

/** An understanding round's result: the (lower) median of the 1–5 votes and their spread. */
export function understandingOf(stats: RoundStats, at: number): Understanding | null {
  if (stats.median === null || stats.min === null || stats.max === null) return null;
  return { median: Number(stats.median), spread: Number(stats.max) - Number(stats.min), at };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readOne(raw: unknown): RoundRecord | null {
  if (!isRecord(raw)) return null;
  const { scale, distribution, accepted, at } = raw;
  if (typeof scale !== 'string' || !(SCALE_IDS as string[]).includes(scale)) return null;
  if (typeof accepted !== 'string' || accepted.length === 0 || accepted.length > 8) return null;
  if (typeof at !== 'number' || !Number.isFinite(at) || !Array.isArray(distribution)) return null;
  const dist: RoundRecord['distribution'] = [];
  for (const d of distribution.slice(0, 16)) {
    if (!isRecord(d) || typeof d.value !== 'string' || d.value.length > 8) return null;
    if (typeof d.count !== 'number' || !Number.isInteger(d.count) || d.count < 0) return null;
    dist.push({ value: d.value, count: d.count });
  }
  return { scale: scale as ScaleId, distribution: dist, accepted, at };
}

/** A story's round history as stored; anything a foreign client wrote that is not a record is skipped. */
export function readRounds(raw: unknown): RoundRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .slice(-ROUND_HISTORY_MAX)
    .map(readOne)
    .filter((r): r is RoundRecord => r !== null);
}
