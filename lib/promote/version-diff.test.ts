import { describe, expect, it } from 'vitest';
import { diffCriteria, diffWords, sides, similarity, tokenize } from './version-diff';

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('version diff', () => {
  it('tokenizes into words and whitespace that join back exactly', () => {
    expect(tokenize('As a  user,\nI want')).toEqual(['As', ' ', 'a', '  ', 'user,', '\n', 'I', ' ', 'want']);
    expect(tokenize('')).toEqual([]);
  });

  it('marks changed words, and each side reads back as its own text', () => {
    const before = 'As a user, I want to pay by card.';
    const after = 'As a shopper, I want to pay by Apple Pay.';
    const parts = diffWords(before, after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['user,', 'card.']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['shopper,', 'Apple Pay.']);
    const { before: left, after: right } = sides(parts);
    expect(join(left)).toBe(before);
    expect(join(right)).toBe(after);
  });

  it('handles empty and identical texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
    expect(diffWords('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(diffWords('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
  });

  it('falls back to replace-all for very long texts instead of a huge table', () => {
    const a = Array.from({ length: 600 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 600 }, (_, i) => `b${i}`).join(' ');
    expect(diffWords(a, b)).toEqual([
      { kind: 'removed', text: a },
      { kind: 'added', text: b },
    ]);
  });

  it('scores similarity by shared words', () => {
    expect(similarity('a b c d', 'a b c d')).toBe(1);
    expect(similarity('a b', 'c d')).toBe(0);
    expect(similarity('', '')).toBe(1);
  });

  it('aligns criteria: kept, edited (with word parts), removed and added', () => {
    const rows = diffCriteria(
      ['Card payments work', 'Receipt is emailed', 'Refunds within 5 days'],
      ['Card payments work', 'Receipt is emailed as PDF', 'Works on iOS Safari'],
    );
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'removed', 'added']);
    const changed = rows[1];
    expect(changed?.kind === 'changed' && changed.parts.filter((p) => p.kind === 'added')).toEqual([
      { kind: 'added', text: ' as PDF' },
    ]);
  });

  it('pairs an edited criterion even when a removed one comes before it', () => {
    const rows = diffCriteria(
      ['Visa and Mastercard accepted', 'Receipt is emailed'],
      ['Receipt is emailed as PDF', 'Works with 3-D Secure'],
    );
    expect(rows.map((r) => r.kind)).toEqual(['removed', 'changed', 'added']);
    expect(rows[1]).toMatchObject({ before: 'Receipt is emailed', after: 'Receipt is emailed as PDF' });
  });

  it('detects a reorder as a removal and an addition of the moved criterion', () => {
    const rows = diffCriteria(['A one', 'B two'], ['B two', 'A one']);
    expect(rows.filter((r) => r.kind === 'same')).toHaveLength(1);
    expect(rows.filter((r) => r.kind !== 'same').map((r) => r.kind)).toEqual(['removed', 'added']);
  });
});
