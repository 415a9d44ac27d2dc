import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { boardWithStories, startServer, tempDir, type TestServer } from './helpers/server';
import { spawnServer, type ChildServer } from './helpers/child';
import { closeSessions, joined, sessionClient, type SessionClient } from './helpers/session-client';
import { dropTestSchemas, testSchema } from './helpers/pg-schemas';

/** Pre-votes (#17 item 3): kept in the store, never on the wire before the round's reveal. */
const DB = process.env.TEST_DATABASE_URL;
const REDIS = process.env.TEST_REDIS_URL;
let servers: TestServer[] = [];
const children: ChildServer[] = [];
afterEach(async () => {
  closeSessions();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await Promise.all(children.splice(0).map((c) => c.kill()));
});
afterAll(() => dropTestSchemas(DB));

const idOf = (c: SessionClient, name: string) => c.state()!.participants.find((p) => p.name === name)!.id;

/** No packet a client received carries a pre-vote's value (nor any `votes` before reveal). */
function expectNoValues(clients: SessionClient[], values: string[]) {
  for (const c of clients) {
    const seen = c.packets.join('\n');
    for (const v of [...values.map((x) => `"${x}"`), 'votes']) expect(seen).not.toContain(v);
  }
}

describe('pre-votes', () => {
  it('are cast at home, survive a restart, count into the round, and stay secret until reveal', async () => {
    const dataDir = tempDir();
    let srv = await startServer({}, dataDir);
    servers.push(srv);
    const {
      board,
      storyIds: [storyId, other],
    } = await boardWithStories({ url: srv.url, wsUrl: srv.wsUrl }, 'Async', [
      { title: 'Gift cards', why: 'Holders abandon carts' },
      { title: 'Saved carts', why: 'Returning shoppers' },
    ]);
    const owner = sessionClient(srv.url, board.id, board.owner, { id: 'po', name: 'Paula' });
    const dana = sessionClient(srv.url, board.id, board.team, { id: 'dana', name: 'Dana' });
    const eli = sessionClient(srv.url, board.id, board.team, { id: 'eli', name: 'Eli' });
    const vic = sessionClient(srv.url, board.id, board.view, { id: 'vic', name: 'Vic' });
    await Promise.all([owner, dana, eli, vic].map(joined));
    await vi.waitFor(() => expect(owner.state()!.participants).toHaveLength(4));
    const ids = { dana: idOf(owner, 'Dana'), eli: idOf(owner, 'Eli') };

    const cast = (c: SessionClient, value: string, scale = 'fibonacci', s = storyId) =>
      c.call('prevote:cast', { storyId: s, scale, value });
    expect(await cast(dana, '8')).toEqual({ ok: true });
    expect(await cast(dana, '13')).toEqual({ ok: true }); // changed her mind
    expect(await cast(eli, '21')).toEqual({ ok: true });
    expect(await cast(eli, '3', 'tshirt')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await cast(eli, '3', 'understanding')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await cast(vic, '5')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await cast(dana, '5', 'fibonacci', 'nosuchstory0')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await cast(eli, '2', 'fibonacci', other)).toEqual({ ok: true });
    await vi.waitFor(() =>
      expect(vic.state()!.prevoted).toEqual([
        { storyId: [storyId, other].sort()[0], scale: 'fibonacci', userIds: expect.any(Array) },
        { storyId: [storyId, other].sort()[1], scale: 'fibonacci', userIds: expect.any(Array) },
      ]),
    );
    const onStory = vic.state()!.prevoted.find((p) => p.storyId === storyId)!;
    expect(onStory.userIds.sort()).toEqual([ids.dana, ids.eli].sort());
    // Nobody — the owner included, the voters themselves included — received a value.
    expectNoValues([owner, dana, eli, vic], ['13', '21', '8', '2']);

    // Next day: the server restarted in between.
    closeSessions();
    await srv.close();
    srv = await startServer({}, dataDir);
    servers = [srv];
    const po = sessionClient(srv.url, board.id, board.owner, { id: 'po', name: 'Paula' });
    const dana2 = sessionClient(srv.url, board.id, board.team, { id: 'dana', name: 'Dana' });
    await Promise.all([po, dana2].map(joined));
    expect(
      po
        .state()!
        .prevoted.find((p) => p.storyId === storyId)
        ?.userIds.sort(),
    ).toEqual([ids.dana, ids.eli].sort());
    // A pre-vote on the tshirt scale does not join a Fibonacci round, and vice versa.
    expect(await po.call('round:start', { storyId, scale: 'fibonacci' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(po.state()!.round?.voterIds.sort()).toEqual([ids.dana, ids.eli].sort()));
    // Taken by the round: no longer listed as pre-votes; the other story's stays.
    await vi.waitFor(() => expect(po.state()!.prevoted.map((p) => p.storyId)).toEqual([other]));
    // In the round a pre-vote is cast again by voting; Dana changes hers.
    expect(await dana2.call('round:vote', { value: '5' })).toEqual({ ok: true });
    expect(await dana2.call('prevote:cast', { storyId, scale: 'fibonacci', value: '3' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expectNoValues([po, dana2], ['13', '21', '5', '3', '2']);
    expect(await po.call('round:reveal')).toEqual({ ok: true });
    await vi.waitFor(() => expect(po.state()!.round?.revealed).toBe(true));
    expect(po.state()!.round!.votes).toEqual({ [ids.dana]: '5', [ids.eli]: '21' });
  });
});

describe.runIf(DB && REDIS)('pre-votes across instances (PostgreSQL + Redis)', () => {
  it('a pre-vote cast on B joins a round started on A; no value crosses before reveal', async () => {
    const env = { DATABASE_URL: DB!, DATABASE_SCHEMA: testSchema('p'), REDIS_URL: REDIS! };
    const a = await spawnServer(tempDir(), env);
    const b = await spawnServer(tempDir(), env);
    children.push(a, b);
    const {
      board,
      storyIds: [storyId],
    } = await boardWithStories({ url: a.url, wsUrl: a.wsUrl }, 'Two', [{ title: 'S', why: 'w' }]);
    const owner = sessionClient(a.url, board.id, board.owner, { id: 'po', name: 'Paula' });
    const dana = sessionClient(b.url, board.id, board.team, { id: 'dana', name: 'Dana' });
    await Promise.all([owner, dana].map(joined));
    await vi.waitFor(() => expect(owner.state()!.participants).toHaveLength(2));
    const danaId = idOf(owner, 'Dana');
    expect(await dana.call('prevote:cast', { storyId, scale: 'powers', value: '16' })).toEqual({ ok: true });
    await vi.waitFor(() =>
      expect(owner.state()!.prevoted).toEqual([{ storyId, scale: 'powers', userIds: [danaId] }]),
    );
    expect(await owner.call('round:start', { storyId, scale: 'powers' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(dana.state()!.round?.voterIds).toEqual([danaId]));
    expectNoValues([owner, dana], ['16']);
    expect(await owner.call('round:reveal')).toEqual({ ok: true });
    await vi.waitFor(() => expect(dana.state()!.round?.votes).toEqual({ [danaId]: '16' }));
  });
});
