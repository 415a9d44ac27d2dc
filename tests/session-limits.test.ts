import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boardWithStories, createBoard, type TestBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { destroyAll } from './helpers/clients';
import {
  closeSessions,
  connectError,
  joined,
  sessionClient,
  type SessionClient,
  uid,
  uids,
} from './helpers/session-client';

// Issue #15 item 5: amplification, ghost hands, a socket cap per board, rate limits on every event.
const CAP = 45;
const srv = useTestServer({ env: { MAX_SESSION_SOCKETS_PER_BOARD: String(CAP) } });
let board: TestBoard;
let storyId: string;

beforeEach(async () => {
  ({
    board,
    storyIds: [storyId],
  } = await boardWithStories(srv, 'Session limits', [{ title: 'Focus me' }]));
});
afterEach(() => {
  closeSessions();
  destroyAll();
});

/** Bytes of every engine.io message this client received since the last reset. */
function countBytes(c: SessionClient) {
  let bytes = 0;
  c.io.engine.on('data', (d: unknown) => {
    bytes += typeof d === 'string' ? Buffer.byteLength(d) : ((d as ArrayBuffer).byteLength ?? 0);
  });
  return { read: () => bytes, reset: () => void (bytes = 0) };
}

function many(n: number, key: string, prefix: string, boardId = board.id): SessionClient[] {
  return Array.from({ length: n }, (_, i) =>
    sessionClient(srv.url, boardId, key, { id: `${prefix}${i}`, name: `${prefix} ${i}` }),
  );
}

describe('session channel limits', () => {
  it('40 view sockets x 10 follow:set: each socket gets a bounded number of state messages, not one per event', async () => {
    const VIEWERS = 40;
    const EVENTS = 10;
    const owner = sessionClient(srv.url, board.id, board.owner, { id: 'po', name: 'Paula' });
    const viewers = many(VIEWERS, board.view, 'v');
    const meters = viewers.map(countBytes);
    await Promise.all([owner, ...viewers].map(joined));
    await vi.waitFor(() => {
      for (const v of viewers) expect(v.state()!.participants).toHaveLength(VIEWERS + 1);
    });
    for (const m of meters) m.reset();

    const acks = await Promise.all(
      viewers.flatMap((v) =>
        Array.from({ length: EVENTS }, (_, i) => v.call('follow:set', { on: i % 2 === 0 })),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    // A marker after the flood: its state is the last one, and it says everyone stopped following.
    expect(await owner.call('focus:set', { storyId })).toEqual({ ok: true });
    await vi.waitFor(() => {
      for (const v of viewers) {
        expect(v.state()!.focus?.storyId).toBe(storyId);
        expect(v.state()!.participants.every((p) => !p.following)).toBe(true);
      }
    });

    const stateBytes = Buffer.byteLength(JSON.stringify(viewers[0]!.state()));
    const total = meters.reduce((n, m) => n + m.read(), 0);
    // Before coalescing every socket got one state per event, VIEWERS x EVENTS = 400 each: 53.4 MB
    // here, against 0.28 MB now (one state per 50 ms tick). Allow 40 per socket, 10x under the old.
    expect(total).toBeLessThan(VIEWERS * 40 * stateBytes);
  });

  it('drops the hand and the follow flag of a user whose last socket left', async () => {
    const owner = sessionClient(srv.url, board.id, board.owner, {
      id: 'po',
      name: 'Paula',
    });
    const tab1 = sessionClient(srv.url, board.id, board.team, { id: 'dev1', name: 'Dana' });
    const tab2 = sessionClient(srv.url, board.id, board.team, { id: 'dev1', name: 'Dana' });
    const ghost = sessionClient(srv.url, board.id, board.team, { id: 'dev2', name: 'Eli' });
    await Promise.all([owner, tab1, tab2, ghost].map(joined));
    for (const c of [tab1, ghost]) {
      expect(await c.call('hand:set', { raised: true })).toEqual({ ok: true });
      expect(await c.call('follow:set', { on: true })).toEqual({ ok: true });
    }
    await vi.waitFor(() => expect([...owner.state()!.hands].sort()).toEqual(uids('dev1', 'dev2')));

    ghost.disconnect();
    tab2.disconnect(); // dev1 still has tab1 open: their hand stays
    await vi.waitFor(() => {
      expect(owner.state()!.hands).toEqual([uid('dev1')]);
      expect(
        owner
          .state()!
          .participants.map((p) => p.id)
          .sort(),
      ).toEqual(uids('dev1', 'po'));
    });
    expect(owner.state()!.participants.find((p) => p.id === uid('dev1'))?.following).toBe(true);

    tab1.disconnect();
    await vi.waitFor(() => {
      expect(owner.state()!.hands).toEqual([]);
      expect(owner.state()!.participants.map((p) => p.id)).toEqual([uid('po')]);
    });
    // Back again: the hand stays down, the user follows nobody until they say so.
    const back = sessionClient(srv.url, board.id, board.team, { id: 'dev1', name: 'Dana' });
    const st = await joined(back);
    expect(st.hands).toEqual([]);
    expect(st.participants.find((p) => p.id === uid('dev1'))?.following).toBe(false);
  });

  it('refuses the (cap+1)th socket on a board with a clear connect error; other boards are unaffected', async () => {
    const full = many(CAP, board.view, 'c');
    await Promise.all(full.map(joined));
    const extra = sessionClient(srv.url, board.id, board.owner, { id: 'late', name: 'Late' });
    const e = await connectError(extra);
    expect(e.data?.code).toBe('full');
    expect(e.message).toMatch(new RegExp(`full \\(${CAP} connections\\)`));

    const other = await createBoard(srv.url, 'elsewhere');
    await joined(sessionClient(srv.url, other.id, other.view, { id: 'o', name: 'O' }));
    full[0]!.disconnect();
    await vi.waitFor(async () => {
      const again = sessionClient(srv.url, board.id, board.owner, { id: 'late', name: 'Late' });
      try {
        await joined(again);
      } finally {
        if (!again.state()) again.disconnect();
      }
    });
  });

  it('rate-limits every event, refused and unknown ones included', async () => {
    const viewer = sessionClient(srv.url, board.id, board.view, { id: 'v', name: 'V' });
    await joined(viewer);
    const acks = await Promise.all([
      ...Array.from({ length: 40 }, () => viewer.call('round:vote', { value: '3' })),
      ...Array.from({ length: 40 }, () => viewer.call('no:such:event', {})),
    ]);
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(30);
    expect(codes).toContain('forbidden');
  });
});
