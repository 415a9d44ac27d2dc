import * as Y from 'yjs';
import { BoardOpError } from './ops';
import { definitionJson, MANUAL_ID, readDefinition, type Definition } from './readiness';
import { getStoryMap, roots } from './schema';

/**
 * Edits for the definition of ready (readiness.ts). The definition is one JSON value in
 * `meta.readiness` (owner-only in the rule table): the owner edits it as a whole, so two owners
 * saving at once end with the last save — a list of a few rules is not worth merging item by item.
 * Ticks live in a Y.Map per story (`checks`), so two people ticking two items at once both stay.
 */

export function readBoardDefinition(doc: Y.Doc): Definition {
  return readDefinition(roots(doc).meta.get('readiness'));
}

export function setDefinition(doc: Y.Doc, def: Definition, origin?: unknown): void {
  const json = definitionJson(def);
  // Round-trip through the reader: only what every client would read back is stored.
  const clean = readDefinition(json);
  if (clean.rules.length !== json.rules.length)
    throw new BoardOpError('A rule of this definition is not valid');
  doc.transact(() => roots(doc).meta.set('readiness', json), origin);
}

/** Ticks (with who and when) or unticks a manual item on a story. */
export function setCheck(
  doc: Y.Doc,
  storyId: string,
  itemId: string,
  tick: { by: string; name: string } | null,
  origin?: unknown,
): void {
  if (!MANUAL_ID.test(itemId)) throw new BoardOpError('Not a checklist item');
  const m = getStoryMap(doc, storyId);
  if (!m) throw new BoardOpError('No such story');
  doc.transact(() => {
    let checks = m.get('checks');
    if (!(checks instanceof Y.Map)) {
      if (tick === null) return;
      checks = new Y.Map<unknown>();
      m.set('checks', checks);
    }
    const c = checks as Y.Map<unknown>;
    if (tick === null) c.delete(itemId);
    else c.set(itemId, { by: tick.by, name: tick.name.slice(0, 80), at: Date.now() });
  }, origin);
}
