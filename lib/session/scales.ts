/** Estimation scales. Values are strings so `?` and `☕` sit beside numbers. */
export const SCALES = {
  fibonacci: ['0', '1', '2', '3', '5', '8', '13', '21', '?', '☕'],
  tshirt: ['XS', 'S', 'M', 'L', 'XL', 'XXL', '?', '☕'],
  powers: ['0', '1', '2', '4', '8', '16', '32', '64', '?', '☕'],
  /** "Do we understand why?": fist of five, 1 (lost) to 5 (could explain it to anyone) */
  understanding: ['1', '2', '3', '4', '5'],
} as const;

export type ScaleId = keyof typeof SCALES;
export const SCALE_IDS = Object.keys(SCALES) as ScaleId[];
export const SCALE_LABELS: Record<ScaleId, string> = {
  fibonacci: 'Fibonacci',
  tshirt: 'T-shirt',
  powers: 'Powers of two',
  understanding: 'Understanding (fist of five)',
};

/** Scales that size a story; `understanding` checks the why instead and never sets an estimate. */
export const ESTIMATE_SCALE_IDS = SCALE_IDS.filter((s) => s !== 'understanding');

/** What each fist-of-five value means, for the cards and screen readers. */
export const UNDERSTANDING_HINTS: Record<string, string> = {
  '1': 'I do not see why we would do this',
  '2': 'I have real doubts about why',
  '3': 'I mostly see why, with questions',
  '4': 'I understand why',
  '5': 'I could explain why to anyone',
};

/** Values that say "I can't estimate" rather than a size; excluded from the spread. */
export const NON_VOTES = new Set(['?', '☕']);

export function isInScale(scale: ScaleId, value: string): boolean {
  return (SCALES[scale] as readonly string[]).includes(value);
}

/** Position on the scale, so T-shirt sizes can be compared like numbers. */
export function ordinal(scale: ScaleId, value: string): number | null {
  if (NON_VOTES.has(value)) return null;
  const i = (SCALES[scale] as readonly string[]).indexOf(value);
  return i === -1 ? null : i;
}
