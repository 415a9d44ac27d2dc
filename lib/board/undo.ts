import * as Y from 'yjs';
import { roots } from './schema';

/**
 * Per-person undo. Every local edit this person makes is a transaction whose origin is their own
 * `LocalOrigin` (ops in ./ops.ts and CollabText take it); the UndoManager tracks only that origin,
 * so it can never undo what a collaborator did (their changes arrive with the provider as origin)
 * and never replays state loaded from the offline cache.
 */
export class LocalOrigin {
  constructor(readonly userId: string) {}
}

/** Keystrokes closer together than this undo as one step, like a word rather than a letter. */
export const CAPTURE_MS = 500;

export function createUndoManager(doc: Y.Doc, origin: LocalOrigin): Y.UndoManager {
  const r = roots(doc);
  return new Y.UndoManager([r.stories, r.notes, r.personas, r.metrics, r.drafts, r.meta], {
    trackedOrigins: new Set([origin]),
    captureTimeout: CAPTURE_MS,
  });
}
