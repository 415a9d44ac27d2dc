import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BoardInfoResponse } from '../lib/validation/api';
import { createBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';

const srv = useTestServer({ env: { PUBLIC_URL: 'https://board.example.com/' } });

const post = (body: string, type = 'application/json') =>
  fetch(`${srv.url}/api/boards`, { method: 'POST', headers: { 'Content-Type': type }, body });

describe('HTTP API', () => {
  it('GET /api/health → 200 {"ok":true}', async () => {
    const res = await fetch(`${srv.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('POST /api/boards → 201 with three links on PUBLIC_URL carrying ≥128-bit url-safe keys', async () => {
    const res = await post(JSON.stringify({ title: '  Sprint 14 refinement ' }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; links: Record<string, string> };
    expect(Object.keys(body.links).sort()).toEqual(['owner', 'team', 'view']);
    const keys = Object.values(body.links).map((l) => {
      const m = /^https:\/\/board\.example\.com\/b\/([A-Za-z0-9_-]+)#k=([A-Za-z0-9_-]+)$/.exec(l);
      expect(m?.[1]).toBe(body.id);
      return m![2]!;
    });
    for (const k of keys) expect(k.length * 6).toBeGreaterThanOrEqual(128);
    expect(new Set(keys).size).toBe(3);
    // Only hashes are stored: no key appears anywhere in the database files.
    const files = fs.readdirSync(srv.dataDir).map((f) => fs.readFileSync(path.join(srv.dataDir, f)));
    for (const k of keys) for (const f of files) expect(f.includes(Buffer.from(k))).toBe(false);
  });

  it.each([
    ['missing title', '{}'],
    ['empty title', '{"title":"   "}'],
    ['non-string title', '{"title":42}'],
    ['oversized title', JSON.stringify({ title: 'x'.repeat(301) })],
    ['invalid JSON', '{"title":'],
    ['array body', '[]'],
  ])('POST /api/boards with %s → 400 JSON error', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(typeof json.error.code).toBe('string');
    expect(json.error.message.length).toBeGreaterThan(0);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects non-JSON bodies and oversized bodies', async () => {
    expect((await post('title=x', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post(JSON.stringify({ title: 'x'.repeat(200_000) }))).status).toBe(413);
  });

  it('GET /api/boards/:id tells the role; only the owner gets the links', async () => {
    const b = await createBoard(srv.url, 'Roles');
    const get = (key?: string) =>
      fetch(`${srv.url}/api/boards/${b.id}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
    const owner = (await (await get(b.owner)).json()) as BoardInfoResponse;
    expect(owner.role).toBe('owner');
    expect(owner.title).toBe('Roles');
    expect(owner.links).toEqual(b.links);
    const team = (await (await get(b.team)).json()) as BoardInfoResponse;
    expect(team.role).toBe('team');
    expect(team.links).toBeUndefined();
    expect(((await (await get(b.view)).json()) as BoardInfoResponse).role).toBe('view');
    expect((await get()).status).toBe(401);
    expect((await get('wrong-key-wrong-key-wrong')).status).toBe(401);
    const missing = await fetch(`${srv.url}/api/boards/nosuchboard1`, {
      headers: { Authorization: `Bearer ${b.owner}` },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('unknown API routes are JSON 404s and wrong methods 405', async () => {
    const r = await fetch(`${srv.url}/api/nope`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await fetch(`${srv.url}/api/health`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${srv.url}/api/boards/%E0%A4%A`)).status).toBe(400);
  });
});
