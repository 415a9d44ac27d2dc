import * as Y from 'yjs';
import { createStory } from '../../lib/board/ops';
import { getStoryMap } from '../../lib/board/schema';

/**
 * What a server edit (accept estimate, mark promoted) may add without measuring: a few map entries.
 * Imports, which can be larger, measure themselves (`newStoriesBytes`).
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

/** Bytes per story beyond its texts that one measured story does not show: a longer rank, the estimate key. */
const STORY_SLACK = 48;

/**
 * An upper estimate of what creating these stories adds (an import), in time linear in their text:
 * building them all on a scratch doc costs as much as the import itself (createStory ranks against
 * every story). One story is measured for the fixed part — keys, ids, struct headers — and each
 * story costs that plus its texts in UTF-8 (as Yjs encodes them) plus STORY_SLACK.
 */
export function newStoriesBytes(
  stories: readonly { title: string; why: string; estimate: string | null }[],
  createdBy: string,
): number {
  if (stories.length === 0) return 0;
  const doc = new Y.Doc();
  const fixed = (() => {
    try {
      doc.transact(() => {
        const id = createStory(doc, { title: 'x', why: '', createdBy });
        getStoryMap(doc, id)?.set('estimate', '');
      });
      return Y.encodeStateAsUpdate(doc).byteLength - 1;
    } finally {
      doc.destroy();
    }
  })();
  let bytes = 0;
  for (const s of stories)
    bytes +=
      fixed +
      Buffer.byteLength(s.title) +
      Buffer.byteLength(s.why) +
      Buffer.byteLength(s.estimate ?? '') +
      STORY_SLACK;
  return bytes;
}

/**
 * Bytes Yjs keeps aside for updates whose dependencies it has not seen: never stored, but held in
 * memory and sent to every new client, so they count against the limit like stored bytes.
 */
export function parkedBytes(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store;
  return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
}
