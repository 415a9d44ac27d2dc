import type { KeyHashes } from '../keys';
import type { FormalStoryVersion } from '../../lib/promote/types';
import type { TrackerKind } from '../trackers/types';
import type { DriftField } from '../../lib/trackers/api';

/**
 * Durable state behind every board, split by role: a document log (what a live room reads and
 * writes), a board registry (boards and their keys) and a version store (formal story versions).
 * Consumers take only the role they use; `Store` is all three over one database (SQLite embedded
 * default, PostgreSQL when scaled out), for the wiring. Each role has one contract suite
 * (server/store/*.contract.ts) that every implementation passes. Async throughout so both fit.
 */
export interface BoardRecord {
  id: string;
  title: string;
  createdAt: number;
  keyHashes: KeyHashes;
  /** team + view keys sealed under the owner key (see server/keys.ts) */
  sealedLinks: string;
}

export interface StoredDoc {
  /** latest compacted state, or null before the first compaction */
  snapshot: Uint8Array | null;
  /** updates appended after the snapshot, in order */
  updates: Uint8Array[];
  /** id of the last update returned (0 when none); grows with every append */
  lastUpdateId: number;
}

/**
 * Folds a snapshot plus updates into a new snapshot (a Yjs merge); supplied by the sync layer. May be
 * asynchronous (server/sync/folder.ts runs it on a worker thread); must not keep or change its inputs.
 */
export type Fold = (snapshot: Uint8Array | null, updates: Uint8Array[]) => Uint8Array | Promise<Uint8Array>;

export interface CompactResult {
  /** updates folded (0: nothing to fold, or another compaction got there first) */
  folded: number;
  /** their total bytes */
  foldedBytes: number;
  /** the board's snapshot afterwards */
  snapshotBytes: number;
}

/** How another thread opens this same store (the compaction worker, server/sync/folder.ts). */
export type StoreSpec =
  | { kind: 'sqlite'; file: string; synchronous: 'NORMAL' | 'FULL' }
  | { kind: 'postgres'; url: string; schema?: string };

/**
 * A board's document log: what a live room reads and writes (see server/sync/room.ts).
 * server/store/memory-log.ts is one in memory, for the room's unit tests.
 */
export interface DocumentLog {
  /** set when another thread can open this store: compaction then runs wholly on the fold worker */
  readonly spec?: StoreSpec;
  /** Appends updates in order, in one transaction: all or none are stored. */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<void>;
  /** The snapshot and the updates after it, read consistently; copies the caller may change. */
  loadDoc(boardId: string): Promise<StoredDoc>;
  /**
   * Folds the snapshot and every update up to now into a new snapshot; the replacement is atomic.
   * Appends may go on while an asynchronous fold runs; if another compaction of the board (another
   * instance, another process on the file) replaced the snapshot meanwhile, nothing changes
   * (`folded: 0`).
   */
  compact(boardId: string, fold: Fold): Promise<CompactResult>;
  /** Number and total bytes of updates not yet folded into the snapshot. */
  logSize(boardId: string): Promise<{ count: number; bytes: number }>;
}

/** Boards and their keys: what the gate reads and the owner's routes change. */
export interface BoardRegistry {
  /** Rejects when a board with this id exists. */
  createBoard(board: BoardRecord): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | null>;
  /**
   * Compare-and-set of a board's keys: writes `next` and `sealedLinks` only while the stored hashes
   * still equal `expected` (what the caller read), in one statement. Returns false when they did
   * not (another rotation got there first, or the board is gone): the caller re-reads and retries,
   * so overlapping rotations never write back a key another one revoked.
   */
  updateKeys(id: string, expected: KeyHashes, next: KeyHashes, sealedLinks: string): Promise<boolean>;
  /**
   * Deletes the board and everything stored for it (its document log, its versions, its tracker
   * connection and push records), in one
   * transaction. Returns false when it did not exist.
   */
  deleteBoard(id: string): Promise<boolean>;
  /**
   * Removes what is stored for a board that has no registry row (an append that was in flight on
   * some instance when the board was deleted lands after the delete); a board that exists is left
   * alone. Returns the rows removed.
   */
  purgeOrphan(id: string): Promise<number>;
}

/** Formal story versions: immutable rows, numbered per story. Tracker records will join them. */
export interface VersionStore {
  /**
   * Appends version latest+1 of a formal story — unless its content hash equals the latest's, in
   * which case the latest is returned with created=false (a double-click publishes once). Rows are
   * immutable: nothing ever updates them.
   */
  publishVersion(
    v: Omit<FormalStoryVersion, 'version'>,
    contentHash: string,
  ): Promise<{ version: FormalStoryVersion; created: boolean }>;
  /** The latest version of every formal story of a board, oldest story first. */
  latestVersions(boardId: string): Promise<FormalStoryVersion[]>;
  /** Every version of one story, oldest first. */
  storyVersions(boardId: string, storyId: string): Promise<FormalStoryVersion[]>;
  storyVersion(boardId: string, storyId: string, version: number): Promise<FormalStoryVersion | null>;
}

/** A board's tracker connection as stored: the token only sealed (server/trackers/secret.ts). */
export interface TrackerConnectionRecord {
  boardId: string;
  kind: TrackerKind;
  baseUrl: string;
  project: string;
  fields: { estimate?: string };
  sealedToken: string;
  createdAt: number;
  updatedAt: number;
}

/** The tracker issue a formal story was pushed to, and what the tracker held right after our push. */
export interface PushRecord {
  boardId: string;
  storyId: string;
  issueId: string;
  key: string;
  url: string;
  pushedVersion: number;
  pushedAt: number;
  /** title, description and estimate as the tracker answered our push: drift is measured from them */
  pushed: { title: string; description: string; estimate: string | null };
  /** what the tracker last said of the issue (our push's answer or a later read); null: not yet known */
  seen: TrackerSeen | null;
}

/** The issue's status, estimate and drift as the tracker confirmed them at `at` (ms), for the cards. */
export interface TrackerSeen {
  status: string;
  estimate: string | null;
  drift: DriftField[];
  at: number;
}

/** Tracker connections (one per board) and push records (one per board + story). */
export interface TrackerStore {
  /**
   * Saves the board's connection (replacing one there); with `clearPushes` (another tracker or
   * project) the board's push records go in the same transaction.
   */
  putTrackerConnection(rec: TrackerConnectionRecord, opts: { clearPushes: boolean }): Promise<void>;
  getTrackerConnection(boardId: string): Promise<TrackerConnectionRecord | null>;
  /** Deletes the connection and the board's push records; false when there was none. */
  deleteTrackerConnection(boardId: string): Promise<boolean>;
  /** Writes (or replaces) one story's push record in one statement: never half-recorded. */
  recordPush(rec: PushRecord): Promise<void>;
  /**
   * Keeps what a read of the tracker found on the story's record, in one statement, only while the
   * record still points at `issueId` and holds nothing newer (a read that began before a push and
   * ended after it never overwrites the push's answer). False when nothing was written.
   */
  recordSeen(boardId: string, storyId: string, issueId: string, seen: TrackerSeen): Promise<boolean>;
  getPush(boardId: string, storyId: string): Promise<PushRecord | null>;
  listPushes(boardId: string): Promise<PushRecord[]>;
  /**
   * Runs `fn` while holding the story's push lock across every instance (PostgreSQL: an advisory
   * lock; SQLite: one process, so the service's in-process lock is the lock).
   */
  withPushLock<T>(boardId: string, storyId: string, fn: () => Promise<T>): Promise<T>;
}

/** Every role over one database, plus what the wiring needs (server/app.ts, server/index.ts). */
/** One person's pre-vote (#17): an estimate cast outside a live round, kept until a round takes it. */
export interface Prevote {
  storyId: string;
  scale: string;
  userId: string;
  value: string;
  at: number;
}

/**
 * Pre-votes, in the store so they survive restarts and every instance sees them. Values leave only
 * into a round's votes (`takePrevotes`); everything else reads who, never what.
 */
export interface PrevoteStore {
  /** Casts or replaces `userId`'s pre-vote on (story, scale). */
  castPrevote(boardId: string, p: Prevote): Promise<void>;
  /** Who has pre-voted on what, per story and scale — no values. */
  prevoters(boardId: string): Promise<{ storyId: string; scale: string; userIds: string[] }[]>;
  /** The pre-votes on (story, scale), removed in the same transaction: a round starts with them. */
  takePrevotes(boardId: string, storyId: string, scale: string): Promise<Record<string, string>>;
}

export interface Store extends DocumentLog, BoardRegistry, VersionStore, TrackerStore, PrevoteStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Throws when the store cannot be reached (health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
