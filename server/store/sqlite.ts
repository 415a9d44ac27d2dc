import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { KeyHashes } from '../keys';
import { sqliteMigrations } from './migrations/sqlite';
import type {
  BoardRecord,
  CompactResult,
  Fold,
  Prevote,
  PushRecord,
  Store,
  StoredDoc,
  StoreSpec,
  TrackerConnectionRecord,
} from './store';
import { groupPrevoters } from './prevote-rows';
import { keyedSerial } from '../serial';
import {
  CONNECTION_COLUMNS,
  CONNECTION_UPDATE,
  PUSH_COLUMNS,
  PUSH_UPDATE,
  connectionFromRow,
  connectionValues,
  pushFromRow,
  pushValues,
} from './tracker-rows';
import type { FormalStoryVersion } from '../../lib/promote/types';

interface BoardRow {
  id: string;
  title: string;
  created_at: number;
  owner_hash: string;
  team_hash: string;
  view_hash: string;
  sealed_links: string;
}

const isBusy = (err: unknown) => String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY');

/**
 * Embedded default store: every role (DocumentLog, BoardRegistry, VersionStore) over one SQLite
 * file, in one class because deleting a board spans all three in one transaction. WAL mode: a
 * committed transaction survives the process being killed at any moment (synchronous=NORMAL); set
 * SQLITE_SYNCHRONOUS=FULL to also survive power loss.
 *
 * Large boards are compacted by a second connection on the fold worker's thread
 * (server/sync/folder.ts). While it writes, this connection's writes wait asynchronously
 * (`writing`): the event loop is blocked for at most `busyTimeoutMs` at a time.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly spec?: StoreSpec;
  private db: Database.Database;
  private stmts;

  constructor(
    file: string,
    synchronous: 'NORMAL' | 'FULL' = 'NORMAL',
    /** how long one statement waits, blocking, for another connection's lock before retrying */
    busyTimeoutMs = 20,
  ) {
    if (file !== ':memory:') {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      this.spec = { kind: 'sqlite', file: path.resolve(file), synchronous };
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous}`);
    this.db.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
    this.migrate();
    const db = this.db;
    this.stmts = {
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
        `INSERT INTO tracker_pushes (${PUSH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (board_id, story_id) DO UPDATE SET ${PUSH_UPDATE}`,
      ),
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

  private migrate() {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)',
    );
    const done = new Set(
      this.db
        .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
        .all()
        .map((r) => r.version),
    );
    for (const m of sqliteMigrations) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, Date.now());
      })();
    }
  }

  /** Runs a write; while another connection holds the write lock, retries without blocking the loop. */
  private async writing<T>(write: () => T): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      try {
        return write();
      } catch (err) {
        if (!isBusy(err) || Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  // BoardRegistry

  async createBoard(b: BoardRecord): Promise<void> {
    await this.writing(() =>
      this.stmts.insertBoard.run({
        id: b.id,
        title: b.title,
        createdAt: b.createdAt,
        owner: b.keyHashes.owner,
        team: b.keyHashes.team,
        view: b.keyHashes.view,
        sealedLinks: b.sealedLinks,
      }),
    );
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const r = this.stmts.getBoard.get(id);
    if (!r) return null;
    return {
      id: r.id,
      title: r.title,
      createdAt: r.created_at,
      keyHashes: { owner: r.owner_hash, team: r.team_hash, view: r.view_hash },
      sealedLinks: r.sealed_links,
    };
  }

  async updateKeys(id: string, was: KeyHashes, k: KeyHashes, sealedLinks: string): Promise<boolean> {
    const { changes } = await this.writing(() =>
      this.stmts.updateKeys.run(k.owner, k.team, k.view, sealedLinks, id, was.owner, was.team, was.view),
    );
    return changes > 0;
  }

  async deleteBoard(id: string): Promise<boolean> {
    return this.writing(() =>
      this.db.transaction(() => {
        this.stmts.deleteUpdates.run(id);
        this.stmts.deleteSnapshot.run(id);
        this.stmts.deleteVersions.run(id);
        this.stmts.deleteConnection.run(id);
        this.stmts.deletePushes.run(id);
        this.stmts.deletePrevotes.run(id);
        return this.stmts.deleteBoard.run(id).changes > 0;
      })(),
    );
  }

  async purgeOrphan(id: string): Promise<number> {
    return this.writing(() =>
      this.db.transaction(() => {
        if (this.stmts.boardExists.get(id)) return 0;
        return (
          this.stmts.deleteUpdates.run(id).changes +
          this.stmts.deleteSnapshot.run(id).changes +
          this.stmts.deleteVersions.run(id).changes +
          this.stmts.deleteConnection.run(id).changes +
          this.stmts.deletePushes.run(id).changes +
          this.stmts.deletePrevotes.run(id).changes
        );
      })(),
    );
  }

  // DocumentLog

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    await this.writing(() =>
      this.db.transaction(() => {
        for (const u of updates)
          this.stmts.append.run(boardId, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      })(),
    );
  }

  private read(boardId: string): StoredDoc {
    const snap = this.stmts.snapshot.get(boardId);
    const rows = this.stmts.updates.all(boardId);
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastUpdateId: rows.at(-1)?.id ?? 0,
    };
  }

  async loadDoc(boardId: string): Promise<StoredDoc> {
    return this.db.transaction(() => this.read(boardId))();
  }

  async compact(boardId: string, fold: Fold): Promise<CompactResult> {
    const cur = this.db.transaction(() => this.read(boardId))();
    const before = cur.snapshot?.byteLength ?? 0;
    if (cur.updates.length === 0) return { folded: 0, foldedBytes: 0, snapshotBytes: before };
    const foldedBytes = cur.updates.reduce((n, u) => n + u.byteLength, 0);
    // Folded outside any transaction (it may take a second): appends go on meanwhile.
    const next = await fold(cur.snapshot, cur.updates);
    return this.writing(() =>
      this.db.transaction(() => {
        // Ids only grow, so the rows read are all still there unless another compaction (the
        // compaction worker, another process on this file) folded them: its snapshot stands.
        if (this.stmts.countUpTo.get(boardId, cur.lastUpdateId)?.n !== cur.updates.length) {
          const now = this.stmts.snapshotBytes.get(boardId)?.n ?? 0;
          return { folded: 0, foldedBytes: 0, snapshotBytes: now };
        }
        this.stmts.upsertSnapshot.run(boardId, Buffer.from(next), Date.now());
        this.stmts.deleteUpTo.run(boardId, cur.lastUpdateId);
        return { folded: cur.updates.length, foldedBytes, snapshotBytes: next.byteLength };
      })(),
    );
  }

  async logSize(boardId: string): Promise<{ count: number; bytes: number }> {
    const r = this.stmts.logSize.get(boardId);
    return { count: r?.count ?? 0, bytes: r?.bytes ?? 0 };
  }

  // VersionStore

  async publishVersion(
    v: Omit<FormalStoryVersion, 'version'>,
    contentHash: string,
  ): Promise<{ version: FormalStoryVersion; created: boolean }> {
    return this.writing(() =>
      this.db.transaction(() => {
        const latest = this.stmts.latestOfStory.get(v.boardId, v.storyId);
        if (latest && latest.content_hash === contentHash) {
          return { version: JSON.parse(latest.data) as FormalStoryVersion, created: false };
        }
        const version: FormalStoryVersion = { ...v, version: (latest?.version ?? 0) + 1 };
        this.stmts.insertVersion.run(
          v.boardId,
          v.storyId,
          version.version,
          contentHash,
          v.publishedAt,
          JSON.stringify(version),
        );
        return { version, created: true };
      })(),
    );
  }

  async latestVersions(boardId: string): Promise<FormalStoryVersion[]> {
    return this.stmts.latestVersions
      .all(boardId, boardId)
      .map((r) => JSON.parse(r.data) as FormalStoryVersion);
  }

  async storyVersions(boardId: string, storyId: string): Promise<FormalStoryVersion[]> {
    return this.stmts.storyVersions
      .all(boardId, storyId)
      .map((r) => JSON.parse(r.data) as FormalStoryVersion);
  }

  async storyVersion(boardId: string, storyId: string, version: number): Promise<FormalStoryVersion | null> {
    const r = this.stmts.storyVersion.get(boardId, storyId, version);
    return r ? (JSON.parse(r.data) as FormalStoryVersion) : null;
  }

  // TrackerStore

  async putTrackerConnection(rec: TrackerConnectionRecord, opts: { clearPushes: boolean }): Promise<void> {
    await this.writing(() =>
      this.db.transaction(() => {
        if (opts.clearPushes) this.stmts.deletePushes.run(rec.boardId);
        this.stmts.putConnection.run(...connectionValues(rec));
      })(),
    );
  }

  async getTrackerConnection(boardId: string): Promise<TrackerConnectionRecord | null> {
    const r = this.stmts.getConnection.get(boardId);
    return r ? connectionFromRow(r) : null;
  }

  async deleteTrackerConnection(boardId: string): Promise<boolean> {
    return this.writing(() =>
      this.db.transaction(() => {
        this.stmts.deletePushes.run(boardId);
        return this.stmts.deleteConnection.run(boardId).changes > 0;
      })(),
    );
  }

  async recordPush(rec: PushRecord): Promise<void> {
    await this.writing(() => this.stmts.recordPush.run(...pushValues(rec)));
  }

  async getPush(boardId: string, storyId: string): Promise<PushRecord | null> {
    const r = this.stmts.getPush.get(boardId, storyId);
    return r ? pushFromRow(r) : null;
  }

  async listPushes(boardId: string): Promise<PushRecord[]> {
    return this.stmts.listPushes.all(boardId).map(pushFromRow);
  }

  private readonly pushLocks = keyedSerial();

  /** One server process owns the file, so an in-process chain per story is the lock. */
  async withPushLock<T>(boardId: string, storyId: string, fn: () => Promise<T>): Promise<T> {
    return this.pushLocks(`${boardId}\n${storyId}`, fn);
  }

  // PrevoteStore

  async castPrevote(boardId: string, p: Prevote): Promise<void> {
    await this.writing(() =>
      this.stmts.castPrevote.run(boardId, p.storyId, p.scale, p.userId, p.value, p.at),
    );
  }

  async prevoters(boardId: string): Promise<{ storyId: string; scale: string; userIds: string[] }[]> {
    return groupPrevoters(this.stmts.prevoters.all(boardId));
  }

  async takePrevotes(boardId: string, storyId: string, scale: string): Promise<Record<string, string>> {
    return this.writing(() =>
      this.db.transaction(() => {
        const rows = this.stmts.prevotesOf.all(boardId, storyId, scale);
        this.stmts.deletePrevotesOf.run(boardId, storyId, scale);
        return Object.fromEntries(rows.map((r) => [r.user_id, r.value]));
      })(),
    );
  }

  // Wiring

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
