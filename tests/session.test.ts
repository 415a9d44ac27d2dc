import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readStories } from '../lib/board/schema';
import { boardWithStories, createBoard, type TestBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { destroyAll, stockProvider, synced } from './helpers/clients';
import {
  closeSessions,
  connectError,
  joined,
  sessionClient,
  type SessionClient,
  uid,
  uids,
} from './helpers/session-client';

const srv = useTestServer();
let board: TestBoard;
let storyId: string;
let otherStory: string;

// Each test gets its own board, so sockets closing from the last test never show up in this one.
beforeEach(async () => {
  ({
    board,
    storyIds: [storyId, otherStory],
  } = await boardWithStories(srv, 'Session board', [
    { title: 'Estimate me', why: 'so we can plan' },
    { title: 'Second', why: '' },
  ]));
});
afterEach(() => {
  closeSessions();
  destroyAll();
});

function actors() {
  const owner = sessionClient(srv.url, board.id, board.owner, { id: 'po', name: 'Paula PO' });
  const dev1 = sessionClient(srv.url, board.id, board.team, { id: 'dev1', name: 'Dana' });
  const dev2 = sessionClient(srv.url, board.id, board.team, { id: 'dev2', name: 'Eli' });
  const viewer = sessionClient(srv.url, board.id, board.view, { id: 'v1', name: 'Vic' });
  return { owner, dev1, dev2, viewer };
}

async function all(...cs: SessionClient[]) {
  await Promise.all(cs.map(joined));
  await vi.waitFor(() => {
    for (const c of cs) expect(c.state()!.participants.length).toBe(cs.length);
  });
}

describe('session channel', () => {
  it('refuses unknown boards, bad keys and malformed handshakes with a clear connect_error', async () => {
    const unknown = sessionClient(srv.url, 'nosuchboard99', board.team, { id: 'x', name: 'X' });
    expect((await connectError(unknown)).message).toMatch(/No board/);
    const bad = sessionClient(srv.url, board.id, 'wrong-wrong-wrong-wrong-wrong', { id: 'x', name: 'X' });
    const e = await connectError(bad);
    expect(e.message).toMatch(/not valid/);
    expect(e.data?.code).toBe('unauthorized');
    const malformed = sessionClient(srv.url, board.id, board.team, { id: '', name: '' });
    expect((await connectError(malformed)).message).toMatch(/Invalid handshake/);
  });

  it('runs a full estimation round; votes stay secret at the packet level until reveal; accept writes the estimate', async () => {
    const { owner, dev1, dev2, viewer } = actors();
    await all(owner, dev1, dev2, viewer);
    const outside = stockProvider(srv.wsUrl, board.id, board.view);
    await synced(outside);
    for (const c of [owner, dev2]) c.packets.length = 0;

    expect(await owner.call('round:start', { storyId, scale: 'tshirt' })).toEqual({ ok: true });
    expect(await dev1.call('round:vote', { value: 'XL' })).toEqual({ ok: true });
    expect(await dev2.call('round:vote', { value: 'XS' })).toEqual({ ok: true });
    expect(await dev1.call('round:vote', { value: 'XXL' })).toEqual({ ok: true }); // change of mind
    expect(await owner.call('round:vote', { value: 'M' })).toEqual({ ok: true });
    await vi.waitFor(() =>
      expect([...viewer.state()!.round!.voterIds].sort()).toEqual(uids('dev1', 'dev2', 'po')),
    );

    // Before reveal: no packet to the owner or another voter carries any vote value.
    for (const c of [owner, dev2]) {
      const seen = c.packets.join('\n');
      expect(seen).toContain('voterIds');
      for (const v of ['"XL"', '"XS"', '"XXL"', '"M"', 'votes']) expect(seen).not.toContain(v);
    }

    expect(await owner.call('round:reveal')).toEqual({ ok: true });
    await vi.waitFor(() => expect(dev2.state()!.round?.revealed).toBe(true));
    const round = dev2.state()!.round!;
    expect(round.votes).toEqual({ [uid('dev1')]: 'XXL', [uid('dev2')]: 'XS', [uid('po')]: 'M' });
    expect(round.stats).toMatchObject({ min: 'XS', max: 'XXL', median: 'M' });
    expect([...round.stats!.outliers].sort()).toEqual(uids('dev1', 'dev2'));
    expect(await dev1.call('round:vote', { value: 'S' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    expect(await owner.call('round:revote')).toEqual({ ok: true });
    await vi.waitFor(() => expect(dev1.state()!.round).toMatchObject({ revealed: false, voterIds: [] }));
    expect(dev1.state()!.round!.votes).toBeUndefined();
    await dev1.call('round:vote', { value: 'L' });
    await dev2.call('round:vote', { value: 'L' });
    await owner.call('round:reveal');
    expect(await owner.call('round:accept', { value: 'L' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(viewer.state()!.round).toBeNull());
    // Accepting wrote the estimate into the board doc (server origin), seen by a plain Yjs client.
    await vi.waitFor(() =>
      expect(readStories(outside.doc).find((s) => s.id === storyId)?.estimate).toBe('L'),
    );
  });

  it('enforces the permission matrix with forbidden acks and no state change', async () => {
    const { owner, dev1, dev2, viewer } = actors();
    await all(owner, dev1, dev2, viewer);
    const before = JSON.stringify({ ...owner.state()!, serverNow: 0, participants: [] });
    for (const [event, payload] of [
      ['focus:set', { storyId }],
      ['timer:start', { durationMs: 60_000 }],
      ['timer:pause', undefined],
      ['round:start', { storyId, scale: 'fibonacci' }],
      ['round:reveal', undefined],
      ['round:revote', undefined],
      ['round:accept', { value: '3' }],
    ] as const) {
      expect(await dev1.call(event, payload), event).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await viewer.call(event, payload), event).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    for (const [event, payload] of [
      ['round:vote', { value: '3' }],
      ['hand:set', { raised: true }],
      ['reaction:send', { emoji: '👍' }],
    ] as const) {
      expect(await viewer.call(event, payload), event).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await viewer.call('follow:set', { on: true })).toEqual({ ok: true });
    expect(JSON.stringify({ ...owner.state()!, serverNow: 0, participants: [] })).toBe(before);
  });

  it('answers bad input with invalid / conflict / not_found, never a crash', async () => {
    const { owner, dev1, dev2, viewer } = actors();
    await all(owner, dev1, dev2, viewer);
    expect(await dev1.call('round:vote', { value: '5' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await owner.call('round:start', { storyId: 'nope', scale: 'fibonacci' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await owner.call('round:start', { storyId, scale: 'bogus' })).toMatchObject({
      error: { code: 'invalid' },
    });
    await owner.call('round:start', { storyId, scale: 'fibonacci' });
    expect(await dev1.call('round:vote', { value: '4' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await dev1.call('round:vote', 'garbage')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await dev1.call('round:vote', { value: { $gt: 1 } })).toMatchObject({
      error: { code: 'invalid' },
    });
    expect(await owner.call('timer:start', { durationMs: -5 })).toMatchObject({ error: { code: 'invalid' } });
    expect(await owner.call('no:such:event', {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await owner.call('focus:set', { storyId: otherStory })).toEqual({ ok: true });
    await vi.waitFor(() => expect(dev1.state()!.focus).toEqual({ storyId: otherStory, by: uid('po') }));
    expect(await dev1.call('round:vote', { value: '5' })).toEqual({ ok: true });
  });

  it('caps a flood of reactions from one client without affecting others', async () => {
    const { owner, dev1, dev2, viewer } = actors();
    await all(owner, dev1, dev2, viewer);
    const received: string[] = [];
    owner.on('reaction', (r) => received.push(r.userId));
    const acks = await Promise.all(
      Array.from({ length: 20 }, () => dev1.call('reaction:send', { emoji: '🎉' })),
    );
    expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(6);
    expect(acks.some((a) => !a.ok && a.error.code === 'rate_limited')).toBe(true);
    expect(await dev2.call('reaction:send', { emoji: '👍' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(received).toContain(uid('dev2')));
  });

  it('keeps the timer and a vote across a reconnect; the server clock is the truth', async () => {
    const { owner, dev1, dev2, viewer } = actors();
    await all(owner, dev1, dev2, viewer);
    await owner.call('round:start', { storyId, scale: 'fibonacci' });
    await dev1.call('round:vote', { value: '8' });
    await owner.call('timer:start', { durationMs: 120_000 });
    await vi.waitFor(() => expect(dev1.state()!.timer.running).toBe(true));
    const endsAt = dev1.state()!.timer.endsAt!;
    expect(endsAt - dev1.state()!.serverNow).toBeLessThanOrEqual(120_000);
    dev1.disconnect();
    const again = sessionClient(srv.url, board.id, board.team, { id: 'dev1', name: 'Dana' });
    const st = await joined(again);
    expect(st.timer.endsAt).toBe(endsAt);
    expect(st.round?.voterIds).toContain(uid('dev1'));
    await owner.call('timer:pause');
    await vi.waitFor(() => expect(again.state()!.timer).toMatchObject({ running: false, endsAt: null }));
    expect(again.state()!.timer.remainingMs).toBeGreaterThan(100_000);
    await owner.call('timer:reset');
    await owner.call('round:revote');
  });

  it('rotating the team link closes team session sockets with a reason', async () => {
    const b = await createBoard(srv.url, 'rotate');
    const dev = sessionClient(srv.url, b.id, b.team, { id: 'd', name: 'D' });
    const owner = sessionClient(srv.url, b.id, b.owner, { id: 'o', name: 'O' });
    await all(dev, owner);
    const closed = new Promise<string>((r) => dev.once('session:closed', (e) => r(e.reason)));
    await fetch(`${srv.url}/api/boards/${b.id}/links/rotate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${b.owner}`, 'Content-Type': 'application/json' },
      body: '{"role":"team"}',
    });
    expect(await closed).toMatch(/replaced/);
    await vi.waitFor(() => expect(dev.connected).toBe(false));
    expect(owner.connected).toBe(true);
  });
});
