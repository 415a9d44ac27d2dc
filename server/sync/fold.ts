import * as Y from 'yjs';
import type { Logger } from '../log';
import { STORE_ORIGIN } from './origin';

/** Applies stored updates to a doc one by one, so one bad row can never make a board unloadable. */
export function applyStored(
  doc: Y.Doc,
  snapshot: Uint8Array | null,
  updates: Uint8Array[],
  log?: Logger,
): number {
  let bad = 0;
  const all = snapshot ? [snapshot, ...updates] : updates;
  for (const u of all) {
    try {
      Y.applyUpdate(doc, u, STORE_ORIGIN);
    } catch (err) {
      bad += 1;
      log?.error({ err }, 'skipping a stored update that does not apply');
    }
  }
  return bad;
}

/** Compaction: snapshot + updates → one garbage-collected snapshot. */
export function foldUpdates(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  applyStored(doc, snapshot, updates);
  const out = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return out;
}
