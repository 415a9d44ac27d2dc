/** Stable per-person colours: derived from the user id so every client agrees without storing it. */
export const PALETTE = [
  '#e5484d',
  '#f76b15',
  '#d6a000',
  '#30a46c',
  '#12a594',
  '#0090ff',
  '#3e63dd',
  '#8e4ec6',
  '#d6409f',
  '#978365',
] as const;

export function colorFor(userId: string): string {
  let h = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return PALETTE[(h >>> 0) % PALETTE.length] ?? PALETTE[0];
}

/** A letter with any combining marks after it ("e\u0301" stays one initial). */
const LETTER = /\p{L}\p{M}*/u;
/** What a name with no letters may still show: a digit, emoji or symbol — not punctuation. */
const SHOWABLE = /[\p{N}\p{S}\p{Extended_Pictographic}]/u;

function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    return Array.from(
      new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
      (s) => s.segment,
    );
  }
  return Array.from(text);
}

/**
 * Up to two initials, from letters only: "Paula (PO)" → "PP", "Jean-Luc Picard" → "JP",
 * "Ana" → "AN". The first and last words that contain letters each give their first letter;
 * a single such word gives its first two. A name with no letters shows its first digit, emoji or
 * symbol (a whole grapheme, so "👩‍💻" is not cut in half), and an empty one "?".
 */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => LETTER.test(w));
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  if (first) {
    const letters = (w: string) => w.match(new RegExp(LETTER.source, 'gu')) ?? [];
    const picked = last ? [letters(first)[0], letters(last)[0]] : letters(first).slice(0, 2);
    return picked.join('').toUpperCase();
  }
  return graphemes(name.trim()).find((g) => SHOWABLE.test(g)) ?? '?';
}
