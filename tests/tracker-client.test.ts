import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, TrackerApiError } from '../lib/trackers/client';
import { boardWithStories, startServer, type TestServer } from './helpers/server';
import { GOOD_TOKEN, startMemoryTracker, type MemoryTracker } from './helpers/memory-tracker';

// The UI's client (lib/trackers/client.ts) against the real server and its real tracker service.
// The tracker behind it is tests/helpers/memory-tracker.ts (our service's test double, not a model of
// any tracker): this file checks that the client speaks the contract and parses every answer.
let srv: TestServer;
let mem: MemoryTracker;

beforeAll(async () => {
  mem = await startMemoryTracker();
  srv = await startServer({ TRACKER_ALLOW_HOSTS: '127.0.0.1' }, undefined, undefined, {
    trackers: { factories: { redmine: mem.factory } },
  });
});
afterAll(async () => {
  await srv.close();
  await mem.close();
});

async function publish(boardId: string, storyId: string, key: string) {
  const res = await fetch(`${srv.url}/api/boards/${boardId}/stories/${storyId}/publish`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ author: 'PO' }),
  });
  expect(res.status, await res.text()).toBe(201);
}

describe('lib/trackers/client against the server', () => {
  it('connects, pushes, reads, summarises, bulk-pushes and disconnects', async () => {
    const { board, storyIds } = await boardWithStories(srv, 'Client', [
      { title: 'Refund a payment', why: 'Support does it by hand' },
      { title: 'Split a bill', why: 'Groups pay together' },
      { title: 'Not yet formal', why: 'Still discussed' },
    ]);
    const [a, b, c] = storyIds;
    const owner = createTrackerClient({ boardId: board.id, key: board.owner, origin: srv.url });
    const team = createTrackerClient({ boardId: board.id, key: board.team, origin: srv.url });

    expect(await owner.getTracker()).toBeNull();
    const config = await owner.connect({
      kind: 'redmine',
      baseUrl: mem.baseUrl,
      project: 'shop',
      token: GOOD_TOKEN,
    });
    expect(config).toMatchObject({ kind: 'redmine', baseUrl: mem.baseUrl, project: 'shop', tokenSet: true });
    expect(JSON.stringify(await team.getTracker())).not.toContain(GOOD_TOKEN);

    await publish(board.id, a, board.owner);
    await publish(board.id, b, board.owner);
    const first = await owner.push(a);
    expect(first).toMatchObject({ version: 1, created: true });
    expect(first.issue.url).toMatch(/^https?:\/\//);
    expect((await owner.push(a)).created).toBe(false);

    const state = await owner.storyState(a);
    expect(state).toMatchObject({ pushedVersion: 1, issue: { key: first.issue.key } });
    expect(await owner.storyState(c)).toBeNull();

    expect((await team.summary()).map((p) => [p.storyId, p.key])).toEqual([[a, first.issue.key]]);

    const bulk = await owner.pushAll();
    expect(bulk.results).toHaveLength(1);
    expect(bulk.results[0]).toMatchObject({ storyId: b, ok: true });

    await owner.disconnect();
    expect(await owner.getTracker()).toBeNull();
  });

  it('raises the server’s refusals as TrackerApiError, pointing at the field', async () => {
    const { board, storyIds } = await boardWithStories(srv, 'Refusals', [{ title: 'Unpublished' }]);
    const owner = createTrackerClient({ boardId: board.id, key: board.owner, origin: srv.url });
    const team = createTrackerClient({ boardId: board.id, key: board.team, origin: srv.url });
    const input = { kind: 'redmine' as const, baseUrl: mem.baseUrl, project: 'shop', token: GOOD_TOKEN };

    const forbidden = await team.connect(input).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(TrackerApiError);
    expect((forbidden as TrackerApiError).status).toBe(403);

    const wrongToken = (await owner
      .connect({ ...input, token: 'wrong' })
      .catch((e: unknown) => e)) as TrackerApiError;
    expect(wrongToken).toBeInstanceOf(TrackerApiError);
    expect(wrongToken.trackerStatus).toBe(401);
    expect(wrongToken.field).toBe('token');
    expect(await owner.getTracker()).toBeNull();

    const badUrl = (await owner
      .connect({ ...input, baseUrl: 'not a url' })
      .catch((e: unknown) => e)) as TrackerApiError;
    expect(badUrl.status).toBe(400);
    expect(badUrl.field).toBe('baseUrl');

    await owner.connect(input);
    const unpublished = (await owner.push(storyIds[0]).catch((e: unknown) => e)) as TrackerApiError;
    expect(unpublished.status).toBe(409);
  });
});
