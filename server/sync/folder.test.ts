import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dropTestSchemas, testSchema } from '../../tests/helpers/pg-schemas';
import { tempDir } from '../../tests/helpers/server';
import { PostgresStore } from '../store/postgres';
import { MemoryDocumentLog } from '../store/memory-log';
import type { DocumentLog } from '../store/store';
import { SqliteStore } from '../store/sqlite';
import { foldUpdates } from './fold';
import { INLINE_FOLD_BYTES, compactOffThread, foldOffThread, stopFoldWorker } from './folder';

const pgUrl = process.env.TEST_DATABASE_URL;
const schema = testSchema('fold');
afterAll(async () => {
  await stopFoldWorker(); // first: its pool holds connections to the schema
  await dropTestSchemas(pgUrl);
});

/** A log past the inline threshold, so it goes to the worker. */
function log(n = 100): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(0, `${i}`.padEnd(4000, '.'));
  expect(out.reduce((s, u) => s + u.byteLength, 0)).toBeGreaterThan(INLINE_FOLD_BYTES);
  return out;
}

const text = (snapshot: Uint8Array) => {
  const d = new Y.Doc();
  Y.applyUpdate(d, snapshot);
  return d.getText('t').toString();
};

describe('fold worker', () => {
  it('folds on the worker to the same document as inline, leaving the inputs usable', async () => {
    const updates = log();
    const off = await foldOffThread(null, updates);
    expect(text(off)).toBe(text(foldUpdates(null, updates)));
    expect(updates[0]!.byteLength).toBeGreaterThan(0); // copied, not transferred
  });

  it('compacts an SQLite board on its own connection while this one keeps appending', async () => {
    const store = new SqliteStore(path.join(tempDir(), 'shellboard.sqlite'));
    const updates = log();
    await store.appendUpdates('b', updates);
    const compacting = compactOffThread(store, 'b');
    const late = new Y.Doc();
    late.getMap('m').set('late', true);
    await store.appendUpdates('b', [Y.encodeStateAsUpdate(late)]);
    const r = await compacting;
    // The worker read the log before or after the late append: folded or kept, never lost.
    expect([updates.length, updates.length + 1]).toContain(r.folded);
    const { snapshot, updates: left } = await store.loadDoc('b');
    expect(left).toHaveLength(updates.length + 1 - r.folded);
    expect(r.snapshotBytes).toBe(snapshot!.byteLength);
    const back = new Y.Doc();
    Y.applyUpdate(back, snapshot!);
    for (const u of left) Y.applyUpdate(back, u);
    expect(back.getText('t').toString()).toBe(text(foldUpdates(null, updates)));
    expect(back.getMap('m').get('late')).toBe(true);
    await store.close();
  });

  it('folds a log it cannot open itself (in memory) through the store, off-thread', async () => {
    const mem = new MemoryDocumentLog();
    await mem.appendUpdates('b', log());
    expect((mem as DocumentLog).spec).toBeUndefined();
    const r = await compactOffThread(mem, 'b');
    expect(r.folded).toBe(100);
    expect((await mem.loadDoc('b')).updates).toHaveLength(0);
  });

  it('compacts a PostgreSQL board on its own pool', async ({ skip }) => {
    if (!pgUrl) return skip('TEST_DATABASE_URL is not set'); // CI sets it (tests/ci-guard.test.ts)
    const store = await PostgresStore.open(pgUrl, { schema });
    await store.createBoard({
      id: 'pg-b',
      title: 'T',
      createdAt: 1,
      keyHashes: { owner: 'a'.repeat(64), team: 'b'.repeat(64), view: 'c'.repeat(64) },
      sealedLinks: 'sealed',
    });
    const updates = log();
    await store.appendUpdates('pg-b', updates);
    const r = await compactOffThread(store, 'pg-b');
    expect(r.folded).toBe(updates.length);
    const { snapshot, updates: left } = await store.loadDoc('pg-b');
    expect(left).toHaveLength(0);
    expect(text(snapshot!)).toBe(text(foldUpdates(null, updates)));
    await store.close();
  });
});
