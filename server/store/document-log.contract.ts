import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { foldUpdates } from '../sync/fold';
import { type Open, freshBoardId, hex, openForTest, textOf, textUpdate } from './contract-kit';
import type { DocumentLog } from './store';

/** The one contract every DocumentLog passes: SQLite, PostgreSQL and the in-memory log. */
export function documentLogContract(name: string, open: Open<DocumentLog>) {
  describe(`DocumentLog contract: ${name}`, () => {
    it('appends updates in order and loads them back byte for byte, as copies', async () => {
      const s = await openForTest(open);
      const id = freshBoardId();
      expect(await s.loadDoc(id)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      expect(await s.logSize(id)).toEqual({ count: 0, bytes: 0 });
      const doc = new Y.Doc();
      const ups = [textUpdate('a', doc), textUpdate('b', doc), textUpdate('c', doc)];
      await s.appendUpdates(id, ups.slice(0, 2));
      const firstId = (await s.loadDoc(id)).lastUpdateId;
      expect(firstId).toBeGreaterThan(0);
      await s.appendUpdates(id, ups.slice(2));
      await s.appendUpdates(id, []);
      const loaded = await s.loadDoc(id);
      expect(loaded.snapshot).toBeNull();
      expect(hex(loaded.updates)).toEqual(hex(ups));
      expect(loaded.lastUpdateId).toBeGreaterThan(firstId);
      expect(await s.logSize(id)).toEqual({ count: 3, bytes: ups.reduce((n, u) => n + u.byteLength, 0) });
      loaded.updates[0]![0] = 99; // a copy: the log is untouched
      expect(hex((await s.loadDoc(id)).updates)).toEqual(hex(ups));
      // Each board has its own log.
      expect(await s.loadDoc(freshBoardId())).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
    });

    it('compacts atomically into a snapshot that reproduces the document; a throwing fold changes nothing', async () => {
      const s = await openForTest(open);
      const id = freshBoardId();
      const doc = new Y.Doc();
      await s.appendUpdates(id, [textUpdate('hello ', doc), textUpdate('world', doc)]);
      const loadedBytes = (await s.loadDoc(id)).updates.reduce((n, u) => n + u.byteLength, 0);
      const r = await s.compact(id, foldUpdates);
      expect(r.folded).toBe(2);
      expect(r.foldedBytes).toBe(loadedBytes);
      await s.appendUpdates(id, [textUpdate('!', doc)]);
      const loaded = await s.loadDoc(id);
      expect(loaded.snapshot).not.toBeNull();
      expect(r.snapshotBytes).toBe(loaded.snapshot!.byteLength);
      expect(loaded.updates).toHaveLength(1);
      expect(await s.logSize(id)).toEqual({ count: 1, bytes: loaded.updates[0]!.byteLength });
      expect(textOf(loaded.snapshot, loaded.updates)).toBe('hello world!');
      // A fold that throws leaves everything as it was.
      await expect(
        s.compact(id, () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await s.loadDoc(id)).toEqual(loaded);
      expect((await s.compact(id, foldUpdates)).folded).toBe(1);
      expect((await s.compact(id, foldUpdates)).folded).toBe(0);
      const after = await s.loadDoc(id);
      expect(after.updates).toEqual([]);
      expect(textOf(after.snapshot, after.updates)).toBe('hello world!');
    });

    it('an asynchronous fold lets appends go on, and a compaction racing it loses nothing', async () => {
      const s = await openForTest(open);
      const id = freshBoardId();
      const doc = new Y.Doc();
      await s.appendUpdates(id, [textUpdate('a', doc), textUpdate('b', doc)]);
      let started!: () => void;
      const foldStarted = new Promise<void>((r) => (started = r));
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slow = s.compact(id, async (snap, ups) => {
        started();
        await gate;
        return foldUpdates(snap, ups);
      });
      await foldStarted;
      await s.appendUpdates(id, [textUpdate('c', doc)]); // not held up by the fold in progress
      const racing = s.compact(id, foldUpdates); // SQLite: runs now; PostgreSQL: waits for the lock
      release();
      const [r1, r2] = await Promise.all([slow, racing]);
      expect(r1.folded + r2.folded).toBeGreaterThanOrEqual(1);
      const loaded = await s.loadDoc(id);
      expect(textOf(loaded.snapshot, loaded.updates)).toBe('abc');
    });
  });
}
