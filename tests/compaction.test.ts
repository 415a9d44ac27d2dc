import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeUpdate } from '../server/sync/protocol';
import { createBoard, startServer, type TestServer } from './helpers/server';

let srv: TestServer | null = null;
afterEach(async () => {
  await srv?.close();
  srv = null;
});

/** ~30 MB of log: 15 import-sized updates (500 stories of ~4 KB each) and 3000 small title edits. */
function bigBoardLog(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const stories = doc.getMap<Y.Map<unknown>>('stories');
  for (let i = 0; i < 15; i++) {
    doc.transact(() => {
      for (let j = 0; j < 500; j++) {
        const m = new Y.Map<unknown>();
        m.set('title', new Y.Text(`story ${i}.${j}`));
        m.set('why', new Y.Text(`${'x'.repeat(3900)} ${i}:${j}`));
        stories.set(`s${i}-${j}`, m);
      }
    });
  }
  const ids = [...stories.keys()];
  for (let k = 0; k < 3000; k++) (stories.get(ids[k % ids.length]!)!.get('title') as Y.Text).insert(0, 'a');
  doc.destroy();
  return updates;
}

function firstMessage(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('error', reject);
  });
}

describe('compaction', () => {
  it('folds a 30 MB board off the request path: health answers promptly throughout', async () => {
    srv = await startServer({ ROOM_GRACE_MS: '60000' });
    const b = await createBoard(srv.url);
    const log = bigBoardLog();
    await srv.app.store.appendUpdates(b.id, log);
    expect(log.reduce((n, u) => n + u.byteLength, 0)).toBeGreaterThan(29e6);

    // The room loads on connect (not measured: that is the board's own first open); its step 1 says so.
    const ws = new WebSocket(`${srv.wsUrl}/${b.id}?key=${b.team}`);
    await firstMessage(ws);

    const latencies: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t0 = performance.now();
        const res = await fetch(`${srv!.url}/api/health`);
        await res.text();
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    // A second of polls with nothing compacting: what this (shared, noisy) machine does anyway.
    await new Promise((r) => setTimeout(r, 1000));
    const baseline = Math.max(...latencies.splice(0));

    // One small write: the flush after it finds the log past COMPACT_AFTER_BYTES and compacts.
    const client = new Y.Doc();
    client.getMap('m').set('poke', 1);
    ws.send(encodeUpdate(Y.encodeStateAsUpdate(client)));
    await vi.waitFor(async () => expect((await srv!.app.store.logSize(b.id)).count).toBe(0), {
      timeout: 20_000,
      interval: 50,
    });
    await new Promise((r) => setTimeout(r, 100));
    polling = false;
    await poller;
    ws.close();

    const { snapshot } = await srv.app.store.loadDoc(b.id);
    const folded = new Y.Doc();
    Y.applyUpdate(folded, snapshot!);
    expect(folded.getMap('stories').size).toBe(7500);
    expect(folded.getMap('m').get('poke')).toBe(1);
    const worst = Math.max(...latencies);
    console.log(
      `health: ${latencies.length} polls while compacting, worst ${worst.toFixed(0)} ms (idle: ${baseline.toFixed(0)} ms)`,
    );
    // The in-process fold blocked the event loop 0.6–1.1 s on this board (more on a loaded machine);
    // off-thread, compacting adds nothing measurable to what the machine's own noise does.
    expect(worst).toBeLessThan(250 + baseline);
  }, 60_000);
});
