import type * as Y from 'yjs';
import { encodeSyncStep2, encodeSyncStep2FromUpdate } from './protocol';

const MAX_ENTRIES = 4;
/** the state vector of a client that has nothing yet */
const EMPTY_VECTOR = new Uint8Array([0]);

const keyOf = (v: Uint8Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');

/**
 * Sync-step-2 answers for the state vectors clients actually send, kept until the doc next changes.
 * Encoding a large board's full state costs tens of milliseconds of CPU, and clients arrive in crowds
 * with the same vector: fresh tabs with an empty one, a reconnect storm with the server's own. One
 * encoding then serves them all. The room clears it on every doc update, so an answer is never stale.
 */
export class Step2Cache {
  private byVector = new Map<string, Uint8Array>();

  constructor(private readonly doc: Y.Doc) {}

  answer(stateVector: Uint8Array): Uint8Array {
    const key = keyOf(stateVector);
    const hit = this.byVector.get(key);
    if (hit) return hit;
    const msg = encodeSyncStep2(this.doc, stateVector);
    if (this.byVector.size >= MAX_ENTRIES) this.byVector.delete(this.byVector.keys().next().value!);
    this.byVector.set(key, msg);
    return msg;
  }

  /** The answer already held for this vector, if any (never encodes). */
  cached(stateVector: Uint8Array): Uint8Array | undefined {
    return this.byVector.get(keyOf(stateVector));
  }

  /** A freshly loaded room whose store held one snapshot: that snapshot is the full-state answer. */
  seedFullState(update: Uint8Array): void {
    this.byVector.set(keyOf(EMPTY_VECTOR), encodeSyncStep2FromUpdate(update));
  }

  clear(): void {
    if (this.byVector.size > 0) this.byVector.clear();
  }
}
