import { describe, expect, it } from 'vitest';
import { PALETTE, colorFor, initials } from './identity';

describe('initials', () => {
  it.each([
    // two or more words with letters: first letter of the first and of the last
    ['Paula Owner', 'PO'],
    ['Jean-Luc Picard', 'JP'],
    ['Paula (PO)', 'PP'],
    ['  dev   dana ', 'DD'],
    ['Mary Jane Watson', 'MW'],
    ['Ana (she/her) 🌻', 'AS'],
    ['"Bob" Smith', 'BS'],
    ['Émile Zola', 'ÉZ'],
    ['E\u0301mile Zola', 'E\u0301Z'], // a combining accent stays with its letter
    ['Łukasz Żak', 'ŁŻ'],
    ['山田 太郎', '山太'],
    ['Ольга Петрова', 'ОП'],
    // one word with letters: its first two letters
    ['Ana', 'AN'],
    ['(PO)', 'PO'],
    ['R2-D2', 'RD'],
    ['x', 'X'],
    ['42 Zed', 'ZE'],
    // no letters at all: the first digit, emoji or symbol (a whole grapheme), else "?"
    ['🦊', '🦊'],
    ['👩‍💻 ', '👩‍💻'],
    ['42', '4'],
    ['(1)', '1'],
    ['...', '?'],
    ['', '?'],
    ['   ', '?'],
  ])('%j → %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('colorFor', () => {
  it('is stable per user id and from the palette', () => {
    expect(colorFor('u1')).toBe(colorFor('u1'));
    expect(PALETTE).toContain(colorFor('u1'));
  });
});
