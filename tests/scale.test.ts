import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { addNote, createStory } from '../lib/board/ops';
import { readNotes, readStories, roots } from '../lib/board/schema';
import { createBoard, tempDir } from './helpers/server';
import { spawnServer, type ChildServer } from './helpers/child';
import { connect, destroyAll, saved, synced } from './helpers/clients';
import { closeSessions, joined, sessionClient, uid, uids } from './helpers/session-client';
import { freePort, startRedis, stop } from './helpers/redis-server';
import { dropTestSchemas, testSchema } from './helpers/pg-schemas';

const DB = process.env.TEST_DATABASE_URL;
const REDIS = process.env.TEST_REDIS_URL;
const servers: ChildServer[] = [];

afterEach(async () => {
  destroyAll();
  closeSessions();
  await Promise.all(servers.splice(0).map((s) => s.kill()));
});
afterAll(() => dropTestSchemas(DB));

/** N instances sharing one PostgreSQL schema and one Redis. */
async function cluster(n: number, redisUrl = REDIS!): Promise<ChildServer[]> {
  const env = {
    DATABASE_URL: DB!,
    DATABASE_SCHEMA: testSchema('s'),
    REDIS_URL: redisUrl,
  };
  // Start one first so migrations run once, then the rest (they would also be safe concurrently).
  const first = await spawnServer(tempDir(), env);
  const rest = await Promise.all(Array.from({ length: n - 1 }, () => spawnServer(tempDir(), env)));
  servers.push(first, ...rest);
  return [first, ...rest];
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

describe.runIf(DB && REDIS)('scale-out across instances', () => {
  it('clients on three instances co-edit one board and converge; presence crosses and leaves', async () => {
    const [a, b, c] = await cluster(3);
    const board = await createBoard(a!.url);
    const clients = [a!, b!, c!].map((s) => connect(s.wsUrl, board.id, board.team));
    await Promise.all(clients.map(synced));
    const storyId = createStory(clients[0]!.doc, { title: 'Across', why: '', createdBy: 'x' });
    await vi.waitFor(() => {
      for (const cl of clients) expect(roots(cl.doc).stories.has(storyId)).toBe(true);
    });
    clients.forEach((cl, i) =>
      addNote(cl.doc, { storyId, kind: 'idea', text: `from ${i}`, authorId: `${i}`, authorName: `${i}` }),
    );
    await vi.waitFor(() => {
      for (const cl of clients)
        expect(
          readNotes(cl.doc)
            .map((n) => n.text)
            .sort(),
        ).toEqual(['from 0', 'from 1', 'from 2']);
    });
    await Promise.all(clients.map(saved));

    clients[2]!.provider.awareness.setLocalState({
      user: { id: 'c', name: 'Cleo', color: '#0090ff', role: 'team' },
    });
    const cId = clients[2]!.doc.clientID;
    await vi.waitFor(() => expect(clients[0]!.provider.awareness.getStates().has(cId)).toBe(true));
    clients[2]!.destroy();
    await vi.waitFor(() => expect(clients[0]!.provider.awareness.getStates().has(cId)).toBe(false));
  });

  it('kill -9 of one instance mid-edit: its clients move to another and nothing relayed is lost', async () => {
    const [a, b] = await cluster(2);
    const board = await createBoard(a!.url);
    const writer = connect(a!.wsUrl, board.id, board.team);
    const observer = connect(b!.wsUrl, board.id, board.team);
    await Promise.all([synced(writer), synced(observer)]);
    const storyId = createStory(writer.doc, { title: 'Busy', why: '', createdBy: 'w' });
    const seen = new Set<string>();
    roots(observer.doc).notes.observeDeep(() => readNotes(observer.doc).forEach((n) => seen.add(n.text)));
    let i = 0;
    const writing = setInterval(
      () => addNote(writer.doc, { storyId, kind: 'idea', text: `n${++i}`, authorId: 'w', authorName: 'W' }),
      3,
    );
    await vi.waitFor(() => expect(seen.size).toBeGreaterThan(20));
    await a!.kill('SIGKILL');
    clearInterval(writing);
    // The writer's doc moves to instance B, like a client behind a load balancer reconnecting elsewhere.
    writer.destroy();
    const moved = connect(b!.wsUrl, board.id, board.team, writer.doc);
    await saved(moved);
    const fresh = connect(b!.wsUrl, board.id, board.view);
    await synced(fresh);
    const have = new Set(readNotes(fresh.doc).map((n) => n.text));
    expect([...seen].filter((t) => !have.has(t))).toEqual([]);
    // And the writer's unsent tail arrived too: everything it wrote is there.
    await vi.waitFor(() => expect(readNotes(observer.doc)).toHaveLength(i));
  });

  it('an estimation round with voters on two instances keeps votes secret until reveal', async () => {
    const [a, b] = await cluster(2);
    const board = await createBoard(a!.url);
    const w = connect(a!.wsUrl, board.id, board.team);
    await synced(w);
    const storyId = createStory(w.doc, { title: 'Estimate', why: '', createdBy: 'w' });
    await saved(w);
    const owner = sessionClient(a!.url, board.id, board.owner, { id: 'po', name: 'PO' });
    const dev1 = sessionClient(a!.url, board.id, board.team, { id: 'd1', name: 'D1' });
    const dev2 = sessionClient(b!.url, board.id, board.team, { id: 'd2', name: 'D2' });
    await Promise.all([owner, dev1, dev2].map(joined));
    await vi.waitFor(() =>
      expect(
        dev2
          .state()!
          .participants.map((p) => p.id)
          .sort(),
      ).toEqual(uids('d1', 'd2', 'po')),
    );
    for (const c of [owner, dev2]) c.packets.length = 0;
    expect(await owner.call('round:start', { storyId, scale: 'tshirt' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(dev2.state()!.round?.storyId).toBe(storyId));
    expect(await dev1.call('round:vote', { value: 'XL' })).toEqual({ ok: true });
    expect(await dev2.call('round:vote', { value: 'XS' })).toEqual({ ok: true });
    await vi.waitFor(() => expect([...owner.state()!.round!.voterIds].sort()).toEqual(uids('d1', 'd2')));
    for (const c of [owner, dev2])
      for (const v of ['"XL"', '"XS"', 'votes']) expect(c.packets.join('\n')).not.toContain(v);
    expect(await owner.call('round:reveal')).toEqual({ ok: true });
    await vi.waitFor(() =>
      expect(dev2.state()!.round?.votes).toEqual({ [uid('d1')]: 'XL', [uid('d2')]: 'XS' }),
    );
  });

  it('one secret is one person on both instances: the same derived id, one vote, updated across them', async () => {
    const [a, b] = await cluster(2);
    const board = await createBoard(a!.url);
    const w = connect(a!.wsUrl, board.id, board.team);
    await synced(w);
    const storyId = createStory(w.doc, { title: 'Estimate', why: '', createdBy: 'w' });
    await saved(w);
    const owner = sessionClient(a!.url, board.id, board.owner, { id: 'po', name: 'PO' });
    const onA = sessionClient(a!.url, board.id, board.team, { id: 'dana', name: 'Dana' });
    const onB = sessionClient(b!.url, board.id, board.team, { id: 'dana', name: 'Dana' });
    // A stranger on B who claims Dana's public id in `user` is still someone else.
    const claimer = sessionClient(b!.url, board.id, board.team, {
      id: 'eve',
      name: 'Dana',
      claimId: uid('dana'),
    });
    await Promise.all([owner, onA, onB, claimer].map(joined));
    await vi.waitFor(() => {
      for (const c of [owner, onB])
        expect(
          c
            .state()!
            .participants.map((p) => p.id)
            .sort(),
        ).toEqual(uids('dana', 'eve', 'po'));
    });
    expect(await owner.call('round:start', { storyId, scale: 'tshirt' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(onB.state()!.round?.storyId).toBe(storyId));
    expect(await onA.call('round:vote', { value: 'XL' })).toEqual({ ok: true });
    expect(await claimer.call('round:vote', { value: 'XS' })).toEqual({ ok: true });
    expect(await onB.call('round:vote', { value: 'S' })).toEqual({ ok: true }); // Dana changes her mind on B
    expect(await owner.call('round:reveal')).toEqual({ ok: true });
    await vi.waitFor(() =>
      expect(onA.state()!.round?.votes).toEqual({ [uid('dana')]: 'S', [uid('eve')]: 'XS' }),
    );
  });

  it('Redis restarting mid-session: instances keep serving, then converge again without reloading', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const [a, b] = await cluster(2, `redis://127.0.0.1:${port}`);
    const board = await createBoard(a!.url);
    const ca = connect(a!.wsUrl, board.id, board.team);
    const cb = connect(b!.wsUrl, board.id, board.team);
    await Promise.all([synced(ca), synced(cb)]);
    createStory(ca.doc, { title: 'before outage', createdBy: 'a' });
    await vi.waitFor(() => expect(readStories(cb.doc)).toHaveLength(1));

    await stop(redis);
    await vi.waitFor(async () => expect((await fetch(`${a!.url}/api/health`)).status).toBe(503), {
      timeout: 5000,
    });
    createStory(ca.doc, { title: 'during outage on A', createdBy: 'a' });
    createStory(cb.doc, { title: 'during outage on B', createdBy: 'b' });
    await Promise.all([saved(ca), saved(cb)]); // each instance still stores its clients' changes

    redis = await startRedis(port);
    await vi.waitFor(
      () => {
        for (const c of [ca, cb])
          expect(
            readStories(c.doc)
              .map((s) => s.title)
              .sort(),
          ).toHaveLength(3);
      },
      { timeout: 15_000 },
    );
    await vi.waitFor(async () => expect((await fetch(`${b!.url}/api/health`)).status).toBe(200), {
      timeout: 5000,
    });
    await stop(redis);
  });

  it('measures convergence time across instances next to one instance (printed, not asserted)', async () => {
    const [a, b] = await cluster(2);
    const board = await createBoard(a!.url);
    const measure = async (writerUrl: string, readerUrl: string) => {
      const w = connect(writerUrl, board.id, board.team);
      const r = connect(readerUrl, board.id, board.team);
      await Promise.all([synced(w), synced(r)]);
      const storyId = createStory(w.doc, { title: `m ${writerUrl === readerUrl}`, createdBy: 'w' });
      await vi.waitFor(() => expect(roots(r.doc).stories.has(storyId)).toBe(true));
      const times: number[] = [];
      for (let k = 0; k < 300; k++) {
        const t0 = performance.now();
        const id = addNote(w.doc, { storyId, kind: 'idea', text: `c${k}`, authorId: 'w', authorName: 'W' });
        await vi.waitFor(() => expect(roots(r.doc).notes.has(id)).toBe(true), { interval: 1 });
        times.push(performance.now() - t0);
      }
      w.destroy();
      r.destroy();
      return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
    };
    const single = await measure(a!.wsUrl, a!.wsUrl);
    const across = await measure(a!.wsUrl, b!.wsUrl);
    console.log(
      `convergence over 300 edits — one instance: p50 ${single.p50.toFixed(2)} ms, p99 ${single.p99.toFixed(2)} ms; ` +
        `across instances: p50 ${across.p50.toFixed(2)} ms, p99 ${across.p99.toFixed(2)} ms`,
    );
    expect(Number.isFinite(across.p99) && Number.isFinite(single.p99)).toBe(true);
  });
});

describe.runIf(DB)('PostgreSQL unreachable', () => {
  it('refuses writes with a clear close reason instead of relaying them unstored', async () => {
    const { tcpProxy } = await import('./helpers/tcp-proxy');
    const db = new URL(DB!);
    const proxy = await tcpProxy(db.hostname, Number(db.port || 5432));
    db.host = `127.0.0.1:${proxy.port}`;
    // A single instance on the proxied database (no Redis needed for this one).
    const inst = await spawnServer(tempDir(), {
      DATABASE_URL: db.toString(),
      DATABASE_SCHEMA: testSchema('u'),
    });
    servers.push(inst);
    const board = await createBoard(inst.url);
    const writer = connect(inst.wsUrl, board.id, board.team);
    const watcher = connect(inst.wsUrl, board.id, board.team);
    await Promise.all([synced(writer), synced(watcher)]);
    const closes: { code: number; reason: string }[] = [];
    writer.provider.on('connection-close', (e) => e && closes.push({ code: e.code, reason: e.reason }));

    proxy.cut();
    createStory(writer.doc, { title: 'written while the database is gone', createdBy: 'w' });
    await vi.waitFor(
      () => expect(closes[0]).toEqual({ code: 4503, reason: 'storage unavailable, reconnecting' }),
      {
        timeout: 10_000,
      },
    );
    expect(readStories(watcher.doc).map((s) => s.title)).not.toContain('written while the database is gone');
    expect((await fetch(`${inst.url}/api/health`)).status).toBe(503);

    proxy.restore();
    // The client kept its edit and resends it once storage is back.
    await vi.waitFor(
      () =>
        expect(readStories(watcher.doc).map((s) => s.title)).toContain('written while the database is gone'),
      {
        timeout: 15_000,
      },
    );
    await proxy.close();
  });
});
