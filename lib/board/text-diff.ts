/**
 * Pure helpers for binding a plain <input>/<textarea> to a Y.Text.
 *
 * Local input is turned into the smallest single delete+insert (common prefix/suffix), so two
 * people typing in different places of the same field never overwrite each other: Yjs merges
 * small, positioned edits, whereas "replace everything" would drop the other person's keystrokes.
 */

export interface TextChange {
  /** UTF-16 index where the change starts (Y.Text indexes are UTF-16 too) */
  index: number;
  /** number of characters removed at `index` */
  remove: number;
  /** text inserted at `index` after the removal */
  insert: string;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Minimal change turning `prev` into `next`, or null when equal. `caret` (the caret after the
 * edit, if known) disambiguates runs of repeated characters: typing "a" into "aa" at the start
 * should insert at 0, not at 2, so a collaborator's caret in between is not pushed around.
 */
export function diffText(prev: string, next: string, caret?: number): TextChange | null {
  if (prev === next) return null;
  const maxPrefix = Math.min(prev.length, next.length);
  let start = 0;
  while (start < maxPrefix && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  // When the caret is known, the edit cannot start after where the inserted text ends.
  const grown = next.length - prev.length;
  if (caret !== undefined && grown > 0) start = Math.min(start, Math.max(0, caret - grown));
  let endPrev = prev.length;
  let endNext = next.length;
  while (
    endPrev > start &&
    endNext > start &&
    prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)
  ) {
    endPrev--;
    endNext--;
  }
  // Never split a surrogate pair: widen the change to whole code points on both sides.
  if (
    start > 0 &&
    isHighSurrogate(prev.charCodeAt(start - 1)) &&
    (isLowSurrogate(prev.charCodeAt(start)) || isLowSurrogate(next.charCodeAt(start)))
  ) {
    start--;
  }
  if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev)) && endPrev > start) {
    endPrev++;
    endNext++;
  } else if (endNext < next.length && isLowSurrogate(next.charCodeAt(endNext)) && endNext > start) {
    endPrev++;
    endNext++;
  }
  return { index: start, remove: endPrev - start, insert: next.slice(start, endNext) };
}

/** Applies a change to a string (used by tests and to predict a value before Yjs confirms it). */
export function applyChange(text: string, change: TextChange | null): string {
  if (!change) return text;
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.remove);
}

/** One op of a Yjs text delta (Y.YTextEvent#delta). Embeds count as length 1. */
export type DeltaOp = { retain?: number; insert?: unknown; delete?: number };

function insertLength(insert: unknown): number {
  return typeof insert === 'string' ? insert.length : 1;
}

/**
 * Where a caret at `index` (in the text before a remote change) ends up after the change.
 * Text inserted exactly at the caret lands after it by default, so when two people type at the
 * same spot each keeps their own words together instead of interleaving letters.
 */
export function transformIndex(index: number, delta: readonly DeltaOp[], stickToEnd = false): number {
  let pos = 0; // position in the old text
  let shift = 0; // how far the caret moved so far
  let afterDelete = false; // previous op deleted text: an insert here replaces it
  for (const op of delta) {
    if (pos > index) break;
    if (op.retain !== undefined) {
      pos += op.retain;
      afterDelete = false;
    } else if (op.insert !== undefined) {
      // A replacement of text that ended at the caret stays before the caret, like the text it replaced.
      if (pos < index || (pos === index && (stickToEnd || afterDelete))) shift += insertLength(op.insert);
      afterDelete = false;
    } else if (op.delete !== undefined) {
      shift -= Math.max(0, Math.min(op.delete, index - pos));
      pos += op.delete;
      afterDelete = true;
    }
  }
  return Math.max(0, index + shift);
}

/** Transforms a selection; a collapsed selection stays collapsed. */
export function transformSelection(
  start: number,
  end: number,
  delta: readonly DeltaOp[],
): { start: number; end: number } {
  const s = transformIndex(start, delta);
  const e = start === end ? s : transformIndex(end, delta);
  return { start: s, end: Math.max(s, e) };
}
