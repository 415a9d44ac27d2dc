import type { FormalStoryVersion } from '../promote/types';
import { toCsv } from './csv';

/**
 * The fixed columns. `Labels` follows, repeated: Jira's CSV importer takes one label per `Labels`
 * column, so the file has as many as the story with the most labels.
 * "Acceptance Criteria" is not a Jira system field: map it to a custom field at import
 * (docs/promotion.md).
 */
export const JIRA_HEADER = [
  'Summary',
  'Issue Type',
  'Description',
  'Acceptance Criteria',
  'Story Points',
] as const;

/** Story points only when the estimate is a number (a T-shirt size has no points). */
export function storyPoints(estimate: string | null): string {
  return estimate !== null && /^\d+(\.\d+)?$/.test(estimate) ? estimate : '';
}

/** Jira labels cannot contain spaces: each run of whitespace becomes `_` (as the connector does). */
export function jiraLabel(label: string): string {
  return label.trim().replace(/\s+/g, '_');
}

/** CSV that Jira's importer maps directly: one row per story, multi-line cells kept intact. */
export function exportJiraCsv(stories: readonly FormalStoryVersion[]): string {
  const labelsOf = (s: FormalStoryVersion) => [...new Set(s.labels.map(jiraLabel).filter(Boolean))];
  const width = Math.max(1, ...stories.map((s) => labelsOf(s).length));
  const rows = stories.map((s) => {
    const labels = labelsOf(s);
    // Jira wiki markup: "* " is a bullet (and, unlike "- ", never looks like a formula).
    const description = [
      s.narrative,
      ...(s.decisions.length ? ['', 'Decisions:', ...s.decisions.map((d) => `* ${d}`)] : []),
    ];
    return [
      s.title,
      'Story',
      description.join('\n'),
      // A criterion's own lines stay in its bullet (wiki `\\` is a line break inside a list item).
      s.criteria.map((c) => `* ${c.split(/\r\n|\r|\n/).join(' \\\\ ')}`).join('\n'),
      storyPoints(s.estimate),
      ...Array.from({ length: width }, (_, i) => labels[i] ?? ''),
    ];
  });
  return toCsv([[...JIRA_HEADER, ...Array.from({ length: width }, () => 'Labels')], ...rows]);
}
