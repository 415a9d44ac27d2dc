import type pg from 'pg';

/**
 * Versioned PostgreSQL migrations, applied at start under an advisory lock so several instances
 * starting at once apply each exactly once. Append new versions; never edit an applied one.
 */
export const postgresMigrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'boards and document log',
    sql: `
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        owner_hash TEXT NOT NULL,
        team_hash TEXT NOT NULL,
        view_hash TEXT NOT NULL,
        sealed_links TEXT NOT NULL
      );
      CREATE TABLE doc_updates (
        id BIGSERIAL PRIMARY KEY,
        board_id TEXT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX doc_updates_board ON doc_updates (board_id, id);
      CREATE TABLE doc_snapshots (
        board_id TEXT PRIMARY KEY,
        data BYTEA NOT NULL,
        updated_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'formal story versions',
    sql: `
      CREATE TABLE formal_versions (
        board_id TEXT NOT NULL,
        story_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        published_at BIGINT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (board_id, story_id, version)
      );
    `,
  },
  {
    version: 3,
    name: 'tracker connections and push records',
    sql: `
      CREATE TABLE tracker_connections (
        board_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        base_url TEXT NOT NULL,
        project TEXT NOT NULL,
        fields TEXT NOT NULL,
        sealed_token TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE tracker_pushes (
        board_id TEXT NOT NULL,
        story_id TEXT NOT NULL,
        issue_id TEXT NOT NULL,
        issue_key TEXT NOT NULL,
        issue_url TEXT NOT NULL,
        pushed_version INTEGER NOT NULL,
        pushed_at BIGINT NOT NULL,
        pushed_title TEXT NOT NULL,
        pushed_description TEXT NOT NULL,
        pushed_estimate TEXT,
        PRIMARY KEY (board_id, story_id)
      );
    `,
  },
  {
    version: 4,
    name: 'pre-votes',
    sql: `
      CREATE TABLE prevotes (
        board_id TEXT NOT NULL,
        story_id TEXT NOT NULL,
        scale TEXT NOT NULL,
        user_id TEXT NOT NULL,
        value TEXT NOT NULL,
        cast_at BIGINT NOT NULL,
        PRIMARY KEY (board_id, story_id, scale, user_id)
      );
    `,
  },
  {
    version: 5,
    name: 'what the tracker last said of a pushed issue',
    sql: `
      ALTER TABLE tracker_pushes ADD COLUMN seen_status TEXT;
      ALTER TABLE tracker_pushes ADD COLUMN seen_estimate TEXT;
      ALTER TABLE tracker_pushes ADD COLUMN seen_drift TEXT;
      ALTER TABLE tracker_pushes ADD COLUMN seen_at BIGINT;
    `,
  },
];

const MIGRATION_LOCK = 0x5e11b0a2d;

/**
 * Applies the versions not applied yet, in order, each in its own transaction, under an advisory
 * lock: instances starting at once wait for each other, so each version runs exactly once.
 */
export async function applyPostgresMigrations(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await c.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at BIGINT)',
    );
    const done = new Set(
      (await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    for (const m of postgresMigrations) {
      if (done.has(m.version)) continue;
      await c.query('BEGIN');
      try {
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          Date.now(),
        ]);
        await c.query('COMMIT');
      } catch (err) {
        await c.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    c.release();
  }
}
