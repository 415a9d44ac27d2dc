import { describe, expect, it } from 'vitest';
import type { FormalStorySummary } from '../promote/types';
import { calibrate } from './calibration';
import { SCALES } from './scales';

const story = (
  storyId: string,
  estimate: string | null,
  publishedAt: number,
  narrative = '',
): FormalStorySummary => ({
  storyId,
  version: 1,
  title: `Story ${storyId}`,
  narrative,
  criteria: [],
  estimate,
  persona: null,
  value: null,
  publishedAt,
});

describe('calibrate', () => {
  const list = [
    story('a', '5', 10, 'As a buyer\nI want gift cards'),
    story('b', '3', 20),
    story('c', '5', 30, '\n  As a clerk I want refunds  '),
    story('d', null, 40),
    story('e', 'XL', 50),
    story('f', '5', 60),
    story('g', '5', 70),
  ];

  it.each([
    [
      'a round on Fibonacci: scale order, newest first, cut per value',
      { values: SCALES.fibonacci, perValue: 2 },
      [
        ['3', ['b'], 1],
        ['5', ['g', 'f'], 4],
      ],
    ],
    [
      'excludes the story being estimated',
      { values: SCALES.fibonacci, exclude: 'g' },
      [
        ['3', ['b'], 1],
        ['5', ['f', 'c', 'a'], 3],
      ],
    ],
    ['T-shirt values only on a T-shirt round', { values: SCALES.tshirt }, [['XL', ['e'], 1]]],
    [
      'without a scale, every estimate present',
      {},
      [
        ['5', ['g', 'f', 'c'], 4],
        ['3', ['b'], 1],
        ['XL', ['e'], 1],
      ],
    ],
  ] as const)('%s', (_name, opts, want) => {
    const got = calibrate(list, opts);
    expect(got.map((r) => [r.value, r.stories.map((s) => s.storyId), r.total])).toEqual(want);
  });

  it('keeps the narrative first line and an untitled fallback', () => {
    const [row] = calibrate(
      [story('c', '5', 1, '\n  As a clerk I want refunds  \nso that…'), { ...story('x', '5', 0), title: '' }],
      {
        values: SCALES.fibonacci,
      },
    );
    expect(row!.stories).toEqual([
      { storyId: 'c', title: 'Story c', line: 'As a clerk I want refunds', version: 1 },
      { storyId: 'x', title: 'Untitled story', line: '', version: 1 },
    ]);
  });
});
