import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { KeyHashes } from '../keys';
import { applySqliteMigrations } from './migrations/sqlite';
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
import { keyedSerial } from '../serial';
import { connectionFromRow, connectionValues, pushFromRow, pushValues, seenValues } from './tracker-rows';
import { prepareStatements, type SqliteStatements } from './sqlite-statements';
import type { FormalStoryVersion } from '../../lib/promote/types';

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
  private stmts: SqliteStatements;

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
    applySqliteMigrations(this.db);
    this.stmts = prepareStatements(this.db);
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

  async recordSeen(boardId: string, storyId: string, issueId: string, seen: TrackerSeen): Promise<boolean> {
    const { changes } = await this.writing(() =>
      this.stmts.recordSeen.run(...seenValues(boardId, storyId, issueId, seen)),
    );
    return changes > 0;
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
