import * as Y from 'yjs';
import { onTestFinished } from 'vitest';

/**
 * Shared by the role contract suites (*.contract.ts): each takes an `Open` for the implementation
 * under test, so one suite runs on SQLite, PostgreSQL and (the document log) in memory.
 */
export type Open<T> = () => Promise<T & { close?(): Promise<void> }>;

/** Opens a fresh handle for one test and closes it when the test ends, passed or failed. */
export async function openForTest<T>(open: Open<T>): Promise<T> {
  const s = await open();
  onTestFinished(async () => {
    await s.close?.();
  });
  return s;
}

/** A board id no other test (or earlier run against the same database) uses. */
export const freshBoardId = () => `b-${Math.random().toString(36).slice(2)}`;

/** The Yjs update that appends `text` to `doc`'s text 't'. */
export function textUpdate(text: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

/** The text a snapshot plus updates make. */
export function textOf(snapshot: Uint8Array | null, updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

export const hex = (us: Uint8Array[]) => us.map((u) => Buffer.from(u).toString('hex'));
