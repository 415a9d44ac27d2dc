import { describe, expect, it } from 'vitest';
import { parseMarkdownList } from './import';
import { inline } from './markdown';

/** The import body limit (server/http/exports.ts). */
const BODY_MAX = 2 * 1024 * 1024;
const spaces = (n: number) => ' '.repeat(n);

/** Lines that made the old patterns backtrack quadratically, each padded to `size` characters. */
const hostile: Record<string, (size: number) => string> = {
  'title separator (spaces without a dash)': (n) => `- a${spaces(n - 4)}b`,
  'bullet pattern (spaces, then a line separator)': (n) => `- ${spaces(n - 4)}x\u2028`,
  'dash separator (spaces, then a dash without a space)': (n) => `- a${spaces(n - 5)}-b`,
};

function msFor(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

describe('parseMarkdownList on hostile input', () => {
  for (const [name, line] of Object.entries(hostile)) {
    it(`${name}: a 2 MiB line parses in well under a second`, () => {
      const body = line(BODY_MAX);
      expect(body.length).toBe(BODY_MAX);
      let result: ReturnType<typeof parseMarkdownList> | undefined;
      const ms = msFor(() => (result = parseMarkdownList(body)));
      expect(ms).toBeLessThan(1000);
      // Still parsed, not refused: the line is one bullet (or, with a line separator inside, none).
      expect(result!.stories.length + result!.problems.length).toBe(1);
    });
  }

  it('inline() (export side) is linear too: 2 MiB of spaces without a newline', () => {
    const text = `a${spaces(BODY_MAX)}b`;
    expect(msFor(() => inline(text))).toBeLessThan(1000);
    expect(inline(`a ${spaces(5)}\n  b`)).toBe('a b');
  });
});

describe('parseMarkdownList', () => {
  it('reads bullets, numbers, check boxes and each separator', () => {
    const r = parseMarkdownList(
      [
        '# Backlog',
        '- Export CSV — so that finance can reconcile',
        '* [x] Dark mode - for night owls',
        '1. Login: with SSO',
        '2) Plain title',
        '+ Many – dashes — here',
        'not a bullet',
        '-',
        '-   ',
        '- [ ]  Box only after spaces',
        '- a:b stays whole',
      ].join('\r\n'),
    );
    expect(r.stories.map((s) => [s.title, s.why])).toEqual([
      ['Export CSV', 'so that finance can reconcile'],
      ['Dark mode', 'for night owls'],
      ['Login', 'with SSO'],
      ['Plain title', ''],
      ['Many', 'dashes — here'],
      ['Box only after spaces', ''],
      ['a:b stays whole', ''],
    ]);
    expect(r.problems).toEqual([{ line: 9, reason: 'Empty bullet.' }]);
  });

  it('says when nothing looked like a bullet', () => {
    expect(parseMarkdownList('just prose\n\n').problems).toEqual([
      { line: 1, reason: 'No bullet list items found ("- Title — why").' },
    ]);
  });
});
