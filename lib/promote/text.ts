export const DRAFT_TEXT_MAX = 4000;

/** Collapses whitespace (newlines included) and trims; clips very long text. */
export function tidy(text: string, max = DRAFT_TEXT_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}
