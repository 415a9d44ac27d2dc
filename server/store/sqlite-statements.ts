import type Database from 'better-sqlite3';
import {
  CONNECTION_COLUMNS,
  CONNECTION_UPDATE,
  PUSH_COLUMNS,
  PUSH_UPDATE,
  SEEN_UPDATE,
} from './tracker-rows';

export interface BoardRow {
  id: string;
  title: string;
  created_at: number;
  owner_hash: string;
  team_hash: string;
  view_hash: string;
  sealed_links: string;
}

/** Every statement the SQLite store runs, prepared once per connection (server/store/sqlite.ts). */
export function prepareStatements(db: Database.Database) {
  return {
    insertBoard: db.prepare(
      `INSERT INTO boards (id, title, created_at, owner_hash, team_hash, view_hash, sealed_links)
       VALUES (@id, @title, @createdAt, @owner, @team, @view, @sealedLinks)`,
    ),
    getBoard: db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
    updateKeys: db.prepare(
      `UPDATE boards SET owner_hash = ?, team_hash = ?, view_hash = ?, sealed_links = ?
       WHERE id = ? AND owner_hash = ? AND team_hash = ? AND view_hash = ?`,
    ),
    deleteBoard: db.prepare('DELETE FROM boards WHERE id = ?'),
    boardExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM boards WHERE id = ?'),
    deleteUpdates: db.prepare('DELETE FROM doc_updates WHERE board_id = ?'),
    deleteSnapshot: db.prepare('DELETE FROM doc_snapshots WHERE board_id = ?'),
    append: db.prepare('INSERT INTO doc_updates (board_id, data) VALUES (?, ?)'),
    snapshot: db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_snapshots WHERE board_id = ?'),
    updates: db.prepare<[string], { id: number; data: Buffer }>(
      'SELECT id, data FROM doc_updates WHERE board_id = ? ORDER BY id',
    ),
    upsertSnapshot: db.prepare(
      `INSERT INTO doc_snapshots (board_id, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ),
    deleteUpTo: db.prepare('DELETE FROM doc_updates WHERE board_id = ? AND id <= ?'),
    countUpTo: db.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = ? AND id <= ?',
    ),
    snapshotBytes: db.prepare<[string], { n: number }>(
      'SELECT LENGTH(data) AS n FROM doc_snapshots WHERE board_id = ?',
    ),
    latestOfStory: db.prepare<[string, string], { version: number; content_hash: string; data: string }>(
      'SELECT version, content_hash, data FROM formal_versions WHERE board_id = ? AND story_id = ? ORDER BY version DESC LIMIT 1',
    ),
    insertVersion: db.prepare(
      'INSERT INTO formal_versions (board_id, story_id, version, content_hash, published_at, data) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    latestVersions: db.prepare<[string, string], { data: string }>(
      `SELECT f.data FROM formal_versions f
       JOIN (SELECT story_id, MAX(version) AS v, MIN(published_at) AS first FROM formal_versions WHERE board_id = ? GROUP BY story_id) l
         ON f.story_id = l.story_id AND f.version = l.v
       WHERE f.board_id = ? ORDER BY l.first, f.story_id`,
    ),
    storyVersions: db.prepare<[string, string], { data: string }>(
      'SELECT data FROM formal_versions WHERE board_id = ? AND story_id = ? ORDER BY version',
    ),
    storyVersion: db.prepare<[string, string, number], { data: string }>(
      'SELECT data FROM formal_versions WHERE board_id = ? AND story_id = ? AND version = ?',
    ),
    deleteVersions: db.prepare('DELETE FROM formal_versions WHERE board_id = ?'),
    deleteConnection: db.prepare('DELETE FROM tracker_connections WHERE board_id = ?'),
    deletePushes: db.prepare('DELETE FROM tracker_pushes WHERE board_id = ?'),
    deletePrevotes: db.prepare('DELETE FROM prevotes WHERE board_id = ?'),
    castPrevote: db.prepare(
      `INSERT INTO prevotes (board_id, story_id, scale, user_id, value, cast_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id, story_id, scale, user_id) DO UPDATE SET value = excluded.value, cast_at = excluded.cast_at`,
    ),
    prevoters: db.prepare<[string], { story_id: string; scale: string; user_id: string }>(
      'SELECT story_id, scale, user_id FROM prevotes WHERE board_id = ? ORDER BY story_id, scale, user_id',
    ),
    prevotesOf: db.prepare<[string, string, string], { user_id: string; value: string }>(
      'SELECT user_id, value FROM prevotes WHERE board_id = ? AND story_id = ? AND scale = ?',
    ),
    deletePrevotesOf: db.prepare('DELETE FROM prevotes WHERE board_id = ? AND story_id = ? AND scale = ?'),
    putConnection: db.prepare(
      `INSERT INTO tracker_connections (${CONNECTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET ${CONNECTION_UPDATE}`,
    ),
    getConnection: db.prepare<[string], unknown>('SELECT * FROM tracker_connections WHERE board_id = ?'),
    recordPush: db.prepare(
      `INSERT INTO tracker_pushes (${PUSH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id, story_id) DO UPDATE SET ${PUSH_UPDATE}`,
    ),
    recordSeen: db.prepare(SEEN_UPDATE.replace(/\$\d+/g, '?')),
    getPush: db.prepare<[string, string], unknown>(
      'SELECT * FROM tracker_pushes WHERE board_id = ? AND story_id = ?',
    ),
    listPushes: db.prepare<[string], unknown>(
      'SELECT * FROM tracker_pushes WHERE board_id = ? ORDER BY story_id',
    ),
    logSize: db.prepare<[string], { count: number; bytes: number | null }>(
      'SELECT COUNT(*) AS count, SUM(LENGTH(data)) AS bytes FROM doc_updates WHERE board_id = ?',
    ),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;
