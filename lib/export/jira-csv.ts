import type { FormalStoryVersion } from '../promote/types';
import { toCsv } from './csv';

export const JIRA_HEADER = [
  'Summary',
  'Issue Type',
  'Description',
  'Acceptance Criteria',
  'Story Points',
  'Labels',
] as const;

/** Story points only when the estimate is a number (a T-shirt size has no points). */
export function storyPoints(estimate: string | null): string {
  return estimate !== null && /^\d+(\.\d+)?$/.test(estimate) ? estimate : '';
}

export function jiraLabel(label: string): string {
  return label.trim().replace(/\s+/g, '-');
}

/** CSV that Jira's importer maps directly: one row per story, multi-line cells kept intact. */
export function exportJiraCsv(stories: readonly FormalStoryVersion[]): string {
  const rows = stories.map((s) => {
    // Jira wiki markup: "* " is a bullet (and, unlike "- ", never looks like a formula).
    const description = [
      s.narrative,
      ...(s.decisions.length ? ['', 'Decisions:', ...s.decisions.map((d) => `* ${d}`)] : []),
    ];
    return [
      s.title,
      'Story',
      description.join('\n'),
      s.criteria.map((c) => `* ${c}`).join('\n'),
      storyPoints(s.estimate),
      s.labels.map(jiraLabel).filter(Boolean).join(' '),
    ];
  });
  return toCsv([[...JIRA_HEADER], ...rows]);
}
