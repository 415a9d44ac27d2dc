import http from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RotateLinkResponse } from '../lib/validation/api';
import { createBoard, keyOf, startServer, type TestServer } from './helpers/server';
import { dropTestSchemas } from './helpers/pg-schemas';
import { startOnPostgres } from './helpers/pg-server';

const DB = process.env.TEST_DATABASE_URL;
afterAll(() => dropTestSchemas(DB));

let current: TestServer | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

/**
 * A rotation whose headers go out now and whose body waits for `send()`: the server has checked
 * the owner key (and, before the fix, read the board) long before the body arrives.
 */
function heldRotation(base: string, id: string, ownerKey: string, role: string) {
  const body = JSON.stringify({ role });
  const req = http.request(`${base}/api/boards/${id}/links/rotate`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${ownerKey}`,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
    },
  });
  const response = new Promise<{ status: number; body: RotateLinkResponse }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return { send: () => req.end(body), response };
}

const stores: [string, () => Promise<TestServer>][] = [['SQLite', () => startServer()]];
if (DB) stores.push(['PostgreSQL', () => startOnPostgres(DB)]);

describe.each(stores)('overlapping rotations (%s)', (_name, start) => {
  it('both land, the last one wins, and no revoked key comes back', async () => {
    current = await start();
    const b = await createBoard(current.url);
    const team = heldRotation(current.url, b.id, b.owner, 'team');
    const view = heldRotation(current.url, b.id, b.owner, 'view');
    // Both requests are past the gate and waiting for their bodies.
    await new Promise((r) => setTimeout(r, 200));
    team.send();
    const teamDone = await team.response;
    view.send();
    const viewDone = await view.response;
    expect([teamDone.status, viewDone.status]).toEqual([200, 200]);

    const newTeam = keyOf(teamDone.body.link);
    const newView = keyOf(viewDone.body.link);
    // The later rotation's links carry the earlier one's team key, not the revoked one.
    expect(viewDone.body.links.team).toBe(teamDone.body.link);
    const role = async (key: string) => {
      const res = await fetch(`${current!.url}/api/boards/${b.id}`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      return res.status === 200 ? ((await res.json()) as { role: string }).role : res.status;
    };
    expect(await role(b.team)).toBe(401);
    expect(await role(b.view)).toBe(401);
    expect(await role(newTeam)).toBe('team');
    expect(await role(newView)).toBe('view');
  });

  it('an owner-key rotation that lands first makes the other (old owner key) fail with 401', async () => {
    current = await start();
    const b = await createBoard(current.url);
    const owner = heldRotation(current.url, b.id, b.owner, 'owner');
    const team = heldRotation(current.url, b.id, b.owner, 'team');
    await new Promise((r) => setTimeout(r, 200));
    owner.send();
    const ownerDone = await owner.response;
    team.send();
    expect([ownerDone.status, (await team.response).status]).toEqual([200, 401]);
    // The team key was not rotated by a request made with a revoked owner key.
    const res = await fetch(`${current.url}/api/boards/${b.id}`, {
      headers: { Authorization: `Bearer ${keyOf(ownerDone.body.link)}` },
    });
    expect(((await res.json()) as { links: { team: string } }).links.team).toBe(b.links.team);
  });
});
