import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../lib/realtime/wire';
import { createLogger } from '../log';
import type { CompactResult, Fold } from '../store/store';
import { encodeSyncStep1, encodeUpdate } from './protocol';
import { applyRemote } from './room-remote';
import { BOARD, FakePeer, GatedLog, change, makeRoom, turn } from './room-test-kit';
import type { Room } from './room';
import { DocTooLargeError, parkedBytes } from './size';

/** The room's size accounting (MAX_DOC_BYTES on every path) and its compaction beside the appends. */

function join(room: Room, peer: FakePeer): FakePeer {
  expect(room.add(peer)).toBe(true);
  room.receive(peer, encodeSyncStep1(new Y.Doc()));
  return peer;
}
const send = (room: Room, peer: FakePeer, update: Uint8Array) => room.receive(peer, encodeUpdate(update));
const big = (key: string, bytes: number) => change(new Y.Doc(), key, 'x'.repeat(bytes));
const storedBytes = async (log: GatedLog) => {
  const { snapshot, updates } = await log.inner.loadDoc(BOARD);
  return (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0);
};

describe('Room: document size', () => {
  it('counts updates applied but not yet stored: two that fit alone but not together', async () => {
    const { room, log } = makeRoom({ limits: { maxDocBytes: 3000 } });
    const a = join(room, new FakePeer('a'));
    const b = join(room, new FakePeer('b'));
    const gate = log.holdAppends();
    send(room, a, big('x', 1800));
    send(room, b, big('y', 1800)); // same turn: the first is applied, not stored
    expect(b.closedWith?.code).toBe(CLOSE.docTooLarge);
    gate.release();
    await room.whenClean();
    expect(a.acks).toEqual([1]);
    expect(room.doc.getMap('m').has('y')).toBe(false);
    expect(await storedBytes(log)).toBeLessThanOrEqual(3000);
  });

  it('counts what Yjs keeps parked for missing dependencies', async () => {
    const { room } = makeRoom({ limits: { maxDocBytes: 5000 } });
    const peers = [join(room, new FakePeer('a')), join(room, new FakePeer('b'))];
    for (const [i, peer] of peers.entries()) {
      // The second change of a client whose first the room never saw: it cannot integrate.
      const doc = new Y.Doc();
      change(doc, `first${i}`, 1);
      send(room, peer, change(doc, `second${i}`, 'x'.repeat(3000)));
    }
    await turn();
    expect(parkedBytes(room.doc)).toBeLessThanOrEqual(5000);
  });

  it('counts what other instances stored', async () => {
    const { room } = makeRoom({ limits: { maxDocBytes: 5000 } });
    const a = join(room, new FakePeer('a'));
    applyRemote(room, { kind: 'update', from: 'other', payload: big('r', 3000) }, createLogger('silent'));
    send(room, a, big('x', 3000));
    expect(a.closedWith?.code).toBe(CLOSE.docTooLarge);
  });

  it('refuses a server edit past the limit before applying anything', async () => {
    const { room, log } = makeRoom({ limits: { maxDocBytes: 5000 } });
    await room.serverEdit((doc) => doc.getMap('m').set('a', 'x'.repeat(3000)), 3100);
    await expect(
      room.serverEdit((doc) => doc.getMap('m').set('b', 'x'.repeat(3000)), 3100),
    ).rejects.toBeInstanceOf(DocTooLargeError);
    expect(room.doc.getMap('m').has('b')).toBe(false);
    expect(log.appendCalls).toHaveLength(1);
    expect(room.fits(100)).toBe(true); // small edits still fit
  });
});

/** A log whose compactions wait for the test (the fold is held open). */
class HeldCompactions extends GatedLog {
  private foldGate: Promise<void> | null = null;
  release = () => undefined as void;

  holdCompactions() {
    this.foldGate = new Promise<void>((r) => (this.release = r));
  }

  override compact(boardId: string, fold: Fold): Promise<CompactResult> {
    const gate = this.foldGate;
    return super.compact(boardId, async (s, u) => {
      await gate;
      return fold(s, u);
    });
  }
}

describe('Room: compaction', () => {
  it('goes on beside the appends: updates during a compaction are stored and acked at once', async () => {
    const { room, log } = makeRoom({ limits: { compactAfterUpdates: 2 }, log: new HeldCompactions() });
    const a = join(room, new FakePeer('a'));
    log.holdCompactions();
    send(room, a, change(new Y.Doc(), 'x', 1));
    await turn();
    send(room, a, change(new Y.Doc(), 'y', 2));
    await room.whenClean();
    await turn();
    expect(log.compactCalls).toBe(1); // started, its fold held open
    send(room, a, change(new Y.Doc(), 'z', 3));
    await room.whenClean();
    expect(a.acks).toEqual([1, 2, 3]);
    log.release();
    await room.unload();
    const { snapshot, updates } = await log.inner.loadDoc(BOARD);
    const back = new Y.Doc();
    Y.applyUpdate(back, snapshot!);
    for (const u of updates) Y.applyUpdate(back, u);
    expect(back.getMap('m').toJSON()).toEqual({ x: 1, y: 2, z: 3 });
  });
});
