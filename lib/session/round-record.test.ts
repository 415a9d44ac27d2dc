import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createStory, recordRound } from '../board/ops';
import { getStoryMap, readStories } from '../board/schema';
import { ROUND_HISTORY_MAX, readRounds, understandingOf, type RoundRecord } from './round-record';
import { roundStats } from './stats';

const rec = (accepted: string, at: number): RoundRecord => ({
  scale: 'fibonacci',
  distribution: [{ value: accepted, count: 2 }],
  accepted,
  at,
});

describe('round records', () => {
  it('understanding is the lower median of the votes and their spread', () => {
    expect(understandingOf(roundStats('understanding', { a: '2', b: '5', c: '4' }), 7)).toEqual({
      median: 4,
      spread: 3,
      at: 7,
    });
    expect(understandingOf(roundStats('understanding', { a: '3', b: '5' }), 1)).toEqual({
      median: 3,
      spread: 2,
      at: 1,
    });
    expect(understandingOf(roundStats('understanding', {}), 1)).toBeNull();
  });

  it('keeps the newest ROUND_HISTORY_MAX rounds, and sets understanding only when given', () => {
    const doc = new Y.Doc();
    const id = createStory(doc, { title: 'S', createdBy: 'po' });
    for (let i = 0; i < ROUND_HISTORY_MAX + 3; i++) recordRound(doc, id, rec(String(i % 9), i), null);
    const rounds = readRounds(getStoryMap(doc, id)?.get('rounds'));
    expect(rounds).toHaveLength(ROUND_HISTORY_MAX);
    expect(rounds[0]!.at).toBe(3);
    expect(rounds.at(-1)!.at).toBe(ROUND_HISTORY_MAX + 2);
    expect(readStories(doc)[0]!.understanding).toBeNull();
    recordRound(doc, id, { ...rec('4', 99), scale: 'understanding' }, { median: 4, spread: 1, at: 99 });
    expect(readStories(doc)[0]!.understanding).toEqual({ median: 4, spread: 1, at: 99 });
  });

  it('skips what a foreign client wrote that is not a record', () => {
    expect(readRounds('nope')).toEqual([]);
    expect(
      readRounds([
        rec('5', 1),
        { scale: 'nope', accepted: '5', at: 1, distribution: [] },
        { ...rec('3', 2), at: 'x' },
        null,
      ]),
    ).toEqual([rec('5', 1)]);
    expect(readRounds([{ ...rec('5', 1), distribution: [{ value: '5', count: -1 }] }])).toEqual([]);
  });
});
