import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addNote, createStory, restoreStory, setStoryStatus } from '../../lib/board/ops';
import { getStoryMap, roots } from '../../lib/board/schema';
import type { Prng } from './prng';

/** Builders of hostile inputs: garbage, damaged valid messages, lies about lengths, orphan updates. */

function frame(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (sub !== null) encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Well-formed traffic; `prefix` starts every story title (so a test can find them in the store). */
export function validPool(r: Prng, prefix = 'fuzz'): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  for (let i = 0; i < 12; i++) {
    const sv = Y.encodeStateVector(doc);
    const story = createStory(doc, { title: `${prefix} ${i} ${r.int(1e6)}`, why: 'w', createdBy: 'fuzz' });
    addNote(doc, { storyId: story, kind: 'idea', text: `n${i}`, authorId: 'fuzz', authorName: 'Fuzz' });
    out.push(frame(0, 2, Y.encodeStateAsUpdate(doc, sv)));
  }
  out.push(frame(0, 0, Y.encodeStateVector(doc)));
  out.push(frame(0, 1, Y.encodeStateAsUpdate(doc)));
  const aw = encoding.createEncoder();
  encoding.writeVarUint(aw, 1);
  encoding.writeVarUint(aw, doc.clientID);
  encoding.writeVarUint(aw, 1);
  encoding.writeVarString(
    aw,
    JSON.stringify({ user: { id: 'f', name: 'Fuzz', color: '#123456', role: 'team' } }),
  );
  out.push(frame(1, null, encoding.toUint8Array(aw)));
  out.push(Uint8Array.of(3));
  return out;
}

/** The board's story a team link must not touch the owner's fields of, and one in Trash. */
export interface Protected {
  story: string;
  trashed: string;
}

/**
 * Owner-only edits (issue #14, problem 2) made on a copy of the board as the server holds it, so
 * each would integrate: the gate alone stands between them and the store.
 */
export function forbiddenPool(r: Prng, board: Y.Doc, ids: Protected): Uint8Array[] {
  const edits: ((d: Y.Doc) => void)[] = [
    (d) => getStoryMap(d, ids.story)?.set('estimate', 'FUZZ'),
    (d) => getStoryMap(d, ids.story)?.set('formalId', 'FUZZ'),
    (d) => getStoryMap(d, ids.story)?.set('formalVersion', 99),
    (d) => setStoryStatus(d, ids.story, 'promoted'),
    (d) => roots(d).stories.delete(ids.story),
    (d) => roots(d).stories.set(ids.story, new Y.Map()),
    (d) => restoreStory(d, ids.trashed),
    (d) => getStoryMap(d, ids.trashed)?.set('deletedAt', null),
    (d) => roots(d).meta.set('title', 'FUZZ'),
  ];
  return edits.map((edit) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(board));
    const sv = Y.encodeStateVector(copy);
    edit(copy);
    return frame(0, r.pick([1, 2]), Y.encodeStateAsUpdate(copy, sv));
  });
}

/** An update whose structs depend on history the server never saw. */
export function orphanUpdate(r: Prng): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('orphan').insert(0, 'a'.repeat(1 + r.int(20)));
  const sv = Y.encodeStateVector(doc);
  doc.getText('orphan').insert(1, 'b');
  return frame(0, 2, Y.encodeStateAsUpdate(doc, sv));
}

export function hugeLength(r: Prng): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, r.pick([0, 1]));
  if (r.next() < 0.5) encoding.writeVarUint(e, r.pick([0, 1, 2]));
  encoding.writeVarUint(e, 2 ** 31 + r.int(2 ** 20)); // claims gigabytes
  encoding.writeUint8Array(e, r.bytes(r.int(32)));
  return encoding.toUint8Array(e);
}

export function mutate(r: Prng, msg: Uint8Array): Uint8Array {
  const m = Uint8Array.from(msg);
  switch (r.int(4)) {
    case 0:
      return m.subarray(0, r.int(m.length)); // truncated
    case 1: {
      for (let i = 0, n = 1 + r.int(3); i < n; i++) m[r.int(m.length)]! ^= 1 << r.int(8); // bit flips
      return m;
    }
    case 2:
      m[0] = 4 + r.int(250); // unknown message type
      return m;
    default:
      if (m.length > 1) m[1] = r.int(256); // unknown sub-type
      return m;
  }
}

export function hostileMessage(r: Prng, pool: Uint8Array[]): Uint8Array {
  const roll = r.next();
  if (roll < 0.3) return r.bytes(r.int(200));
  if (roll < 0.75) return mutate(r, r.pick(pool));
  if (roll < 0.85) return hugeLength(r);
  if (roll < 0.95) return orphanUpdate(r);
  return r.pick(pool); // some valid traffic keeps connections alive longer
}
