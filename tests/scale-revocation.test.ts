import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createStory } from '../lib/board/ops';
import { readStories } from '../lib/board/schema';
import type { BoardConnection } from '../lib/realtime/sync-client';
import { createBoard, startServer, tempDir, type TestServer } from './helpers/server';
import { spawnServer, type ChildServer } from './helpers/child';
import { connect, destroyAll, saved, synced } from './helpers/clients';
import { closeSessions, joined, sessionClient } from './helpers/session-client';
import { dropTestSchemas, testSchema } from './helpers/pg-schemas';
import { freePort, startRedis, stop } from './helpers/redis-server';

const DB = process.env.TEST_DATABASE_URL;
const REDIS = process.env.TEST_REDIS_URL;
const servers: ChildServer[] = [];
let inProcess: TestServer | null = null;

afterEach(async () => {
  destroyAll();
  closeSessions();
  await Promise.all(servers.splice(0).map((s) => s.kill()));
  await inProcess?.close();
  inProcess = null;
});
afterAll(() => dropTestSchemas(DB));

async function pair(schema: string, redis = REDIS!): Promise<ChildServer[]> {
  const env = { DATABASE_URL: DB!, DATABASE_SCHEMA: schema, REDIS_URL: redis, ROOM_GRACE_MS: '200' };
  const a = await spawnServer(tempDir(), env);
  const b = await spawnServer(tempDir(), env);
  servers.push(a, b);
  return [a, b];
}

/** The first close the client's socket got, and when (performance.now()). */
function firstClose(c: BoardConnection) {
  const seen: { code: number; reason: string; at: number }[] = [];
  c.provider.on('connection-close', (e) => {
    if (e && seen.length === 0) seen.push({ code: e.code, reason: e.reason, at: performance.now() });
  });
  return seen;
}

const owner = (key: string) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' });

describe.runIf(DB && REDIS)('revocation across instances', () => {
  it('a team-key rotation on A closes the old team socket and session on B with 4410 within 1 s', async () => {
    const [a, b] = await pair(testSchema('r'));
    const board = await createBoard(a!.url);
    const onB = connect(b!.wsUrl, board.id, board.team);
    const viewOnB = connect(b!.wsUrl, board.id, board.view);
    await Promise.all([synced(onB), synced(viewOnB)]);
    const session = sessionClient(b!.url, board.id, board.team, { id: 't', name: 'T' });
    await joined(session);
    const closed = firstClose(onB);
    const viewClosed = firstClose(viewOnB);
    let sessionReason = '';
    session.on('session:closed', (p) => (sessionReason = p.reason));

    const res = await fetch(`${a!.url}/api/boards/${board.id}/links/rotate`, {
      method: 'POST',
      headers: owner(board.owner),
      body: JSON.stringify({ role: 'team' }),
    });
    const answered = performance.now();
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(closed[0]?.code).toBe(4410), { timeout: 1000 });
    const ms = closed[0]!.at - answered;
    console.log(`rotation on A → old team socket on B closed ${ms.toFixed(1)} ms after the HTTP answer`);
    expect(closed[0]!.reason).toBe('This link was replaced by the board owner.');
    await vi.waitFor(() => expect(session.connected).toBe(false), { timeout: 1000 });
    expect(sessionReason).toBe('This link was replaced by the board owner.');
    // The view link was not rotated: its socket on B stays.
    expect(viewClosed).toEqual([]);
    expect(viewOnB.provider.wsconnected).toBe(true);
  });

  it('a delete on A closes sockets on B with 4411 and leaves no rows for the board in PostgreSQL', async () => {
    const schema = testSchema('r');
    const [a, b] = await pair(schema);
    const board = await createBoard(a!.url);
    const onA = connect(a!.wsUrl, board.id, board.team);
    const onB = connect(b!.wsUrl, board.id, board.team);
    await Promise.all([synced(onA), synced(onB)]);
    createStory(onB.doc, { title: 'before the delete', createdBy: 'b' });
    await saved(onB);
    const closed = firstClose(onB);

    const res = await fetch(`${a!.url}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: owner(board.owner),
    });
    const answered = performance.now();
    expect(res.status).toBe(200);
    // B's client keeps editing right after: none of it may be stored again.
    createStory(onB.doc, { title: 'after the delete', createdBy: 'b' });
    await vi.waitFor(() => expect(closed[0]?.code).toBe(4411), { timeout: 1000 });
    console.log(
      `delete on A → socket on B closed ${(closed[0]!.at - answered).toFixed(1)} ms after the HTTP answer`,
    );
    expect(readStories(onA.doc).map((s) => s.title)).not.toContain('after the delete');
    destroyAll();

    const db = new pg.Client({ connectionString: DB });
    await db.connect();
    try {
      const count = async () => {
        let n = 0;
        for (const t of ['boards', 'doc_updates', 'doc_snapshots', 'formal_versions']) {
          const col = t === 'boards' ? 'id' : 'board_id';
          const r = await db.query<{ n: string }>(
            `SELECT COUNT(*) AS n FROM ${schema}.${t} WHERE ${col} = $1`,
            [board.id],
          );
          n += Number(r.rows[0]!.n);
        }
        return n;
      };
      // An append that was in flight on some instance when the delete committed lands after it.
      await db.query(`INSERT INTO ${schema}.doc_updates (board_id, data) VALUES ($1, $2)`, [
        board.id,
        Buffer.from([0, 0]),
      ]);
      // Past the rooms' grace period (200 ms) and the purge after a delete (2 s): nothing is left.
      await vi.waitFor(async () => expect(await count()).toBe(0), { timeout: 6000, interval: 250 });
    } finally {
      await db.end();
    }
  });
});

describe.runIf(DB)('revocations Redis never delivered', () => {
  it('a rotation and a delete made while Redis is down still close the old sockets on B once it is back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    try {
      const [a, b] = await pair(testSchema('r'), `redis://127.0.0.1:${port}`);
      const rotated = await createBoard(a!.url);
      const deleted = await createBoard(a!.url);
      const teamOnB = connect(b!.wsUrl, rotated.id, rotated.team);
      const viewOnB = connect(b!.wsUrl, rotated.id, rotated.view);
      const goneOnB = connect(b!.wsUrl, deleted.id, deleted.team);
      await Promise.all([synced(teamOnB), synced(viewOnB), synced(goneOnB)]);
      const teamClosed = firstClose(teamOnB);
      const viewClosed = firstClose(viewOnB);
      const goneClosed = firstClose(goneOnB);

      await stop(redis);
      await vi.waitFor(async () => expect((await fetch(`${a!.url}/api/health`)).status).toBe(503), {
        timeout: 5000,
      });
      // Both are stored in PostgreSQL; the messages telling B are lost with Redis.
      const rot = await fetch(`${a!.url}/api/boards/${rotated.id}/links/rotate`, {
        method: 'POST',
        headers: owner(rotated.owner),
        body: JSON.stringify({ role: 'team' }),
      });
      expect(rot.status).toBe(200);
      const del = await fetch(`${a!.url}/api/boards/${deleted.id}`, {
        method: 'DELETE',
        headers: owner(deleted.owner),
      });
      expect(del.status).toBe(200);

      redis = await startRedis(port);
      await vi.waitFor(() => expect(teamClosed[0]?.code).toBe(4410), { timeout: 8000 });
      await vi.waitFor(() => expect(goneClosed[0]?.code).toBe(4411), { timeout: 8000 });
      expect(teamClosed[0]!.reason).toBe('This link was replaced by the board owner.');
      expect(viewClosed).toEqual([]);
      expect(viewOnB.provider.wsconnected).toBe(true);
    } finally {
      await stop(redis);
    }
  });
});

describe('the window between the gate and attaching the socket', () => {
  it('a rotation landing between the gate read and the attach closes the new socket with 4410', async () => {
    inProcess = await startServer();
    const board = await createBoard(inProcess.url);
    const store = inProcess.app.store;
    const read = store.getBoard.bind(store);
    let entered!: () => void;
    const inGate = new Promise<void>((r) => (entered = r));
    let rotated!: () => void;
    const rotation = new Promise<void>((r) => (rotated = r));
    let armed = true;
    // The sync gate's board read returns what it read only once the rotation has landed.
    store.getBoard = async (id: string) => {
      const got = await read(id);
      if (armed) {
        armed = false;
        entered();
        await rotation;
      }
      return got;
    };
    const c = connect(inProcess.wsUrl, board.id, board.team);
    const closed = firstClose(c);
    await inGate;
    const res = await fetch(`${inProcess.url}/api/boards/${board.id}/links/rotate`, {
      method: 'POST',
      headers: owner(board.owner),
      body: JSON.stringify({ role: 'team' }),
    });
    expect(res.status).toBe(200);
    rotated();
    await vi.waitFor(() => expect(closed[0]?.code).toBe(4410), { timeout: 2000 });
  });
});
