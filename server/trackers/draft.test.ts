import { describe, expect, it } from 'vitest';
import type { FormalStoryVersion } from '../../lib/promote/types';
import { changeLines, draftFromVersion } from './draft';

const v = (over: Partial<FormalStoryVersion> = {}): FormalStoryVersion => ({
  boardId: 'b1',
  storyId: 's 1',
  version: 1,
  title: 'Export CSV',
  narrative: 'As a PO I want CSV so that Jira imports it',
  criteria: ['Header matches Jira', 'Comma delimiter'],
  decisions: ['RFC 4180'],
  openQuestions: [],
  estimate: '5',
  persona: 'Paula PO',
  value: 3,
  effort: 2,
  labels: ['Checkout, web', 'criterion', 'decision'],
  author: 'po',
  publishedAt: 1,
  discussion: [],
  ...over,
});

describe('draftFromVersion', () => {
  it('links the keyless story page, marks the issue, labels stream and persona', () => {
    const d = draftFromVersion(v(), 'https://board.example');
    expect(d.link).toBe('https://board.example/b/b1/stories/s%201?v=1');
    expect(d.link).not.toContain('#k=');
    expect(d.marker).toBe('shellboard:b1/s 1');
    expect(d.labels).toEqual(['Checkout, web', 'Paula PO']);
    expect(d).toMatchObject({ title: 'Export CSV', estimate: '5', version: 1, criteria: v().criteria });
  });
});

describe('changeLines', () => {
  it('lists criteria added and removed, title and estimate changes', () => {
    const lines = changeLines(
      v(),
      v({
        version: 2,
        title: 'Export CSV files',
        estimate: '8',
        criteria: ['Header matches Jira', 'UTF-8 with BOM'],
      }),
    );
    expect(lines).toEqual([
      'Updated from version 1 to version 2 on Shellboard.',
      'Title changed from "Export CSV" to "Export CSV files".',
      'Estimate changed from 5 to 8.',
      'Criterion removed: Comma delimiter',
      'Criterion added: UTF-8 with BOM',
    ]);
    expect(changeLines(v(), v({ version: 2 }))[1]).toMatch(/No change/);
  });
});
