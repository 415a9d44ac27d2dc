import { afterAll, describe, expect, it } from 'vitest';
import { createBoard } from './helpers/server';
import { dropTestSchemas } from './helpers/pg-schemas';
import { startOnPostgres } from './helpers/pg-server';
import { tcpProxy } from './helpers/tcp-proxy';

const DB = process.env.TEST_DATABASE_URL;
afterAll(() => dropTestSchemas(DB));

describe.runIf(DB)('the API during a PostgreSQL outage', () => {
  it('answers 503 with the JSON error, not 500, and recovers when the database is back', async () => {
    const db = new URL(DB!);
    const proxy = await tcpProxy(db.hostname, Number(db.port || 5432));
    db.host = `127.0.0.1:${proxy.port}`;
    const srv = await startOnPostgres(db.toString());
    try {
      const b = await createBoard(srv.url);
      const auth = (key: string) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' });
      proxy.cut();
      const calls = [
        fetch(`${srv.url}/api/boards/${b.id}`, { headers: auth(b.team) }),
        fetch(`${srv.url}/api/boards`, { method: 'POST', headers: auth(''), body: '{"title":"T"}' }),
        fetch(`${srv.url}/api/boards/${b.id}/links/rotate`, {
          method: 'POST',
          headers: auth(b.owner),
          body: '{"role":"view"}',
        }),
        fetch(`${srv.url}/api/boards/${b.id}/export?format=json`, { headers: auth(b.team) }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
      }
      proxy.restore();
      expect((await fetch(`${srv.url}/api/boards/${b.id}`, { headers: auth(b.team) })).status).toBe(200);
    } finally {
      await srv.close();
      await proxy.close();
    }
  });
});
