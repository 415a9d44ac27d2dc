import { describe, expect, it } from 'vitest';
import { isInScale } from './scales';
import { roundStats } from './stats';

describe('estimation stats', () => {
  it.each([
    [
      'empty round',
      'fibonacci',
      {},
      { min: null, max: null, median: null, mode: [], outliers: [], abstained: 0 },
    ],
    [
      'agreement',
      'fibonacci',
      { a: '5', b: '5' },
      { min: '5', max: '5', median: '5', mode: ['5'], outliers: [] },
    ],
    [
      'spread with an outlier',
      'fibonacci',
      { a: '3', b: '5', c: '5', d: '21' },
      { min: '3', max: '21', median: '5', mode: ['5'], outliers: ['d'] },
    ],
    [
      'abstentions are not sized',
      'fibonacci',
      { a: '?', b: '☕', c: '8' },
      { min: '8', max: '8', median: '8', abstained: 2 },
    ],
    [
      't-shirt by position',
      'tshirt',
      { a: 'XS', b: 'M', c: 'XXL' },
      { min: 'XS', max: 'XXL', median: 'M', outliers: ['a', 'c'] },
    ],
    [
      'tie for mode, in scale order',
      'powers',
      { a: '8', b: '2', c: '8', d: '2' },
      { mode: ['2', '8'], median: '2' },
    ],
  ] as const)('%s', (_name, scale, votes, expected) => {
    expect(roundStats(scale, { ...votes })).toMatchObject(expected);
  });

  it('lists the distribution in scale order', () => {
    expect(roundStats('fibonacci', { a: '8', b: '1', c: '8' }).distribution).toEqual([
      { value: '1', count: 1 },
      { value: '8', count: 2 },
    ]);
  });

  it('knows which values are on which scale', () => {
    expect(isInScale('fibonacci', '13')).toBe(true);
    expect(isInScale('fibonacci', '4')).toBe(false);
    expect(isInScale('powers', '4')).toBe(true);
    expect(isInScale('tshirt', 'XXL')).toBe(true);
  });
});
