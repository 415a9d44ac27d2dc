export const DRAFT_TEXT_MAX = 4000;

/**
 * Like `tidy`, but keeps the text's line breaks (a criterion written as a short list stays one):
 * each line's whitespace collapsed and trimmed, blank lines dropped.
 */
export function tidyLines(text: string, max = DRAFT_TEXT_MAX): string {
  const t = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** Collapses whitespace (newlines included) and trims; clips very long text. */
export function tidy(text: string, max = DRAFT_TEXT_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}
