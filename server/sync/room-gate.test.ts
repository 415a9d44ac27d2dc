import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createStory } from '../../lib/board/ops';
import { VIEW_ONLY } from '../../lib/board/rules';
import { getStoryMap, readStories, roots } from '../../lib/board/schema';
import { encodeSyncStep1, encodeSyncStep2FromUpdate, encodeUpdate } from './protocol';
import { editOf, gateBoard } from './gate-test-kit';
import { BOARD, FakePeer, makeRoom, turn } from './room-test-kit';
import type { Room } from './room';
import { MISSING_REASON } from './write-gate';

/** The write gate in the room, with fake peers: what is refused is never applied, stored, relayed or acked. */

function boardRoom() {
  const board = gateBoard();
  const made = makeRoom({
    stored: { snapshot: Y.encodeStateAsUpdate(board.doc), updates: [], lastUpdateId: 0 },
  });
  made.room.applyDeferred();
  return { board, ...made };
}

function join(room: Room, peer: FakePeer): FakePeer {
  expect(room.add(peer)).toBe(true);
  room.receive(peer, encodeSyncStep1(new Y.Doc()));
  return peer;
}

const send = (room: Room, peer: FakePeer, update: Uint8Array) => room.receive(peer, encodeUpdate(update));

async function settle(room: Room) {
  await turn();
  await room.whenClean();
}

describe('Room: the write gate', () => {
  it('refuses a team write of an owner-only field whole: nothing applied, stored, relayed or acked', async () => {
    const { board, room, log } = boardRoom();
    const team = join(room, new FakePeer('t', 'team'));
    const other = join(room, new FakePeer('o', 'owner'));
    // One update with an allowed part (a title edit) and a forbidden one (the estimate).
    send(
      room,
      team,
      editOf(board, (d) =>
        d.transact(() => {
          getStoryMap(d, board.story)!.set('rank', 'a9');
          getStoryMap(d, board.story)!.set('estimate', '40');
        }),
      ),
    );
    await settle(room);
    expect(team.denied).toEqual(["Only the facilitator's accept sets a story's estimate."]);
    expect(team.closedWith).toBeNull();
    expect(team.acks).toEqual([]);
    expect(getStoryMap(room.doc, board.story)!.get('rank')).not.toBe('a9');
    expect(getStoryMap(room.doc, board.story)!.get('estimate')).toBeUndefined();
    expect(log.appendCalls.flat()).toEqual([]);
    expect(other.updates).toEqual([]);
  });

  it('applies, stores and acks an allowed team write after a refused one; the ack counts only what is stored', async () => {
    const { board, room, log } = boardRoom();
    const team = join(room, new FakePeer('t', 'team'));
    send(
      room,
      team,
      editOf(board, (d) => roots(d).stories.delete(board.story)),
    ); // refused
    send(
      room,
      team,
      editOf(board, (d) => createStory(d, { title: 'Fine', createdBy: 't' })),
    ); // stored
    await settle(room);
    expect(team.denied).toHaveLength(1);
    expect(team.acks).toEqual([1]);
    expect(log.appendCalls.flat()).toHaveLength(1);
    expect(readStories(room.doc).map((s) => s.title)).toContain('Fine');
    expect(roots(room.doc).stories.has(board.story)).toBe(true);
  });

  it('refuses an update with missing dependencies: never pending, stored or acked, and says why', async () => {
    const { board, room, log } = boardRoom();
    const team = join(room, new FakePeer('t', 'team'));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(board.doc));
    createStory(client, { title: 'first', createdBy: 't' });
    const sv = Y.encodeStateVector(client);
    createStory(client, { title: 'second', createdBy: 't' });
    send(room, team, Y.encodeStateAsUpdate(client, sv));
    await settle(room);
    expect(team.denied).toEqual([MISSING_REASON]);
    expect(team.acks).toEqual([]);
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(room.doc.store.pendingDs).toBeNull();
    expect(log.appendCalls.flat()).toEqual([]);
    // A fresh client's answer carries nothing of it.
    const fresh = join(room, new FakePeer('f', 'view'));
    const got = new Y.Doc();
    for (const u of fresh.step2s) Y.applyUpdate(got, u);
    expect(readStories(got).map((s) => s.title)).not.toContain('second');
  });

  it('accepts a view peer’s step 2 that adds nothing silently, and acks it', async () => {
    const { board, room, log } = boardRoom();
    const viewer = join(room, new FakePeer('v', 'view'));
    // What a stock view client that already holds the board answers the server's step 1 with.
    const step2 = editOf(board, () => undefined);
    room.receive(viewer, encodeSyncStep2FromUpdate(step2));
    send(room, viewer, Y.encodeStateAsUpdate(board.doc)); // an echo of everything
    await settle(room);
    expect(viewer.denied).toEqual([]);
    expect(viewer.closedWith).toBeNull();
    expect(viewer.acks).toEqual([2]);
    expect(log.appendCalls.flat()).toEqual([]);
  });

  it('refuses a view peer’s step 2 that carries anything new', async () => {
    const { board, room } = boardRoom();
    const viewer = join(room, new FakePeer('v', 'view'));
    room.receive(
      viewer,
      encodeSyncStep2FromUpdate(editOf(board, (d) => createStory(d, { title: 'x', createdBy: 'v' }))),
    );
    await settle(room);
    expect(viewer.denied).toEqual([VIEW_ONLY]);
    expect(viewer.acks).toEqual([]);
    expect((await room.whenClean(), readStories(room.doc).map((s) => s.title))).not.toContain('x');
  });

  it('server edits are not gated by role', async () => {
    const { board, room, log } = boardRoom();
    await room.serverEdit((doc) => getStoryMap(doc, board.story)!.set('estimate', '8'));
    expect(getStoryMap(room.doc, board.story)!.get('estimate')).toBe('8');
    expect((await log.inner.loadDoc(BOARD)).updates).toHaveLength(1);
  });
});
