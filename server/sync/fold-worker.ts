// Worker-thread entry (see folder.ts): compactions and folds off the main event loop. Bundled on
// its own as dist/fold-worker.mjs by scripts/build-server.mjs.
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { PostgresStore } from '../store/postgres';
import { SqliteStore } from '../store/sqlite';
import type { DocumentLog, StoreSpec } from '../store/store';
import { foldUpdates } from './fold';
import type { FoldReply, FoldRequest } from './folder';

// Compaction is background work: on a busy machine the main thread (every board's requests) should get
// the CPU first. On Linux the nice value is per thread, and pid 0 is this thread; elsewhere it would
// be the whole process, so leave it.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, 10);
  } catch {
    // not permitted: run at normal priority
  }
}

/** This thread's own connection to each store it has compacted for (one per spec). */
const stores = new Map<string, Promise<DocumentLog>>();

function storeFor(spec: StoreSpec): Promise<DocumentLog> {
  const key = JSON.stringify(spec);
  let s = stores.get(key);
  if (!s) {
    // A blocking wait for the main connection's short writes is harmless on this thread.
    s =
      spec.kind === 'sqlite'
        ? Promise.resolve(new SqliteStore(spec.file, spec.synchronous, 5000))
        : PostgresStore.open(spec.url, { schema: spec.schema, max: 2 });
    s.catch(() => stores.delete(key));
    stores.set(key, s);
  }
  return s;
}

async function run(req: FoldRequest): Promise<FoldReply> {
  try {
    if (req.kind === 'fold')
      return { id: req.id, ok: true, snapshot: foldUpdates(req.snapshot, req.updates) };
    const store = await storeFor(req.spec);
    return { id: req.id, ok: true, result: await store.compact(req.boardId, foldUpdates) };
  } catch (err) {
    return { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

parentPort?.on('message', (req: FoldRequest) => {
  void run(req).then((reply) => {
    // A folded snapshot is new memory of this thread: hand it over instead of copying it.
    const transfer = reply.ok && 'snapshot' in reply ? [reply.snapshot.buffer as ArrayBuffer] : [];
    parentPort?.postMessage(reply, transfer);
  });
});
