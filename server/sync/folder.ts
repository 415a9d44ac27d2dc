import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompactResult, DocumentLog, StoreSpec } from '../store/store';
import { foldUpdates } from './fold';

/**
 * Compaction off the main thread. Folding a 30 MB board takes the better part of a second, and
 * reading and writing its 30 MB as long again: inline, that stalled every board of the process.
 * One lazily started worker thread does it: for a store it can open itself (`DocumentLog.spec`:
 * SQLite on disk, PostgreSQL) the whole compaction — read, Yjs merge, write — on its own
 * connection; for any other log (in memory) just the merge. Small boards compact in-process. The worker keeps the process alive
 * only while a job is in flight.
 */

export type FoldRequest =
  | { id: number; kind: 'fold'; snapshot: Uint8Array | null; updates: Uint8Array[] }
  | { id: number; kind: 'compact'; spec: StoreSpec; boardId: string };
export type FoldReply =
  | { id: number; ok: true; snapshot: Uint8Array }
  | { id: number; ok: true; result: CompactResult }
  | { id: number; ok: false; message: string };

/** Below this many bytes a compaction takes a few milliseconds: not worth a thread hop. */
export const INLINE_FOLD_BYTES = 256 * 1024;

type Distributive<T> = T extends unknown ? Omit<T, 'id'> : never;
interface Job {
  resolve: (reply: FoldReply) => void;
  reject: (err: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const jobs = new Map<number, Job>();

/**
 * The bundled server (dist/server.mjs) runs dist/fold-worker.mjs; from source (tsx, Vitest) the
 * worker is the .ts file, loaded through tsx's require hook (Node 20 workers ignore --import).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.mjs')) return new Worker(new URL('./fold-worker.mjs', here));
  const source = fileURLToPath(new URL('./fold-worker.ts', here));
  const tsx = createRequire(here).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, {
    eval: true,
  });
}

function failAll(err: Error) {
  for (const job of jobs.values()) job.reject(err);
  jobs.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.on('message', (reply: FoldReply) => {
    const job = jobs.get(reply.id);
    jobs.delete(reply.id);
    if (jobs.size === 0) w.unref();
    job?.resolve(reply);
  });
  // A worker that dies takes its jobs with it (a failed compaction is retried after the next
  // threshold); the next job starts a fresh one.
  w.on('error', (err) => {
    if (worker === w) worker = null;
    failAll(err);
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    failAll(new Error(`fold worker exited with ${code}`));
  });
  worker = w;
  return w;
}

function send(req: Distributive<FoldRequest>): Promise<FoldReply> {
  const w = getWorker();
  const id = nextId++;
  return new Promise<FoldReply>((resolve, reject) => {
    jobs.set(id, { resolve, reject });
    w.ref();
    // Copied, not transferred: the caller's arrays stay usable.
    w.postMessage({ ...req, id });
  }).then((reply) => {
    if (!reply.ok) throw new Error(`fold worker: ${reply.message}`);
    return reply;
  });
}

/** A `Fold` for Store.compact: snapshot + updates → one snapshot, on the worker unless small. */
export async function foldOffThread(snapshot: Uint8Array | null, updates: Uint8Array[]): Promise<Uint8Array> {
  const bytes = updates.reduce((n, u) => n + u.byteLength, snapshot?.byteLength ?? 0);
  if (bytes < INLINE_FOLD_BYTES) return foldUpdates(snapshot, updates);
  const reply = await send({ kind: 'fold', snapshot, updates });
  if (!('snapshot' in reply)) throw new Error('fold worker: unexpected reply');
  return reply.snapshot;
}

/**
 * Compacts a board's log without blocking this thread: on the worker's own connection if it can.
 * `bytesHint` (the room's count of snapshot + log) keeps small boards in-process.
 */
export async function compactOffThread(
  store: DocumentLog,
  boardId: string,
  bytesHint = Infinity,
): Promise<CompactResult> {
  if (bytesHint < INLINE_FOLD_BYTES) return store.compact(boardId, foldUpdates);
  if (!store.spec) return store.compact(boardId, foldOffThread);
  const reply = await send({ kind: 'compact', spec: store.spec, boardId });
  if (!('result' in reply)) throw new Error('fold worker: unexpected reply');
  return reply.result;
}

/** Stops the worker (an idle one does not keep the process alive, so only tests need this). */
export async function stopFoldWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
