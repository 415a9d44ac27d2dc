import pg from 'pg';
import type { KeyHashes } from '../keys';
import { applyPostgresMigrations } from './migrations/postgres';
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
  TrackerSeen,
} from './store';
import { groupPrevoters } from './prevote-rows';
import {
  CONNECTION_COLUMNS,
  CONNECTION_UPDATE,
  PUSH_COLUMNS,
  PUSH_UPDATE,
  SEEN_UPDATE,
  connectionFromRow,
  connectionValues,
  pushFromRow,
  pushValues,
  seenValues,
} from './tracker-rows';
import type { FormalStoryVersion } from '../../lib/promote/types';

interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  owner_hash: string;
  team_hash: string;
  view_hash: string;
  sealed_links: string;
}

/**
 * The scale-out store: every role over PostgreSQL through a pooled `pg` client, passing the same
 * contracts as SQLite. `schema` (optional) isolates a deployment or a test run in its own
 * PostgreSQL schema.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private pool: pg.Pool;

  private constructor(
    pool: pg.Pool,
    readonly spec: StoreSpec,
  ) {
    this.pool = pool;
  }

  static async open(
    connectionString: string,
    opts: { schema?: string; max?: number } = {},
  ): Promise<PostgresStore> {
    const schema = opts.schema;
    if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
    const pool = new pg.Pool({
      connectionString,
      max: opts.max ?? 10,
      connectionTimeoutMillis: 5000, // a black-holed database must fail requests, not hang them
      options: schema ? `-c search_path=${schema}` : undefined,
    });
    pool.on('error', () => undefined); // idle client errors surface on the next query instead
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const store = new PostgresStore(pool, { kind: 'postgres', url: connectionString, schema });
    await applyPostgresMigrations(pool);
    return store;
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  // BoardRegistry

  async createBoard(b: BoardRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO boards (id, title, created_at, owner_hash, team_hash, view_hash, sealed_links)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [b.id, b.title, b.createdAt, b.keyHashes.owner, b.keyHashes.team, b.keyHashes.view, b.sealedLinks],
    );
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const r = (await this.pool.query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id])).rows[0];
    if (!r) return null;
    return {
      id: r.id,
      title: r.title,
      createdAt: Number(r.created_at),
      keyHashes: { owner: r.owner_hash, team: r.team_hash, view: r.view_hash },
      sealedLinks: r.sealed_links,
    };
  }

  async updateKeys(id: string, was: KeyHashes, k: KeyHashes, sealedLinks: string): Promise<boolean> {
    // One statement: the row lock PostgreSQL takes for it makes the comparison and the write atomic.
    const r = await this.pool.query(
      `UPDATE boards SET owner_hash = $1, team_hash = $2, view_hash = $3, sealed_links = $4
       WHERE id = $5 AND owner_hash = $6 AND team_hash = $7 AND view_hash = $8`,
      [k.owner, k.team, k.view, sealedLinks, id, was.owner, was.team, was.view],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async deleteBoard(id: string): Promise<boolean> {
    return this.tx(async (c) => {
      await c.query('DELETE FROM doc_updates WHERE board_id = $1', [id]);
      await c.query('DELETE FROM doc_snapshots WHERE board_id = $1', [id]);
      await c.query('DELETE FROM formal_versions WHERE board_id = $1', [id]);
      await c.query('DELETE FROM tracker_connections WHERE board_id = $1', [id]);
      await c.query('DELETE FROM tracker_pushes WHERE board_id = $1', [id]);
      await c.query('DELETE FROM prevotes WHERE board_id = $1', [id]);
      return ((await c.query('DELETE FROM boards WHERE id = $1', [id])).rowCount ?? 0) > 0;
    });
  }

  async purgeOrphan(id: string): Promise<number> {
    return this.tx(async (c) => {
      // Locks the (absent) board's key range against a createBoard racing this; ids are random anyway.
      const alive = await c.query('SELECT 1 FROM boards WHERE id = $1 FOR UPDATE', [id]);
      if ((alive.rowCount ?? 0) > 0) return 0;
      let n = 0;
      for (const t of [
        'doc_updates',
        'doc_snapshots',
        'formal_versions',
        'tracker_connections',
        'tracker_pushes',
        'prevotes',
      ])
        n += (await c.query(`DELETE FROM ${t} WHERE board_id = $1`, [id])).rowCount ?? 0;
      return n;
    });
  }

  // DocumentLog

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    // One statement: atomic, and rows get ids in array order.
    await this.pool.query(
      `INSERT INTO doc_updates (board_id, data)
       SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n) ORDER BY n`,
      [boardId, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
    );
  }

  private async read(c: pg.PoolClient, boardId: string): Promise<StoredDoc & { ids: string[] }> {
    const snap = await c.query<{ data: Buffer }>('SELECT data FROM doc_snapshots WHERE board_id = $1', [
      boardId,
    ]);
    const rows = await c.query<{ id: string; data: Buffer }>(
      'SELECT id, data FROM doc_updates WHERE board_id = $1 ORDER BY id',
      [boardId],
    );
    return {
      snapshot: snap.rows[0] ? new Uint8Array(snap.rows[0].data) : null,
      updates: rows.rows.map((r) => new Uint8Array(r.data)),
      lastUpdateId: Number(rows.rows.at(-1)?.id ?? 0),
      ids: rows.rows.map((r) => r.id),
    };
  }

  async loadDoc(boardId: string): Promise<StoredDoc> {
    const { snapshot, updates, lastUpdateId } = await this.tx(
      (c) => this.read(c, boardId),
      'REPEATABLE READ',
    );
    return { snapshot, updates, lastUpdateId };
  }

  async compact(boardId: string, fold: Fold): Promise<CompactResult> {
    return this.tx(async (c) => {
      // Serialise compactions of one board across instances.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`compact:${boardId}`]);
      const cur = await this.read(c, boardId);
      if (cur.updates.length === 0)
        return { folded: 0, foldedBytes: 0, snapshotBytes: cur.snapshot?.byteLength ?? 0 };
      const foldedBytes = cur.updates.reduce((n, u) => n + u.byteLength, 0);
      // An asynchronous fold (a worker thread) keeps this transaction and the lock open meanwhile;
      // appends are not blocked by either.
      const next = await fold(cur.snapshot, cur.updates);
      await c.query(
        `INSERT INTO doc_snapshots (board_id, data, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [boardId, Buffer.from(next), Date.now()],
      );
      // Delete exactly the rows folded: an append with a lower id may commit after our read.
      await c.query('DELETE FROM doc_updates WHERE board_id = $1 AND id = ANY($2::bigint[])', [
        boardId,
        cur.ids,
      ]);
      return { folded: cur.updates.length, foldedBytes, snapshotBytes: next.byteLength };
    });
  }

  async logSize(boardId: string): Promise<{ count: number; bytes: number }> {
    const r = await this.pool.query<{ count: string; bytes: string | null }>(
      'SELECT COUNT(*) AS count, SUM(LENGTH(data)) AS bytes FROM doc_updates WHERE board_id = $1',
      [boardId],
    );
    return { count: Number(r.rows[0]?.count ?? 0), bytes: Number(r.rows[0]?.bytes ?? 0) };
  }

  // VersionStore

  async publishVersion(
    v: Omit<FormalStoryVersion, 'version'>,
    contentHash: string,
  ): Promise<{ version: FormalStoryVersion; created: boolean }> {
    return this.tx(async (c) => {
      // One publisher per story at a time, across every instance.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`publish:${v.boardId}:${v.storyId}`]);
      const latest = (
        await c.query<{ version: number; content_hash: string; data: string }>(
          'SELECT version, content_hash, data FROM formal_versions WHERE board_id = $1 AND story_id = $2 ORDER BY version DESC LIMIT 1',
          [v.boardId, v.storyId],
        )
      ).rows[0];
      if (latest && latest.content_hash === contentHash) {
        return { version: JSON.parse(latest.data) as FormalStoryVersion, created: false };
      }
      const version: FormalStoryVersion = { ...v, version: (latest?.version ?? 0) + 1 };
      await c.query(
        'INSERT INTO formal_versions (board_id, story_id, version, content_hash, published_at, data) VALUES ($1, $2, $3, $4, $5, $6)',
        [v.boardId, v.storyId, version.version, contentHash, v.publishedAt, JSON.stringify(version)],
      );
      return { version, created: true };
    });
  }

  async latestVersions(boardId: string): Promise<FormalStoryVersion[]> {
    const r = await this.pool.query<{ data: string }>(
      `SELECT f.data FROM formal_versions f
       JOIN (SELECT story_id, MAX(version) AS v, MIN(published_at) AS first FROM formal_versions WHERE board_id = $1 GROUP BY story_id) l
         ON f.story_id = l.story_id AND f.version = l.v
       WHERE f.board_id = $1 ORDER BY l.first, f.story_id`,
      [boardId],
    );
    return r.rows.map((x) => JSON.parse(x.data) as FormalStoryVersion);
  }

  async storyVersions(boardId: string, storyId: string): Promise<FormalStoryVersion[]> {
    const r = await this.pool.query<{ data: string }>(
      'SELECT data FROM formal_versions WHERE board_id = $1 AND story_id = $2 ORDER BY version',
      [boardId, storyId],
    );
    return r.rows.map((x) => JSON.parse(x.data) as FormalStoryVersion);
  }

  async storyVersion(boardId: string, storyId: string, version: number): Promise<FormalStoryVersion | null> {
    const r = await this.pool.query<{ data: string }>(
      'SELECT data FROM formal_versions WHERE board_id = $1 AND story_id = $2 AND version = $3',
      [boardId, storyId, version],
    );
    return r.rows[0] ? (JSON.parse(r.rows[0].data) as FormalStoryVersion) : null;
  }

  // TrackerStore

  async putTrackerConnection(rec: TrackerConnectionRecord, opts: { clearPushes: boolean }): Promise<void> {
    await this.tx(async (c) => {
      if (opts.clearPushes) await c.query('DELETE FROM tracker_pushes WHERE board_id = $1', [rec.boardId]);
      await c.query(
        `INSERT INTO tracker_connections (${CONNECTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (board_id) DO UPDATE SET ${CONNECTION_UPDATE}`,
        connectionValues(rec),
      );
    });
  }

  async getTrackerConnection(boardId: string): Promise<TrackerConnectionRecord | null> {
    const r = await this.pool.query('SELECT * FROM tracker_connections WHERE board_id = $1', [boardId]);
    return r.rows[0] ? connectionFromRow(r.rows[0]) : null;
  }

  async deleteTrackerConnection(boardId: string): Promise<boolean> {
    return this.tx(async (c) => {
      await c.query('DELETE FROM tracker_pushes WHERE board_id = $1', [boardId]);
      return (
        ((await c.query('DELETE FROM tracker_connections WHERE board_id = $1', [boardId])).rowCount ?? 0) > 0
      );
    });
  }

  async recordPush(rec: PushRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO tracker_pushes (${PUSH_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (board_id, story_id) DO UPDATE SET ${PUSH_UPDATE}`,
      pushValues(rec),
    );
  }

  async recordSeen(boardId: string, storyId: string, issueId: string, seen: TrackerSeen): Promise<boolean> {
    const r = await this.pool.query(SEEN_UPDATE, seenValues(boardId, storyId, issueId, seen));
    return (r.rowCount ?? 0) > 0;
  }

  async getPush(boardId: string, storyId: string): Promise<PushRecord | null> {
    const r = await this.pool.query('SELECT * FROM tracker_pushes WHERE board_id = $1 AND story_id = $2', [
      boardId,
      storyId,
    ]);
    return r.rows[0] ? pushFromRow(r.rows[0]) : null;
  }

  async listPushes(boardId: string): Promise<PushRecord[]> {
    const r = await this.pool.query('SELECT * FROM tracker_pushes WHERE board_id = $1 ORDER BY story_id', [
      boardId,
    ]);
    return r.rows.map(pushFromRow);
  }

  /**
   * A session advisory lock on a client of its own, held while `fn` talks to the tracker: a push of
   * the same story on another instance waits. The service bounds concurrent pushes per process so
   * the held clients never starve the pool.
   */
  async withPushLock<T>(boardId: string, storyId: string, fn: () => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    const key = `push:${boardId}:${storyId}`;
    try {
      await c.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      try {
        return await fn();
      } finally {
        await c.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      }
    } finally {
      c.release();
    }
  }

  // PrevoteStore

  async castPrevote(boardId: string, p: Prevote): Promise<void> {
    await this.pool.query(
      `INSERT INTO prevotes (board_id, story_id, scale, user_id, value, cast_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (board_id, story_id, scale, user_id) DO UPDATE SET value = excluded.value, cast_at = excluded.cast_at`,
      [boardId, p.storyId, p.scale, p.userId, p.value, p.at],
    );
  }

  async prevoters(boardId: string): Promise<{ storyId: string; scale: string; userIds: string[] }[]> {
    const r = await this.pool.query<{ story_id: string; scale: string; user_id: string }>(
      'SELECT story_id, scale, user_id FROM prevotes WHERE board_id = $1 ORDER BY story_id, scale, user_id',
      [boardId],
    );
    return groupPrevoters(r.rows);
  }

  async takePrevotes(boardId: string, storyId: string, scale: string): Promise<Record<string, string>> {
    // One statement: two instances starting a round at once cannot both take the same pre-votes.
    const r = await this.pool.query<{ user_id: string; value: string }>(
      'DELETE FROM prevotes WHERE board_id = $1 AND story_id = $2 AND scale = $3 RETURNING user_id, value',
      [boardId, storyId, scale],
    );
    return Object.fromEntries(r.rows.map((x) => [x.user_id, x.value]));
  }

  // Wiring

  /** For health checks. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
