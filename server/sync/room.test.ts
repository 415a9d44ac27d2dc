import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../lib/realtime/wire';
import { createLogger } from '../log';
import { encodeSyncStep1, encodeSyncStep2FromUpdate, encodeUpdate } from './protocol';
import { applyRemote } from './room-remote';
import { BOARD, FakePeer, change, contentOf, makeRoom, turn } from './room-test-kit';
import type { Room } from './room';

/**
 * The room's rules, pinned one by one with fake peers and an in-memory document log whose appends
 * the test holds open: nothing here depends on how long anything takes.
 */

/** Adds a peer and has it ask for the state (as every client does first), so relays reach it. */
function join(room: Room, peer: FakePeer, doc = new Y.Doc()): FakePeer {
  expect(room.add(peer)).toBe(true);
  room.receive(peer, encodeSyncStep1(doc));
  return peer;
}

const send = (room: Room, peer: FakePeer, update: Uint8Array) => room.receive(peer, encodeUpdate(update));

describe('Room: persist before relay', () => {
  it('relays and acknowledges an update only after its append resolves, and relays what it stored', async () => {
    const { room, log } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const b = join(room, new FakePeer('b'));
    const gate = log.holdAppends();
    send(room, a, change(new Y.Doc(), 'title', 'hello'));
    await log.appendCalled(1);
    await turn();
    expect(room.doc.getMap('m').get('title')).toBe('hello'); // applied…
    expect(b.updates).toEqual([]); // …but neither relayed
    expect(a.acks).toEqual([]); // nor acknowledged
    gate.release();
    await room.whenClean();
    expect(a.acks).toEqual([1]);
    expect(a.updates).toEqual([]); // the author is not echoed
    expect(b.updates).toHaveLength(1);
    const stored = (await log.inner.loadDoc(BOARD)).updates;
    expect(stored).toEqual(b.updates); // Yjs's own re-encoding: stored, then those very bytes relayed
    expect(contentOf(...stored)).toEqual({ title: 'hello' });
  });

  it('stores everything read in one turn in one append and relays it as one message', async () => {
    const { room, log } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const b = join(room, new FakePeer('b'));
    const c = join(room, new FakePeer('c'));
    send(room, a, change(new Y.Doc(), 'x', 1));
    send(room, b, change(new Y.Doc(), 'y', 2));
    await log.appendCalled(1);
    await room.whenClean();
    expect(log.appendCalls.map((batch) => batch.length)).toEqual([2]);
    expect(c.updates).toHaveLength(1);
    expect(contentOf(...c.updates)).toEqual({ x: 1, y: 2 });
    // Two authors: each gets the merge, its own change included (a no-op for its Yjs).
    expect(contentOf(...a.updates)).toEqual({ x: 1, y: 2 });
    expect([a.acks, b.acks]).toEqual([[1], [1]]);
  });

  it('acknowledges the running count of update-bearing messages, empty ones included', async () => {
    const { room } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const doc = new Y.Doc();
    send(room, a, change(doc, 'k', 1));
    send(room, a, Y.encodeStateAsUpdate(new Y.Doc())); // empty: nothing to store, still counted
    await turn();
    await room.whenClean();
    send(room, a, change(doc, 'k', 2));
    await turn();
    await room.whenClean();
    expect(a.acks).toEqual([2, 3]);
  });

  it('a failed append relays nothing, acknowledges nothing, closes every peer with 4503 and fails the room', async () => {
    const { room, log, emptied } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const b = join(room, new FakePeer('b'));
    const gate = log.holdAppends();
    send(room, a, change(new Y.Doc(), 'lost', true));
    await log.appendCalled(1);
    gate.fail(new Error('disk full'));
    await turn();
    expect(b.updates).toEqual([]);
    expect(a.acks).toEqual([]);
    expect(a.closedWith?.code).toBe(CLOSE.storeUnavailable);
    expect(b.closedWith?.code).toBe(CLOSE.storeUnavailable);
    expect(room.state).toBe('failed');
    expect(emptied).toEqual([room]);
    expect((await log.inner.loadDoc(BOARD)).updates).toEqual([]);
  });

  it('a view peer’s content is refused: never applied, stored, relayed or acknowledged', async () => {
    const { room, log } = makeRoom();
    const viewer = join(room, new FakePeer('v', 'view'));
    const b = join(room, new FakePeer('b'));
    send(room, viewer, change(new Y.Doc(), 'sneaky', 1));
    await turn();
    await room.whenClean();
    expect(viewer.denied).toEqual(['This is a view-only link: changes are not saved.']);
    expect(viewer.closedWith).toBeNull();
    expect(viewer.acks).toEqual([]);
    expect(room.doc.getMap('m').toJSON()).toEqual({});
    expect(log.appendCalls.flat()).toEqual([]);
    expect(b.updates).toEqual([]);
  });
});

describe('Room: sync step 2 at clean points', () => {
  it('answers a step 1 that arrives while an append is in flight only after it, with the change in the answer', async () => {
    const { room, log } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const gate = log.holdAppends();
    send(room, a, change(new Y.Doc(), 'title', 'v1'));
    await log.appendCalled(1);
    const c = join(room, new FakePeer('c'));
    expect(c.step2s).toEqual([]); // the doc holds a change the store does not: no answer from it
    gate.release();
    await room.whenClean();
    expect(c.step2s).toHaveLength(1);
    expect(contentOf(...c.step2s)).toEqual({ title: 'v1' });
    expect(c.updates).toEqual([]); // the relay held for c is in its answer, so it was dropped
  });

  it('holds updates that arrive while an answer waits, unapplied, until the clean point', async () => {
    const { room, log } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const b = join(room, new FakePeer('b'));
    const gate = log.holdAppends();
    send(room, a, change(new Y.Doc(), 'first', 1));
    await log.appendCalled(1);
    const c = join(room, new FakePeer('c')); // its answer waits
    send(room, b, change(new Y.Doc(), 'second', 2));
    await turn();
    expect(room.doc.getMap('m').get('second')).toBeUndefined(); // held, not applied
    expect(log.appendCalls).toHaveLength(1);
    gate.release();
    await log.appendCalled(2);
    await room.whenClean();
    expect(contentOf(...c.step2s)).toEqual({ first: 1 }); // answered before the held update went in
    expect(contentOf(...c.updates)).toEqual({ second: 2 }); // which then reached c as a relay
    expect(contentOf(...(await log.inner.loadDoc(BOARD)).updates)).toEqual({ first: 1, second: 2 });
    expect(b.acks).toEqual([1]);
  });

  it('drops a held update whose peer closed before the clean point', async () => {
    const { room, log } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const b = join(room, new FakePeer('b'));
    const gate = log.holdAppends();
    send(room, a, change(new Y.Doc(), 'first', 1));
    await log.appendCalled(1);
    join(room, new FakePeer('c'));
    send(room, b, change(new Y.Doc(), 'second', 2));
    b.open = false;
    gate.release();
    await room.whenClean();
    await turn();
    expect(log.appendCalls).toHaveLength(1);
    expect(room.doc.getMap('m').get('second')).toBeUndefined();
  });
});

describe('Room: relays held until a peer’s step 1 is answered', () => {
  it('sends a peer no relays before its answer; the answer carries them; relays flow after', async () => {
    const { room } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const c = new FakePeer('c');
    room.add(c);
    const doc = new Y.Doc();
    send(room, a, change(doc, 'one', 1));
    await turn();
    await room.whenClean();
    expect(c.updates).toEqual([]);
    room.receive(c, encodeSyncStep1(new Y.Doc()));
    expect(contentOf(...c.step2s)).toEqual({ one: 1 });
    send(room, a, change(doc, 'two', 2));
    await turn();
    await room.whenClean();
    expect(c.updates).toHaveLength(1);
    expect(contentOf(...c.step2s, ...c.updates)).toEqual({ one: 1, two: 2 });
  });

  it('past 256 held relays, a peer that never asks is sent them all', async () => {
    const { room } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const silent = new FakePeer('s');
    room.add(silent);
    const doc = new Y.Doc();
    for (let i = 0; i < 257; i++) {
      send(room, a, change(doc, 'n', i));
      await turn();
    }
    await room.whenClean();
    expect(silent.updates).toHaveLength(257);
    expect(contentOf(...silent.updates)).toEqual({ n: 256 });
  });
});

describe('Room: cold load from one snapshot (deferred)', () => {
  const snapshotOf = (content: Record<string, unknown>) => {
    const doc = new Y.Doc();
    for (const [k, v] of Object.entries(content)) doc.getMap('m').set(k, v);
    return { doc, snapshot: Y.encodeStateAsUpdate(doc) };
  };

  it('answers a fresh peer’s empty step 1 with the stored snapshot before integrating it', async () => {
    const { snapshot } = snapshotOf({ title: 'stored' });
    const { room } = makeRoom({ stored: { snapshot, updates: [], lastUpdateId: 0 } });
    const a = new FakePeer('a');
    room.add(a);
    expect(a.step1s).toEqual([]); // no state vector to offer before the doc is whole
    room.receive(a, encodeSyncStep1(new Y.Doc()));
    expect(a.frames.at(-1)).toEqual(encodeSyncStep2FromUpdate(snapshot)); // the stored bytes themselves
    expect(room.doc.getMap('m').toJSON()).toEqual({}); // not yet integrated
    await turn();
    expect(room.doc.getMap('m').toJSON()).toEqual({ title: 'stored' });
    expect(a.step1s).toEqual([Y.encodeStateVector(room.doc)]); // and now the server asks
  });

  it('keeps any other message until the snapshot is integrated, in order, then serves it', async () => {
    const { doc: client, snapshot } = snapshotOf({ title: 'stored' });
    const { room, log } = makeRoom({ stored: { snapshot, updates: [], lastUpdateId: 0 } });
    const b = new FakePeer('b');
    room.add(b);
    room.receive(b, encodeSyncStep1(client)); // a returning client: its vector is not empty
    send(room, b, change(client, 'title', 'edited'));
    expect(b.step2s).toEqual([]);
    expect(log.appendCalls).toEqual([]);
    await turn();
    await log.appendCalled(1);
    await room.whenClean();
    expect(b.step2s).toHaveLength(1);
    expect(room.doc.getMap('m').get('title')).toBe('edited');
    expect(b.acks).toEqual([1]);
    expect(contentOf(snapshot, ...(await log.inner.loadDoc(BOARD)).updates)).toEqual({ title: 'edited' });
  });

  it('a server edit on a cold room integrates the snapshot first', async () => {
    const { snapshot } = snapshotOf({ a: 1 });
    const { room } = makeRoom({ stored: { snapshot, updates: [], lastUpdateId: 0 } });
    await room.serverEdit((doc) => doc.getMap('m').set('b', 2));
    expect(room.doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
  });
});

describe('Room: server edits and other instances', () => {
  it('a server edit resolves once stored and reaches every peer', async () => {
    const { room, log } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const gate = log.holdAppends();
    let done = false;
    const edit = room.serverEdit((doc) => doc.getMap('m').set('estimate', '5')).then(() => (done = true));
    await log.appendCalled(1);
    await turn();
    expect([done, a.updates.length]).toEqual([false, 0]);
    gate.release();
    await edit;
    expect(contentOf(...a.updates)).toEqual({ estimate: '5' });
    expect(contentOf(...(await log.inner.loadDoc(BOARD)).updates)).toEqual({ estimate: '5' });
  });

  it('a server edit rejects when its append fails', async () => {
    const { room, log } = makeRoom();
    const gate = log.holdAppends();
    const edit = room.serverEdit((doc) => doc.getMap('m').set('x', 1));
    await log.appendCalled(1);
    gate.fail(new Error('disk full'));
    await expect(edit).rejects.toThrow('storage unavailable');
  });

  it('a server edit waiting for its append settles when the room is discarded meanwhile', async () => {
    const { room, log } = makeRoom();
    const gate = log.holdAppends();
    const edit = room.serverEdit((doc) => doc.getMap('m').set('x', 1));
    await log.appendCalled(1);
    room.discard();
    gate.release();
    await expect(edit).rejects.toThrow('room closed');
  });

  it('an update from another instance is relayed to peers and never stored again', async () => {
    const { room, log } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const remote = change(new Y.Doc(), 'from', 'elsewhere');
    applyRemote(room, { kind: 'update', from: 'other', payload: remote }, createLogger('silent'));
    await turn();
    expect(contentOf(...a.updates)).toEqual({ from: 'elsewhere' });
    expect(log.appendCalls).toEqual([]);
  });
});

describe('Room: lifecycle and unload', () => {
  it('unload waits for the append in flight, then compacts the log into one snapshot and closes', async () => {
    const { room, log } = makeRoom();
    const a = join(room, new FakePeer('a'));
    const gate = log.holdAppends();
    send(room, a, change(new Y.Doc(), 'kept', true));
    await log.appendCalled(1);
    let unloaded = false;
    const unload = room.unload().then(() => (unloaded = true));
    await turn();
    expect([unloaded, room.state, log.compactCalls]).toEqual([false, 'open', 0]);
    gate.release();
    await unload;
    expect(room.state).toBe('closed');
    expect(log.compactCalls).toBe(1);
    const stored = await log.inner.loadDoc(BOARD);
    expect(stored.updates).toEqual([]);
    expect(contentOf(stored.snapshot!)).toEqual({ kept: true });
  });

  it('unload with nothing logged since the load does not compact', async () => {
    const { room, log } = makeRoom();
    await room.unload();
    expect([room.state, log.compactCalls]).toEqual(['closed', 0]);
  });

  it('compacts the log once it passes the threshold', async () => {
    const { room, log } = makeRoom({ limits: { compactAfterUpdates: 3 } });
    const a = join(room, new FakePeer('a'));
    const doc = new Y.Doc();
    for (let i = 0; i < 3; i++) {
      send(room, a, change(doc, `k${i}`, i));
      await turn();
    }
    await room.whenClean();
    const stored = await log.inner.loadDoc(BOARD);
    expect([log.compactCalls, stored.updates.length]).toEqual([1, 0]);
    expect(contentOf(stored.snapshot!)).toEqual({ k0: 0, k1: 1, k2: 2 });
  });

  it('is idle only with no peers and no holds, and reports when its last peer leaves', () => {
    const { room, emptied } = makeRoom();
    expect(room.idle).toBe(true);
    room.hold();
    expect(room.idle).toBe(false);
    const a = new FakePeer('a');
    room.add(a);
    room.release();
    expect(room.idle).toBe(false);
    room.remove(a);
    expect(room.idle).toBe(true);
    expect(emptied).toEqual([room]);
    room.remove(a); // a second close is no news
    expect(emptied).toEqual([room]);
  });

  it('a room that is not open refuses peers with 4500; a full one with 4429', () => {
    const full = makeRoom({ limits: { maxConnectionsPerBoard: 1 } }).room;
    expect(full.add(new FakePeer('a'))).toBe(true);
    const extra = new FakePeer('b');
    expect(full.add(extra)).toBe(false);
    expect(extra.closedWith?.code).toBe(CLOSE.tooManyConnections);
    const { room } = makeRoom();
    room.discard();
    expect(room.state).toBe('closed');
    const late = new FakePeer('late');
    expect(room.add(late)).toBe(false);
    expect(late.closedWith?.code).toBe(CLOSE.serverRestarting);
  });
});

describe('Room: hostile input cuts off its sender, never the room', () => {
  it('closes a malformed message’s sender with 4400; others carry on', async () => {
    const { room } = makeRoom();
    const bad = join(room, new FakePeer('bad'));
    const good = join(room, new FakePeer('good'));
    room.receive(bad, new Uint8Array([0, 2, 200, 1, 2]));
    expect(bad.closedWith?.code).toBe(CLOSE.malformed);
    send(room, good, change(new Y.Doc(), 'fine', true));
    await turn();
    await room.whenClean();
    expect(good.acks).toEqual([1]);
  });

  it('refuses an update past the document size limit with permission-denied and 4414', async () => {
    const { room, log } = makeRoom({ limits: { maxDocBytes: 64 } });
    const a = join(room, new FakePeer('a'));
    send(room, a, change(new Y.Doc(), 'big', 'x'.repeat(100)));
    expect(a.denied).toEqual(['This board has reached its size limit.']);
    expect(a.closedWith?.code).toBe(CLOSE.docTooLarge);
    await turn();
    expect(log.appendCalls).toEqual([]);
  });

  it('closes a peer past its message budget with 4430, and one over the size limit with 4413', () => {
    const { room } = makeRoom({ limits: { ratePerSec: 0, rateBurst: 2, maxMessageBytes: 16 } });
    const chatty = join(room, new FakePeer('chatty')); // 1
    room.receive(chatty, new Uint8Array([3])); // 2: query-awareness
    expect(chatty.closedWith).toBeNull();
    room.receive(chatty, new Uint8Array([3]));
    expect(chatty.closedWith?.code).toBe(CLOSE.rateLimited);
    const big = join(room, new FakePeer('big'));
    room.receive(big, new Uint8Array(17));
    expect(big.closedWith?.code).toBe(CLOSE.tooLarge);
  });
});
