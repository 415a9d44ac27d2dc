import type * as Y from 'yjs';

/**
 * Entity ids a deep event batch on an entity root touched: the root's own changed keys, or the
 * first path step under it (the board view re-reads only those entities).
 */
export function touchedIds(
  events: Y.YEvent<Y.AbstractType<unknown>>[],
  root: Y.AbstractType<unknown>,
): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.target === root) {
      for (const k of (e as Y.YMapEvent<unknown>).keysChanged) ids.add(k);
      continue;
    }
    // Walk up to the root: the key of the ancestor directly under it is the entity id. (This is
    // what `event.path` computes, without building the whole path.)
    let item = e.target._item;
    while (item && item.parent !== root) item = (item.parent as Y.AbstractType<unknown>)._item;
    if (item?.parentSub) ids.add(item.parentSub);
  }
  return ids;
}
