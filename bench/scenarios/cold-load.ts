import * as Y from 'yjs';
import { bigBoard, noteCount, uploadBoard } from '../lib/big-board';
import { connectClient } from '../lib/clients';
import type { Target } from '../lib/servers';
import { sleep, summarize, type Summary } from '../lib/stats';

export interface ColdLoadResult {
  stories: number;
  notes: number;
  docBytes: number;
  /** room not in memory, loaded from the server's own persistence (null: the server has none):
   *  `served` = connect → the full board received; `synced` also includes the client decoding it */
  cold: { served: Summary; synced: Summary } | null;
  /** room already in memory (another client holds it open) */
  warm: { served: Summary; synced: Summary };
  /** loads that did not deliver the whole board */
  incomplete: number;
  /** time for this process just to decode and apply the board into a fresh Y.Doc: the client floor */
  clientApply: Summary;
}

export interface ColdLoadOptions {
  stories: number;
  notes: number;
  loads: number;
  warmLoads: number;
  /** pause after the last client leaves so the server unloads the room (ours: ROOM_GRACE_MS=0) */
  unloadWaitMs: number;
}

/** Connect → provider "synced" for one fresh client, checking the whole board arrived. */
async function timeLoad(target: Target, board: Parameters<typeof connectClient>[1], notes: number) {
  const t0 = performance.now();
  const c = connectClient(target, board);
  const t1 = await c.whenSynced();
  const served = c.answeredAt - t0;
  const complete = noteCount(c.doc) >= notes;
  c.destroy();
  return { served, synced: t1 - t0, complete };
}

async function series(n: number, pauseMs: number, load: () => ReturnType<typeof timeLoad>) {
  const served: number[] = [];
  const synced: number[] = [];
  let incomplete = 0;
  for (let i = 0; i < n; i++) {
    const r = await load();
    served.push(r.served);
    synced.push(r.synced);
    if (!r.complete) incomplete += 1;
    await sleep(pauseMs);
  }
  return { served: summarize(served), synced: summarize(synced), incomplete };
}

export async function coldLoad(target: Target, o: ColdLoadOptions): Promise<ColdLoadResult> {
  const big = bigBoard(o.stories, o.notes);
  const board = await target.newBoard();
  await uploadBoard(target, board, big, o.notes);
  await sleep(o.unloadWaitMs * 2);
  let cold: ColdLoadResult['cold'] = null;
  let incomplete = 0;
  if (target.kind !== 'reference') {
    const r = await series(o.loads, o.unloadWaitMs, () => timeLoad(target, board, o.notes));
    cold = { served: r.served, synced: r.synced };
    incomplete += r.incomplete;
  }
  const holder = connectClient(target, board);
  await holder.whenSynced();
  const docBytes = Y.encodeStateAsUpdate(holder.doc).byteLength;
  const warmLoads = await series(o.warmLoads, 20, () => timeLoad(target, board, o.notes)).finally(() =>
    holder.destroy(),
  );
  incomplete += warmLoads.incomplete;
  const warm = { served: warmLoads.served, synced: warmLoads.synced };
  const apply: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const d = new Y.Doc();
    Y.applyUpdate(d, big.update);
    apply.push(performance.now() - t0);
    d.destroy();
  }
  return {
    stories: o.stories,
    notes: o.notes,
    docBytes,
    cold,
    warm,
    incomplete,
    clientApply: summarize(apply),
  };
}
