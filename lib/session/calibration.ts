import type { FormalStorySummary } from '../promote/types';

export interface CalibrationStory {
  storyId: string;
  title: string;
  /** the narrative's first line ("As a … I want …"), or '' */
  line: string;
  version: number;
}

export interface CalibrationRow {
  value: string;
  stories: CalibrationStory[];
  /** how many formal stories carry this value in all (more than `stories` when cut) */
  total: number;
}

/**
 * The team's own history as anchors: formal stories accepted at each value, newest first, at most
 * `perValue` each. With `values` (a round's scale) the rows follow the scale's order and only its
 * values appear; without, every estimate present, in first-seen order of the scale-less list.
 */
export function calibrate(
  stories: readonly FormalStorySummary[],
  opts: { values?: readonly string[]; exclude?: string; perValue?: number } = {},
): CalibrationRow[] {
  const perValue = opts.perValue ?? 3;
  const by = new Map<string, FormalStorySummary[]>();
  for (const s of stories) {
    if (!s.estimate || s.storyId === opts.exclude) continue;
    if (opts.values && !opts.values.includes(s.estimate)) continue;
    by.set(s.estimate, [...(by.get(s.estimate) ?? []), s]);
  }
  const order = opts.values ? opts.values.filter((v) => by.has(v)) : [...by.keys()];
  return order.map((value) => {
    const all = [...by.get(value)!].sort((a, b) => b.publishedAt - a.publishedAt);
    return {
      value,
      total: all.length,
      stories: all.slice(0, perValue).map((s) => ({
        storyId: s.storyId,
        title: s.title || 'Untitled story',
        line:
          s.narrative
            .split('\n')
            .find((l) => l.trim())
            ?.trim() ?? '',
        version: s.version,
      })),
    };
  });
}
