import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setStoryEstimate } from '../lib/board/ops';
import type { BulkPushResponse, PushResponse, StoryTrackerStatus } from '../lib/trackers/api';
import { connectorFor } from '../server/trackers/registry';
import { TRACKER_KINDS } from '../server/trackers/types';
import { connect, destroyAll, saved, synced } from './helpers/clients';
import { GOOD_TOKEN, startMemoryTracker, type MemoryTracker } from './helpers/memory-tracker';
import { boardWithStories, startServer, type TestBoard, type TestServer } from './helpers/server';

/**
 * The tracker contract's own logic (server/trackers/service.ts) on a real server and SQLite: the
 * tracker is tests/helpers/memory-tracker.ts, an in-memory stand-in registered as the `redmine`
 * factory — these tests exercise our service (locks, records, marker, roles, secrets), not a tracker.
 */
let tracker: MemoryTracker;
let srv: TestServer;
const logs: string[] = [];
beforeAll(async () => {
  tracker = await startMemoryTracker();
  srv = await startServer(
    { TRACKER_ALLOW_HOSTS: '127.0.0.1', LOG_LEVEL: 'trace', PUBLIC_URL: 'https://board.example' },
    undefined,
    { write: (l) => void logs.push(l) },
    { trackers: { factories: { redmine: tracker.factory }, statusTtlMs: 0 } },
  );
});
afterAll(async () => {
  await srv.close();
  await tracker.close();
});
afterEach(() => destroyAll());

const api = (b: TestBoard, p: string, key: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${srv.url}/api/boards/${b.id}${p}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${key}`,
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
const conn = (over: Record<string, unknown> = {}) => ({
  kind: 'redmine',
  baseUrl: tracker.baseUrl,
  project: 'shop',
  token: GOOD_TOKEN,
  ...over,
});
const publish = (b: TestBoard, storyId: string) =>
  api(b, `/stories/${storyId}/publish`, b.owner, { method: 'POST', body: { author: 'Paula' } });
const push = (b: TestBoard, storyId: string, key = b.owner) =>
  api(b, `/stories/${storyId}/push`, key, { method: 'POST' });
const issuesOf = (b: TestBoard) =>
  [...tracker.issues.values()].filter((i) => i.description.includes(`shellboard:${b.id}/`));

async function connectedBoard(stories = 1) {
  const titles = Array.from({ length: stories }, (_, i) => ({ title: `Story ${i + 1}` }));
  const { board, storyIds } = await boardWithStories(srv, 'Trackers', titles);
  expect((await api(board, '/tracker', board.owner, { method: 'PUT', body: conn() })).status).toBe(200);
  return { b: board, ids: storyIds };
}

describe('connecting a tracker', () => {
  it('verifies before saving, never returns the token, and is owner-only', async () => {
    const { board: b } = await boardWithStories(srv, 'Connect', [{ title: 'x' }]);
    expect((await api(b, '/tracker', b.owner)).status).toBe(404);
    // A wrong token: the tracker's own words and status; nothing saved.
    const bad = await api(b, '/tracker', b.owner, { method: 'PUT', body: conn({ token: 'wrong-token' }) });
    expect(bad.status).toBe(502);
    expect(await bad.json()).toEqual({
      error: { code: 'tracker_unauthorized', message: '401: Invalid token', trackerStatus: 401 },
    });
    expect((await api(b, '/tracker', b.owner)).status).toBe(404);
    for (const key of [b.team, b.view])
      expect((await api(b, '/tracker', key, { method: 'PUT', body: conn() })).status).toBe(403);
    const res = await api(b, '/tracker', b.owner, {
      method: 'PUT',
      body: conn({ baseUrl: `${tracker.baseUrl}/` }),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(GOOD_TOKEN);
    expect(JSON.parse(text)).toEqual({
      kind: 'redmine',
      baseUrl: tracker.baseUrl,
      project: 'shop',
      fields: { estimate: 'points' },
      tokenSet: true,
    });
    for (const key of [b.owner, b.team, b.view]) {
      const got = await api(b, '/tracker', key);
      expect(got.status).toBe(200);
      expect(await got.text()).toBe(text);
    }
    // Test: the saved connection verified again, owner-only.
    const tested = await api(b, '/tracker/test', b.owner, { method: 'POST' });
    expect([tested.status, await tested.json()]).toEqual([200, { ok: true, projectName: 'Shop' }]);
    expect((await api(b, '/tracker/test', b.team, { method: 'POST' })).status).toBe(403);
    expect((await api(b, '/tracker', b.team, { method: 'DELETE' })).status).toBe(403);
    expect((await api(b, '/tracker', b.owner, { method: 'DELETE' })).status).toBe(204);
    expect((await api(b, '/tracker', b.owner)).status).toBe(404);
    expect((await api(b, '/tracker', b.owner, { method: 'DELETE' })).status).toBe(404);
    // Bodies are checked.
    const invalid = await api(b, '/tracker', b.owner, { method: 'PUT', body: conn({ kind: 'trello' }) });
    expect(invalid.status).toBe(400);
    const creds = await api(b, '/tracker', b.owner, {
      method: 'PUT',
      body: conn({ baseUrl: tracker.baseUrl.replace('http://', 'http://me:pw@') }),
    });
    expect([creds.status, ((await creds.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      'tracker_address_refused',
    ]);
  });

  it('keeps the token encrypted at rest: the raw row and the database file never hold it', async () => {
    const { b } = await connectedBoard();
    const db = new Database(path.join(srv.dataDir, 'shellboard.sqlite'), { readonly: true });
    try {
      const row = db.prepare('SELECT * FROM tracker_connections WHERE board_id = ?').get(b.id) as Record<
        string,
        unknown
      >;
      expect(row.sealed_token).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toContain(GOOD_TOKEN);
    } finally {
      db.close();
    }
    for (const f of fs.readdirSync(srv.dataDir).filter((n) => n.startsWith('shellboard.sqlite')))
      expect(fs.readFileSync(path.join(srv.dataDir, f)).includes(GOOD_TOKEN)).toBe(false);
    expect(fs.statSync(path.join(srv.dataDir, 'tracker-secret.key')).mode & 0o777).toBe(0o600);
  });

  it('answers 501 for a kind this build has no connector for', async ({ skip }) => {
    const missing = TRACKER_KINDS.find((k) => k !== 'redmine' && !connectorFor(k));
    if (!missing) return skip('every tracker kind has a connector in this build');
    const { board: b } = await boardWithStories(srv, 'Kinds', [{ title: 'x' }]);
    const res = await api(b, '/tracker', b.owner, { method: 'PUT', body: conn({ kind: missing }) });
    expect(res.status).toBe(501);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('tracker_kind_unsupported');
  });
});

describe('pushing a story', () => {
  it('409 before publishing; 201 first, then 200 on the same issue with a comment of what changed', async () => {
    const { b, ids } = await connectedBoard();
    const id = ids[0]!;
    const early = await push(b, id);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('unpublished');
    expect((await publish(b, id)).status).toBe(201);
    for (const key of [b.team, b.view]) expect((await push(b, id, key)).status).toBe(403);
    const first = await push(b, id);
    expect(first.status).toBe(201);
    const body = (await first.json()) as PushResponse;
    expect(body).toMatchObject({ version: 1, issue: { status: 'To Do' } });
    expect(body.issue.key).toMatch(/^SHOP-\d+$/);
    const [issue] = issuesOf(b);
    expect(issue?.draft).toMatchObject({
      title: 'Story 1',
      link: `https://board.example/b/${b.id}/stories/${id}?v=1`,
      marker: `shellboard:${b.id}/${id}`,
    });
    // Again, unchanged: the same issue, no comment (nothing changed).
    expect((await push(b, id)).status).toBe(200);
    // Version 2 (a new estimate): the same issue, updated, with a comment.
    const po = connect(srv.wsUrl, b.id, b.owner);
    await synced(po);
    setStoryEstimate(po.doc, id, '8');
    await saved(po);
    expect((await publish(b, id)).status).toBe(201);
    const later = await push(b, id);
    expect(later.status).toBe(200);
    expect(((await later.json()) as PushResponse).version).toBe(2);
    expect(issuesOf(b)).toHaveLength(1);
    expect(issuesOf(b)[0]?.estimate).toBe('8');
    expect(issuesOf(b)[0]?.comments).toEqual([
      ['Updated from version 1 to version 2 on Shellboard.', 'Estimate changed from none to 8.'],
    ]);
    const pushes = await api(b, '/tracker/pushes', b.view);
    expect(await pushes.json()).toEqual({
      pushes: [
        {
          storyId: id,
          key: body.issue.key,
          url: body.issue.url,
          pushedVersion: 2,
          pushedAt: expect.any(Number),
          // what the tracker answered this push (tests/trackers/pushes-status.test.ts: after a restart)
          status: 'To Do',
          estimate: '8',
          drift: [],
          statusAt: expect.any(Number),
        },
      ],
    });
  });

  it('a push that died between the tracker’s create and our record finds the issue by its marker', async () => {
    const { b, ids } = await connectedBoard();
    const id = ids[0]!;
    await publish(b, id);
    tracker.loseNextCreateAnswer = true;
    const lost = await push(b, id);
    expect(lost.status).toBe(502);
    expect(await lost.json()).toMatchObject({ error: { code: 'tracker_unavailable', trackerStatus: 0 } });
    expect(issuesOf(b)).toHaveLength(1); // the tracker has it; we recorded nothing
    expect((await api(b, `/stories/${id}/tracker`, b.owner)).status).toBe(404);
    const again = await push(b, id);
    expect(again.status).toBe(201);
    expect(issuesOf(b)).toHaveLength(1);
    expect(((await again.json()) as PushResponse).issue.key).toBe(issuesOf(b)[0]?.key);
  });

  it('records a later push only when every step was confirmed (a failed comment records nothing)', async () => {
    const { b, ids } = await connectedBoard();
    const id = ids[0]!;
    await publish(b, id);
    await push(b, id);
    const po = connect(srv.wsUrl, b.id, b.owner);
    await synced(po);
    setStoryEstimate(po.doc, id, '3');
    await saved(po);
    await publish(b, id);
    tracker.failNextComment = true;
    const failed = await push(b, id);
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({
      error: { code: 'tracker_unavailable', message: '500: Internal error', trackerStatus: 500 },
    });
    expect(
      ((await (await api(b, '/tracker/pushes', b.owner)).json()) as { pushes: { pushedVersion: number }[] })
        .pushes[0]?.pushedVersion,
    ).toBe(1);
    expect((await push(b, id)).status).toBe(200);
    expect(issuesOf(b)[0]?.comments).toHaveLength(1);
  });

  it('concurrent first pushes of one story make one issue', async () => {
    const { b, ids } = await connectedBoard();
    const id = ids[0]!;
    await publish(b, id);
    tracker.createDelayMs = 80;
    try {
      const statuses = (await Promise.all([push(b, id), push(b, id), push(b, id)])).map((r) => r.status);
      expect(statuses.sort()).toEqual([200, 200, 201]);
    } finally {
      tracker.createDelayMs = 0;
    }
    expect(issuesOf(b)).toHaveLength(1);
  });

  it('bulk push pushes every story whose latest version is not pushed, reporting each', async () => {
    const { b, ids } = await connectedBoard(3);
    const [a, c, d] = ids as [string, string, string];
    await publish(b, a);
    await publish(b, c);
    await push(b, a);
    expect((await api(b, '/push', b.team, { method: 'POST' })).status).toBe(403);
    const res = await api(b, '/push', b.owner, { method: 'POST' });
    expect(res.status).toBe(200);
    const out = (await res.json()) as BulkPushResponse;
    expect(out.remaining).toBe(0);
    expect(out.results.map((r) => [r.storyId, r.ok, r.status])).toEqual([[c, true, 201]]);
    expect(issuesOf(b)).toHaveLength(2);
    expect(out.results.some((r) => r.storyId === d)).toBe(false); // never published
    const again = (await (await api(b, '/push', b.owner, { method: 'POST' })).json()) as BulkPushResponse;
    expect(again.results).toEqual([]);
  });
});

describe('tracker status', () => {
  it('reads the issue for any role and lists the fields edited in the tracker since our push', async () => {
    const { b, ids } = await connectedBoard();
    const id = ids[0]!;
    expect((await api(b, `/stories/${id}/tracker`, b.view)).status).toBe(404);
    await publish(b, id);
    await push(b, id);
    const fresh = (await (await api(b, `/stories/${id}/tracker`, b.view)).json()) as StoryTrackerStatus;
    expect(fresh).toMatchObject({ pushedVersion: 1, drift: [], issue: { status: 'To Do', estimate: null } });
    const issue = issuesOf(b)[0]!;
    Object.assign(issue, { estimate: '13', status: 'In Progress' });
    const drifted = (await (await api(b, `/stories/${id}/tracker`, b.team)).json()) as StoryTrackerStatus;
    expect(drifted).toMatchObject({ drift: ['estimate'], issue: { status: 'In Progress', estimate: '13' } });
    issue.title = 'Renamed in the tracker';
    expect(
      ((await (await api(b, `/stories/${id}/tracker`, b.owner)).json()) as StoryTrackerStatus).drift,
    ).toEqual(['title', 'estimate']);
    // Pushing ours again clears the drift.
    await push(b, id);
    expect(
      ((await (await api(b, `/stories/${id}/tracker`, b.owner)).json()) as StoryTrackerStatus).drift,
    ).toEqual([]);
  });
});

describe('secrets', () => {
  it('never writes the tracker token into the logs', () => {
    expect(logs.length).toBeGreaterThan(5);
    expect(logs.join('\n')).not.toContain(GOOD_TOKEN);
  });
});

describe('address guard and key, per deployment', () => {
  it('refuses a loopback tracker without TRACKER_ALLOW_HOSTS', async () => {
    const other = await startServer({}, undefined, undefined, {
      trackers: { factories: { redmine: tracker.factory } },
    });
    try {
      const { board: b } = await boardWithStories(other, 'Guard', [{ title: 'x' }]);
      const res = await fetch(`${other.url}/api/boards/${b.id}/tracker`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${b.owner}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(conn()),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('tracker_address_refused');
      expect(body.error.message).toMatch(/127\.0\.0\.1.*TRACKER_ALLOW_HOSTS/);
    } finally {
      await other.close();
    }
  });

  it('scaled out (DATABASE_URL) without TRACKER_SECRET: 503 tracker_secret_missing; with it, connects', async () => {
    const base = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', TRACKER_ALLOW_HOSTS: '127.0.0.1' };
    const extra = { trackers: { factories: { redmine: tracker.factory } } };
    for (const [env, expected] of [
      [base, 503],
      [{ ...base, TRACKER_SECRET: 's'.repeat(40) }, 200],
    ] as const) {
      const other = await startServer(env, undefined, undefined, extra);
      try {
        const { board: b } = await boardWithStories(other, 'Secret', [{ title: 'x' }]);
        const res = await fetch(`${other.url}/api/boards/${b.id}/tracker`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${b.owner}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(conn()),
        });
        expect(res.status).toBe(expected);
        if (expected === 503)
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
            'tracker_secret_missing',
          );
        expect(fs.existsSync(path.join(other.dataDir, 'tracker-secret.key'))).toBe(false);
      } finally {
        await other.close();
      }
    }
  });
});
