import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, testSchema } from '../../tests/helpers/pg-schemas';
import { postgresMigrations } from './migrations/postgres';
import { sqliteMigrations } from './migrations/sqlite';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';

/**
 * Upgrades of a database written before migration 5 (what the tracker last said of a pushed issue):
 * the push record written then survives, reads with `seen: null`, and takes a read's status after.
 */
const OLD_PUSH = `INSERT INTO tracker_pushes (board_id, story_id, issue_id, issue_key, issue_url, pushed_version,
  pushed_at, pushed_title, pushed_description, pushed_estimate) VALUES ('b1', 's1', '7', '#7', 'https://t.example/7', 1, 10, 'T', 'D', '3')`;
const seen = { status: 'In Progress', estimate: '5', drift: ['estimate' as const], at: 20 };
const upgraded = {
  boardId: 'b1',
  storyId: 's1',
  issueId: '7',
  key: '#7',
  url: 'https://t.example/7',
  pushedVersion: 1,
  pushedAt: 10,
  pushed: { title: 'T', description: 'D', estimate: '3' },
  seen: null,
};

describe('migration 5 on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shellboard-migrate-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps a push record from version 4 and adds what the tracker last said', async () => {
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)');
    for (const m of sqliteMigrations.filter((x) => x.version <= 4)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 1);
    }
    old.exec(OLD_PUSH);
    old.close();
    const store = new SqliteStore(file);
    try {
      expect(await store.getPush('b1', 's1')).toEqual(upgraded);
      expect(await store.recordSeen('b1', 's1', '7', seen)).toBe(true);
      expect(await store.getPush('b1', 's1')).toEqual({ ...upgraded, seen });
    } finally {
      await store.close();
    }
  });
});

const url = process.env.TEST_DATABASE_URL;
afterAll(() => dropTestSchemas(url));

describe.skipIf(!url)('migration 5 on PostgreSQL', () => {
  it('keeps a push record from version 4 and adds what the tracker last said', async () => {
    const schema = testSchema('mig');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.query(`SET search_path = ${schema}`);
      await c.query(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at BIGINT)',
      );
      for (const m of postgresMigrations.filter((x) => x.version <= 4)) {
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations VALUES ($1, $2, 1)', [m.version, m.name]);
      }
      await c.query(OLD_PUSH);
    } finally {
      await c.end();
    }
    const store = await PostgresStore.open(url ?? '', { schema });
    try {
      expect(await store.getPush('b1', 's1')).toEqual(upgraded);
      expect(await store.recordSeen('b1', 's1', '7', seen)).toBe(true);
      expect(await store.getPush('b1', 's1')).toEqual({ ...upgraded, seen });
    } finally {
      await store.close();
    }
  });
});
