import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormalStoryVersion } from '../lib/promote/types';
import { createLogger } from '../server/log';
import { PostgresStore } from '../server/store/postgres';
import { createSealer, keyFromSecret } from '../server/trackers/secret';
import { TrackerService } from '../server/trackers/service';
import { dropTestSchemas, testSchema } from './helpers/pg-schemas';
import { GOOD_TOKEN, startMemoryTracker, type MemoryTracker } from './helpers/memory-tracker';

/**
 * The tracker service over real PostgreSQL, as two instances would run it: two stores (two pools) and
 * two services sharing one TRACKER_SECRET. The tracker is the in-memory stand-in
 * (tests/helpers/memory-tracker.ts): this checks our storage and locking, not a tracker.
 */
const url = process.env.TEST_DATABASE_URL;
const schema = testSchema('trk');
let tracker: MemoryTracker;
const stores: PostgresStore[] = [];
const services: TrackerService[] = [];

beforeAll(async () => {
  tracker = await startMemoryTracker();
  if (!url) return;
  for (let i = 0; i < 2; i++) {
    const store = await PostgresStore.open(url, { schema });
    stores.push(store);
    services.push(
      new TrackerService({
        store,
        log: createLogger('silent'),
        sealer: createSealer(keyFromSecret('shared-secret-'.repeat(3))),
        allowHosts: ['127.0.0.1'],
        factories: { redmine: tracker.factory },
      }),
    );
  }
});
afterAll(async () => {
  for (const s of services) await s.close();
  for (const s of stores) await s.close();
  await tracker.close();
  await dropTestSchemas(url);
});

const version = (boardId: string): Omit<FormalStoryVersion, 'version'> => ({
  boardId,
  storyId: 'st',
  title: 'Gift cards',
  narrative: 'As a buyer I want gift cards',
  criteria: ['Balance shown'],
  decisions: [],
  openQuestions: [],
  estimate: '5',
  persona: 'Buyer',
  value: null,
  effort: null,
  labels: ['Checkout'],
  author: 'po',
  publishedAt: 1,
  discussion: [],
});

describe.skipIf(!url)('trackers on PostgreSQL, two instances', () => {
  it('stores the token only sealed; the other instance opens it with the shared secret', async () => {
    const boardId = `b-${Math.random().toString(36).slice(2)}`;
    const body = {
      kind: 'redmine' as const,
      baseUrl: tracker.baseUrl,
      project: 'shop',
      token: GOOD_TOKEN,
      fields: {},
    };
    await services[0]!.connect(boardId, body);
    const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await c.connect();
    try {
      const rows = (await c.query('SELECT * FROM tracker_connections WHERE board_id = $1', [boardId])).rows;
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(GOOD_TOKEN);
    } finally {
      await c.end();
    }
    await stores[0]!.publishVersion(version(boardId), 'h1');
    // Instance 2 pushes with the token instance 1 saved.
    const out = await services[1]!.push(boardId, 'st', 'https://board.example');
    expect(out.created).toBe(true);
  });

  it('concurrent first pushes on two instances make one issue (the advisory lock)', async () => {
    const boardId = `b-${Math.random().toString(36).slice(2)}`;
    const body = {
      kind: 'redmine' as const,
      baseUrl: tracker.baseUrl,
      project: 'shop',
      token: GOOD_TOKEN,
      fields: {},
    };
    await services[0]!.connect(boardId, body);
    await stores[0]!.publishVersion(version(boardId), 'h1');
    tracker.createDelayMs = 100;
    try {
      const out = await Promise.all([
        services[0]!.push(boardId, 'st', 'https://board.example'),
        services[1]!.push(boardId, 'st', 'https://board.example'),
        services[1]!.push(boardId, 'st', 'https://board.example'),
      ]);
      expect(out.map((o) => o.created).sort()).toEqual([false, false, true]);
    } finally {
      tracker.createDelayMs = 0;
    }
    const mine = [...tracker.issues.values()].filter((i) =>
      i.description.includes(`shellboard:${boardId}/st`),
    );
    expect(mine).toHaveLength(1);
    expect((await stores[1]!.getPush(boardId, 'st'))?.issueId).toBe(mine[0]?.id);
  });
});
