import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { foldUpdates } from '../sync/fold';
import { MemoryDocumentLog } from './memory-log';

/** The document-log part of tests/store.contract.ts, held to the in-memory log the room tests use. */
describe('MemoryDocumentLog', () => {
  const doc = new Y.Doc();
  const update = (text: string) => {
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(doc.getText('t').length, text);
    return Y.encodeStateAsUpdate(doc, before);
  };

  it('appends in order, loads copies byte for byte, compacts into a snapshot; a throwing fold changes nothing', async () => {
    const log = new MemoryDocumentLog();
    const ups = [update('hello '), update('world')];
    await log.appendUpdates('b', ups.slice(0, 1));
    await log.appendUpdates('b', ups.slice(1));
    await log.appendUpdates('b', []);
    const loaded = await log.loadDoc('b');
    expect(loaded).toEqual({ snapshot: null, updates: ups, lastUpdateId: 2 });
    loaded.updates[0]![0] = 99; // a copy: the log is untouched
    expect((await log.loadDoc('b')).updates).toEqual(ups);
    expect(await log.loadDoc('other')).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });

    expect((await log.compact('b', foldUpdates)).folded).toBe(2);
    await log.appendUpdates('b', [update('!')]);
    const after = await log.loadDoc('b');
    expect(after.updates).toHaveLength(1);
    const back = new Y.Doc();
    for (const u of [after.snapshot!, ...after.updates]) Y.applyUpdate(back, u);
    expect(back.getText('t').toString()).toBe('hello world!');
    await expect(
      log.compact('b', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await log.loadDoc('b')).toEqual(after);
    expect((await log.compact('b', foldUpdates)).folded).toBe(1);
    expect((await log.compact('b', foldUpdates)).folded).toBe(0);
  });
});
