import * as Y from 'yjs';

/**
 * What a server edit (accept estimate, mark promoted) may add without measuring: a few map entries.
 * Edits that can be larger (imports) measure themselves with `measureEdit`.
 */
export const SMALL_EDIT_BYTES = 1024;

/** A change refused before it was applied: it would take the board past MAX_DOC_BYTES. */
export class DocTooLargeError extends Error {
  constructor(
    /** MAX_DOC_BYTES */
    readonly limit: number,
    /** what the change would have added */
    readonly bytes: number,
  ) {
    super(`This board has reached its size limit of ${limit} bytes (MAX_DOC_BYTES).`);
  }
}

/**
 * An upper estimate of the bytes `edit` adds to a board: the edit is run on an empty doc and its
 * state encoded. New content encodes the same wherever it lands, except the references to its
 * neighbours (rank keys, origins), which the margin covers. `edit` must create only new entities.
 */
export function measureEdit(edit: (doc: Y.Doc) => void): number {
  const doc = new Y.Doc();
  try {
    doc.transact(() => edit(doc));
    const bytes = Y.encodeStateAsUpdate(doc).byteLength;
    return Math.ceil(bytes * 1.05) + 256;
  } finally {
    doc.destroy();
  }
}

/**
 * Bytes Yjs keeps aside for updates whose dependencies it has not seen: never stored, but held in
 * memory and sent to every new client, so they count against the limit like stored bytes.
 */
export function parkedBytes(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store;
  return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
}
