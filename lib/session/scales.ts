/** Estimation scales. Values are strings so `?` and `☕` sit beside numbers. */
export const SCALES = {
  fibonacci: ['0', '1', '2', '3', '5', '8', '13', '21', '?', '☕'],
  tshirt: ['XS', 'S', 'M', 'L', 'XL', 'XXL', '?', '☕'],
  powers: ['0', '1', '2', '4', '8', '16', '32', '64', '?', '☕'],
} as const;

export type ScaleId = keyof typeof SCALES;
export const SCALE_IDS = Object.keys(SCALES) as ScaleId[];
export const SCALE_LABELS: Record<ScaleId, string> = {
  fibonacci: 'Fibonacci',
  tshirt: 'T-shirt',
  powers: 'Powers of two',
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
