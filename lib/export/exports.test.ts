import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { FormalStoryVersion } from '../promote/types';
import { JIRA_HEADER, exportJiraCsv } from './jira-csv';
import { exportMarkdown } from './markdown';
import { exportGithub } from './github';
import { exportJson } from './json';

const base: FormalStoryVersion = {
  boardId: 'b1',
  storyId: 's1',
  version: 2,
  title: 'Export the backlog to CSV',
  narrative: 'As a Product Owner, I want export the backlog to CSV, so that we save an hour.',
  criteria: ['Header row matches Jira', 'Quotes "survive", commas too'],
  decisions: ['UTF-8 only'],
  openQuestions: [],
  estimate: '5',
  persona: 'Product Owner',
  value: 8,
  effort: 3,
  labels: ['Checkout flow', 'criterion'],
  author: 'Paula',
  publishedAt: 1_700_000_000_000,
  discussion: [],
};
const hostile: FormalStoryVersion = {
  ...base,
  storyId: 's2',
  version: 1,
  title: '=HYPERLINK("http://evil","x")',
  narrative: 'Zeile 1\nZeile 2 — ünïcödé, "quoted", a,b',
  criteria: ['+1 works', '-minus', '@mention', 'line\r\nbreak'],
  decisions: [],
  openQuestions: ['<img src=x onerror=alert(1)>?'],
  estimate: 'XL',
  labels: ['value stream'],
};

describe('exports', () => {
  it('Jira CSV: header, round-trips every field through a real CSV parser, defuses formulas', () => {
    const csv = exportJiraCsv([base, hostile]);
    const rows = parse(csv, { relax_quotes: false }) as string[][];
    expect(rows[0]).toEqual([...JIRA_HEADER]);
    expect(rows[1]).toEqual([
      base.title,
      'Story',
      `${base.narrative}\n\nDecisions:\n* UTF-8 only`,
      '* Header row matches Jira\n* Quotes "survive", commas too',
      '5',
      'Checkout-flow criterion',
    ]);
    expect(rows[2]).toEqual([
      `'${hostile.title}`,
      'Story',
      hostile.narrative,
      '* +1 works\n* -minus\n* @mention\n* line\r\nbreak',
      '',
      'value-stream',
    ]);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('Markdown matches its golden file and never passes HTML through', async () => {
    const md = exportMarkdown('Sprint 14', [base, hostile], 'https://shellboard.example');
    await expect(md).toMatchFileSnapshot('./__golden__/stories.md');
    expect(md).not.toMatch(/(?<!\\)<img/);
  });

  it('GitHub issues match their golden file', async () => {
    await expect(
      JSON.stringify(exportGithub([base, hostile], 'https://shellboard.example'), null, 2),
    ).toMatchFileSnapshot('./__golden__/github.json');
  });

  it('JSON carries the full versions', () => {
    const j = exportJson({ id: 'b1', title: 'Sprint 14' }, [base], 5);
    expect(JSON.parse(JSON.stringify(j))).toEqual({
      board: { id: 'b1', title: 'Sprint 14' },
      exportedAt: 5,
      stories: [base],
    });
  });
});
