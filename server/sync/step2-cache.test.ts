import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { encodeSyncStep2 } from './protocol';
import { Step2Cache } from './step2-cache';

/** The update carried by a step-2 frame, applied to a fresh doc. */
function docFrom(frame: Uint8Array): Y.Doc {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  return doc;
}

describe('Step2Cache', () => {
  it('answers exactly what a fresh encoding would, and serves repeats from one encoding', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const cache = new Step2Cache(doc);
    const sv = Y.encodeStateVector(new Y.Doc());
    const first = cache.answer(sv);
    expect(Buffer.from(first).equals(Buffer.from(encodeSyncStep2(doc, sv)))).toBe(true);
    expect(cache.answer(new Uint8Array(sv))).toBe(first);
  });

  it('after clear, answers include later changes', () => {
    const doc = new Y.Doc();
    const cache = new Step2Cache(doc);
    const sv = Y.encodeStateVector(new Y.Doc());
    cache.answer(sv);
    doc.getMap('m').set('b', 2);
    cache.clear();
    expect(docFrom(cache.answer(sv)).getMap('m').get('b')).toBe(2);
  });

  it('a seeded snapshot is the answer to an empty state vector', () => {
    const src = new Y.Doc();
    src.getText('t').insert(0, 'hello');
    const snapshot = Y.encodeStateAsUpdate(src);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const cache = new Step2Cache(doc);
    cache.seedFullState(snapshot);
    expect(
      docFrom(cache.answer(Y.encodeStateVector(new Y.Doc())))
        .getText('t')
        .toString(),
    ).toBe('hello');
  });
});
