import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Store } from '../server/store/store';
import { foldUpdates } from '../server/sync/fold';

/** The one contract every Store implementation passes (SQLite always; PostgreSQL when configured). */
export function storeContract(name: string, open: () => Promise<Store>) {
  describe(`Store contract: ${name}`, () => {
    const board = (id: string) => ({
      id,
      title: 'T',
      createdAt: 1,
      keyHashes: { owner: 'a'.repeat(64), team: 'b'.repeat(64), view: 'c'.repeat(64) },
      sealedLinks: 'sealed',
    });
    const update = (text: string, doc = new Y.Doc()) => {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(doc.getText('t').length, text);
      return Y.encodeStateAsUpdate(doc, before);
    };

    it('creates, reads, re-keys and deletes boards', async () => {
      const s = await open();
      const id = `b-${Math.random().toString(36).slice(2)}`;
      expect(await s.getBoard(id)).toBeNull();
      await s.createBoard(board(id));
      expect(await s.getBoard(id)).toEqual(board(id));
      await expect(s.createBoard(board(id))).rejects.toThrow();
      await s.updateKeys(
        id,
        { owner: 'd'.repeat(64), team: 'b'.repeat(64), view: 'c'.repeat(64) },
        'resealed',
      );
      const b = await s.getBoard(id);
      expect(b?.keyHashes.owner).toBe('d'.repeat(64));
      expect(b?.sealedLinks).toBe('resealed');
      await s.appendUpdates(id, [update('x')]);
      expect(await s.deleteBoard(id)).toBe(true);
      expect(await s.getBoard(id)).toBeNull();
      expect((await s.loadDoc(id)).updates).toEqual([]);
      expect(await s.deleteBoard(id)).toBe(false);
      await s.close();
    });

    it('appends updates in order and loads them back byte for byte', async () => {
      const s = await open();
      const id = `b-${Math.random().toString(36).slice(2)}`;
      await s.createBoard(board(id));
      const doc = new Y.Doc();
      const ups = [update('a', doc), update('b', doc), update('c', doc)];
      await s.appendUpdates(id, ups.slice(0, 2));
      await s.appendUpdates(id, ups.slice(2));
      await s.appendUpdates(id, []);
      const loaded = await s.loadDoc(id);
      expect(loaded.snapshot).toBeNull();
      expect(loaded.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        ups.map((u) => Buffer.from(u).toString('hex')),
      );
      expect(await s.logSize(id)).toEqual({ count: 3, bytes: ups.reduce((n, u) => n + u.byteLength, 0) });
      await s.close();
    });

    it('keeps formal story versions immutable and numbered; identical content publishes once', async () => {
      const s = await open();
      const id = `b-${Math.random().toString(36).slice(2)}`;
      await s.createBoard(board(id));
      const v = (narrative: string, at: number) => ({
        boardId: id,
        storyId: 'st',
        title: 'T',
        narrative,
        criteria: ['c'],
        decisions: [],
        openQuestions: [],
        estimate: '3',
        persona: null,
        value: null,
        effort: null,
        labels: [],
        author: 'po',
        publishedAt: at,
        discussion: [],
      });
      const first = await s.publishVersion(v('one', 1), 'h1');
      expect(first).toMatchObject({ created: true, version: { version: 1, narrative: 'one' } });
      const again = await s.publishVersion(v('one', 2), 'h1');
      expect(again).toMatchObject({ created: false, version: { version: 1, publishedAt: 1 } });
      const second = await s.publishVersion(v('two', 3), 'h2');
      expect(second.version.version).toBe(2);
      // Concurrent publishes of the same content create one version.
      const racing = await Promise.all([
        s.publishVersion(v('three', 4), 'h3'),
        s.publishVersion(v('three', 4), 'h3'),
      ]);
      expect(racing.filter((r) => r.created)).toHaveLength(1);
      expect((await s.storyVersions(id, 'st')).map((x) => [x.version, x.narrative])).toEqual([
        [1, 'one'],
        [2, 'two'],
        [3, 'three'],
      ]);
      expect((await s.storyVersion(id, 'st', 1))?.narrative).toBe('one');
      expect(await s.storyVersion(id, 'st', 9)).toBeNull();
      await s.publishVersion({ ...v('other', 5), storyId: 'st2' }, 'x');
      expect((await s.latestVersions(id)).map((x) => [x.storyId, x.version])).toEqual([
        ['st', 3],
        ['st2', 1],
      ]);
      await s.deleteBoard(id);
      expect(await s.latestVersions(id)).toEqual([]);
      await s.close();
    });

    it('compacts atomically into a snapshot that reproduces the document', async () => {
      const s = await open();
      const id = `b-${Math.random().toString(36).slice(2)}`;
      await s.createBoard(board(id));
      const doc = new Y.Doc();
      await s.appendUpdates(id, [update('hello ', doc), update('world', doc)]);
      const loadedBytes = (await s.loadDoc(id)).updates.reduce((n, u) => n + u.byteLength, 0);
      const r = await s.compact(id, foldUpdates);
      expect(r.folded).toBe(2);
      expect(r.foldedBytes).toBe(loadedBytes);
      await s.appendUpdates(id, [update('!', doc)]);
      const loaded = await s.loadDoc(id);
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.updates).toHaveLength(1);
      const back = new Y.Doc();
      Y.applyUpdate(back, loaded.snapshot!);
      for (const u of loaded.updates) Y.applyUpdate(back, u);
      expect(back.getText('t').toString()).toBe('hello world!');
      expect((await s.compact(id, foldUpdates)).folded).toBe(1);
      expect((await s.compact(id, foldUpdates)).folded).toBe(0);
      // A fold that throws leaves everything as it was.
      await s.appendUpdates(id, [update('?', doc)]);
      await expect(
        s.compact(id, () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await s.loadDoc(id)).updates).toHaveLength(1);
      await s.close();
    });

    it('an asynchronous fold lets appends go on, and a compaction racing it loses nothing', async () => {
      const s = await open();
      const id = `b-${Math.random().toString(36).slice(2)}`;
      await s.createBoard(board(id));
      const doc = new Y.Doc();
      await s.appendUpdates(id, [update('a', doc), update('b', doc)]);
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
      await s.appendUpdates(id, [update('c', doc)]); // not held up by the fold in progress
      const racing = s.compact(id, foldUpdates); // SQLite: runs now; PostgreSQL: waits for the lock
      release();
      const [r1, r2] = await Promise.all([slow, racing]);
      expect(r1.folded + r2.folded).toBeGreaterThanOrEqual(1);
      const loaded = await s.loadDoc(id);
      const back = new Y.Doc();
      if (loaded.snapshot) Y.applyUpdate(back, loaded.snapshot);
      for (const u of loaded.updates) Y.applyUpdate(back, u);
      expect(back.getText('t').toString()).toBe('abc');
      await s.close();
    });
  });
}
