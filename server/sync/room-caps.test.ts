import { describe, expect, it } from 'vitest';
import { CLOSE } from '../../lib/realtime/wire';
import { FakePeer, makeRoom } from './room-test-kit';

const limits = { maxConnectionsPerBoard: 5, writerReservedConnections: 2 };

describe('Room: connection caps per role', () => {
  it('lets view links take at most the cap minus the reserve; owner and team still get in', () => {
    const { room } = makeRoom({ limits });
    const views = [1, 2, 3, 4].map((i) => new FakePeer(`v${i}`, 'view'));
    expect(views.map((v) => room.add(v))).toEqual([true, true, true, false]);
    expect(views[3]!.closedWith?.code).toBe(CLOSE.tooManyConnections);
    expect(room.add(new FakePeer('owner', 'owner'))).toBe(true);
    expect(room.add(new FakePeer('team', 'team'))).toBe(true);
  });

  it('a writer at a full board sheds the newest view socket; with no view left, 4429', () => {
    const { room, emptied } = makeRoom({ limits });
    const views = [1, 2, 3].map((i) => new FakePeer(`v${i}`, 'view'));
    for (const v of views) room.add(v);
    room.add(new FakePeer('t1'));
    room.add(new FakePeer('t2'));
    const t3 = new FakePeer('t3');
    expect(room.add(t3)).toBe(true);
    expect(views.map((v) => v.closedWith?.code ?? null)).toEqual([null, null, CLOSE.tooManyConnections]);
    expect(room.add(new FakePeer('late', 'view'))).toBe(false);
    room.add(new FakePeer('t4'));
    room.add(new FakePeer('t5'));
    expect(views.every((v) => v.closedWith?.code === CLOSE.tooManyConnections)).toBe(true);
    const t6 = new FakePeer('t6');
    expect(room.add(t6)).toBe(false);
    expect(t6.closedWith?.code).toBe(CLOSE.tooManyConnections);
    expect(emptied).toEqual([]);
  });

  it('shedding the only peer for a writer does not empty the room', () => {
    const { room, emptied } = makeRoom({
      limits: { maxConnectionsPerBoard: 1, writerReservedConnections: 0 },
    });
    const v = new FakePeer('v', 'view');
    expect(room.add(v)).toBe(true);
    expect(room.add(new FakePeer('t'))).toBe(true);
    expect(v.closedWith?.code).toBe(CLOSE.tooManyConnections);
    expect([room.idle, emptied.length]).toEqual([false, 0]);
  });
});
