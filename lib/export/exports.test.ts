import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readNotes, readStories, roots } from '../board/schema';
import type { FormalStoryVersion } from '../promote/types';
import { versionFromDoc } from '../promote/version';
import { parseJiraCsv } from './import';
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
    expect(rows[0]).toEqual([...JIRA_HEADER, 'Labels', 'Labels']);
    expect(rows[1]).toEqual([
      base.title,
      'Story',
      `${base.narrative}\n\nDecisions:\n* UTF-8 only`,
      '* Header row matches Jira\n* Quotes "survive", commas too',
      '5',
      'Checkout_flow',
      'criterion',
    ]);
    expect(rows[2]).toEqual([
      `'${hostile.title}`,
      'Story',
      hostile.narrative,
      '* +1 works\n* -minus\n* @mention\n* line \\\\ break',
      '',
      'value_stream',
      '',
    ]);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('Jira CSV: one label per repeated Labels column, as many as the story with the most', () => {
    const many = {
      ...base,
      storyId: 's3',
      labels: ['Payments, EU', 'Checkout flow', 'criterion', 'decision'],
    };
    const csv = exportJiraCsv([base, many, { ...hostile, labels: [] }]);
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual([...JIRA_HEADER, 'Labels', 'Labels', 'Labels', 'Labels']);
    expect(rows.every((r) => r.length === JIRA_HEADER.length + 4)).toBe(true);
    expect(rows[2]!.slice(JIRA_HEADER.length)).toEqual([
      'Payments,_EU',
      'Checkout_flow',
      'criterion',
      'decision',
    ]);
    expect(rows[1]!.slice(JIRA_HEADER.length)).toEqual(['Checkout_flow', 'criterion', '', '']);
    expect(rows[3]!.slice(JIRA_HEADER.length)).toEqual(['', '', '', '']);
    // no stories with labels at all: still one (empty) Labels column, so the mapping is stable
    expect((parse(exportJiraCsv([{ ...base, labels: [] }])) as string[][])[0]).toEqual([
      ...JIRA_HEADER,
      'Labels',
    ]);
  });

  it('Jira CSV: our import reads each repeated Labels column back as one label', () => {
    const many = { ...base, storyId: 's3', labels: ['Payments, EU', 'criterion'] };
    const back = parseJiraCsv(exportJiraCsv([base, many]));
    expect(back.problems).toEqual([]);
    expect(back.stories.map((s) => s.labels)).toEqual([
      ['Checkout_flow', 'criterion'],
      ['Payments,_EU', 'criterion'],
    ]);
    // a one-column file (older exports) still splits its cell
    expect(parseJiraCsv('Summary,Labels\r\nA,"x y,z"\r\n').stories[0]?.labels).toEqual(['x', 'y', 'z']);
  });

  it('Markdown and GitHub keep a multi-line criterion as one task item with its lines', () => {
    const multi = { ...base, criteria: ['Given a board\nwhen I export\nthen a file downloads', 'Single'] };
    const md = exportMarkdown('B', [multi]);
    expect(md).toContain(
      '- [ ] Given a board\\\n      when I export\\\n      then a file downloads\n- [ ] Single',
    );
    const gh = exportGithub([multi])[0]!.body;
    expect(gh).toContain(
      '- [ ] Given a board\\\n      when I export\\\n      then a file downloads\n- [ ] Single',
    );
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

/** Issue #15 item 8: an id that closes the link and opens a heading, a link and a tracking image. */
const EVIL_ID =
  ')\n\n## Action required\n\n[Re-authenticate](https://evil.example)\n\n![](https://evil.example/t.png)';

/** No Markdown structure from the payload: no heading, no link, no image, no raw line break. */
function expectInert(md: string) {
  expect(md).not.toMatch(/^#+\s*Action required/m);
  expect(md).not.toMatch(/(?<!\\)\[Re-authenticate(?<!\\)\]\(/);
  expect(md).not.toMatch(/(?<!\\)!\[/);
  expect(md).not.toContain('(https://evil.example');
}

describe('hostile story ids', () => {
  it('a story keyed by Markdown, written as a foreign client would, is skipped and cannot be published', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const m = new Y.Map<unknown>();
      m.set('title', 'Looks harmless');
      m.set('status', 'refining');
      m.set('createdAt', 1);
      roots(doc).stories.set(EVIL_ID, m);
      const n = new Y.Map<unknown>();
      n.set('storyId', EVIL_ID);
      n.set('kind', 'decision');
      n.set('text', 'a note on it');
      roots(doc).notes.set('n1', n);
      roots(doc).notes.set(EVIL_ID, n.clone());
    });
    expect(readStories(doc)).toEqual([]);
    expect(readNotes(doc)).toEqual([]);
    expect(versionFromDoc(doc, 'b1', EVIL_ID, 'Paula', 5)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('a version stored with such an id exports as inert text (Markdown and GitHub)', () => {
    const v: FormalStoryVersion = { ...base, storyId: EVIL_ID };
    const md = exportMarkdown('Sprint 14', [v], 'https://shellboard.example');
    expectInert(md);
    expect(md).toContain(`](https://shellboard.example/b/b1/stories/${encodeURIComponent(EVIL_ID)}?v=2)`);
    const [issue] = exportGithub([v], 'https://shellboard.example');
    expectInert(issue!.body);
    expect(issue!.body.split('\n').at(-1)).toMatch(/^Formal story v2: https:\/\/shellboard\.example\/\S+$/);
  });
});
