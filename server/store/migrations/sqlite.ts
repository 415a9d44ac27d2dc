import type Database from 'better-sqlite3';

/**
 * Versioned SQLite migrations, applied in order at start inside one transaction each.
 * Append new versions; never edit an applied one.
 */
export const sqliteMigrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'boards and document log',
    sql: `
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        owner_hash TEXT NOT NULL,
        team_hash TEXT NOT NULL,
        view_hash TEXT NOT NULL,
        sealed_links TEXT NOT NULL
      );
      CREATE TABLE doc_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX doc_updates_board ON doc_updates (board_id, id);
      CREATE TABLE doc_snapshots (
        board_id TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        updated_at INTEGER NOT NULL
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
        published_at INTEGER NOT NULL,
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
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE tracker_pushes (
        board_id TEXT NOT NULL,
        story_id TEXT NOT NULL,
        issue_id TEXT NOT NULL,
        issue_key TEXT NOT NULL,
        issue_url TEXT NOT NULL,
        pushed_version INTEGER NOT NULL,
        pushed_at INTEGER NOT NULL,
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
        cast_at INTEGER NOT NULL,
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
      ALTER TABLE tracker_pushes ADD COLUMN seen_at INTEGER;
    `,
  },
];

/** Applies the versions not applied yet, in order, each in its own transaction. */
export function applySqliteMigrations(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)',
  );
  const done = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((r) => r.version),
  );
  for (const m of sqliteMigrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        Date.now(),
      );
    })();
  }
}
