import type { Logger } from '../log';
import type { PushRecord, TrackerConnectionRecord, TrackerStore, VersionStore } from '../store/store';
import { HttpError } from '../http/respond';
import { keyedSerial } from '../serial';
import type { FormalStoryVersion } from '../../lib/promote/types';
import type {
  BulkPushResponse,
  BulkPushResult,
  ConnectTrackerBody,
  DriftField,
  PushResponse,
  PushSummary,
  StoryTrackerStatus,
  TrackerConnectionView,
} from '../../lib/trackers/api';
import { createAddressGuard, type AddressGuard } from './address-guard';
import { changeLines, draftFromVersion, markerFor } from './draft';
import { scrubbed, trackerErrorBody } from './errors';
import { createTrackerHttp } from './http';
import { connectorFor } from './registry';
import type { TokenSealer } from './secret';
import {
  TrackerError,
  type ConnectorFactory,
  type IssueState,
  type TrackerConnector,
  type TrackerKind,
} from './types';

export interface TrackerServiceOptions {
  store: TrackerStore & VersionStore;
  log: Logger;
  /** null when scaled out without TRACKER_SECRET: connecting answers 503 */
  sealer: TokenSealer | null;
  allowHosts: readonly string[];
  /**
   * Connector factories that take precedence over ./registry.ts. Only tests set it (an in-memory
   * connector exercising this service's logic); production uses the registry.
   */
  factories?: Partial<Record<TrackerKind, ConnectorFactory>>;
  /** how long a story's tracker status is served from memory */
  statusTtlMs?: number;
  /** stories one bulk push handles; the answer says how many remain */
  bulkLimit?: number;
  /** pushes running at once in this process (each may hold a PostgreSQL client for its lock) */
  maxConcurrentPushes?: number;
  now?: () => number;
}

const view = (c: TrackerConnectionRecord): TrackerConnectionView => ({
  kind: c.kind,
  baseUrl: c.baseUrl,
  project: c.project,
  fields: c.fields,
  tokenSet: true,
});

/** A counting semaphore: at most `n` holders at once, the rest wait in order. */
function semaphore(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (free > 0) free--;
    else await new Promise<void>((r) => waiting.push(r));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

/**
 * The tracker feature behind the routes (server/http/trackers.ts): connections, pushes, status.
 * Invariants: nothing is saved unless the tracker confirmed it; one push per story at a time
 * (in-process chain + the store's cross-instance lock); a story maps to one issue, found by its
 * marker when our record of it was lost; the token leaves this process only towards baseUrl.
 */
export class TrackerService {
  private readonly guard: AddressGuard;
  private readonly locks = keyedSerial();
  private readonly statusCache = new Map<string, { at: number; state: IssueState }>();
  private readonly bounded: <T>(fn: () => Promise<T>) => Promise<T>;
  private readonly now: () => number;

  constructor(private readonly o: TrackerServiceOptions) {
    this.guard = createAddressGuard(o.allowHosts);
    this.bounded = semaphore(o.maxConcurrentPushes ?? 4);
    this.now = o.now ?? Date.now;
  }

  private requireSealer(): TokenSealer {
    if (!this.o.sealer)
      throw new HttpError(
        503,
        'tracker_secret_missing',
        'Set TRACKER_SECRET (the same value on every instance) to connect a tracker: with DATABASE_URL, instances must share the key that encrypts tracker tokens.',
      );
    return this.o.sealer;
  }

  private factory(kind: TrackerKind): ConnectorFactory {
    const f = this.o.factories?.[kind] ?? connectorFor(kind);
    if (!f)
      throw new HttpError(
        501,
        'tracker_kind_unsupported',
        `This server has no connector for ${kind} trackers yet.`,
      );
    return f;
  }

  /** A connector whose every call is guarded, bounded and scrubbed of the token. */
  private connector(
    rec: Pick<TrackerConnectionRecord, 'kind' | 'baseUrl' | 'project' | 'fields'>,
    token: string,
  ) {
    const http = createTrackerHttp({ baseUrl: rec.baseUrl, guard: this.guard, fetch: this.guard.fetch });
    const c = this.factory(rec.kind)({ ...rec, token }, http);
    const wrap =
      <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
      async (...a: A): Promise<R> => {
        try {
          return await fn(...a);
        } catch (err) {
          throw scrubbed(err, token);
        }
      };
    return {
      verify: wrap(() => c.verify()),
      find: wrap((m: string) => c.find(m)),
      create: wrap((d: Parameters<TrackerConnector['create']>[0]) => c.create(d)),
      update: wrap((id: string, d: Parameters<TrackerConnector['update']>[1]) => c.update(id, d)),
      read: wrap((id: string) => c.read(id)),
      comment: wrap((id: string, lines: string[]) => c.comment(id, lines)),
    } satisfies TrackerConnector;
  }

  private async opened(boardId: string) {
    const rec = await this.o.store.getTrackerConnection(boardId);
    if (!rec) throw new HttpError(404, 'tracker_not_connected', 'This board has no tracker connected.');
    let token: string;
    try {
      token = this.requireSealer().open(boardId, rec.sealedToken);
    } catch (err) {
      if (err instanceof HttpError) throw err;
      throw new HttpError(
        503,
        'tracker_secret_mismatch',
        'The saved tracker token cannot be decrypted with this server’s key (TRACKER_SECRET or the key file changed); connect the tracker again.',
      );
    }
    return { rec, connector: this.connector(rec, token) };
  }

  /** Verifies with the tracker, then saves; nothing is saved when the tracker says no. */
  async connect(boardId: string, body: ConnectTrackerBody): Promise<TrackerConnectionView> {
    const sealer = this.requireSealer();
    await this.guard.check(new URL(body.baseUrl));
    const conn = { kind: body.kind, baseUrl: body.baseUrl, project: body.project, fields: body.fields };
    const verified = await this.connector(conn, body.token).verify();
    const before = await this.o.store.getTrackerConnection(boardId);
    const now = this.now();
    const rec: TrackerConnectionRecord = {
      boardId,
      ...conn,
      fields: { ...body.fields, ...verified.fields },
      sealedToken: sealer.seal(boardId, body.token),
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    const sameTracker =
      !!before &&
      before.kind === rec.kind &&
      before.baseUrl === rec.baseUrl &&
      before.project === rec.project;
    await this.o.store.putTrackerConnection(rec, { clearPushes: !sameTracker });
    this.dropCache(boardId);
    this.o.log.info({ boardId, kind: rec.kind, project: rec.project }, 'tracker connected');
    return view(rec);
  }

  /** Checks the saved connection again with the tracker ("Test" in the UI); saves nothing. */
  async test(boardId: string): Promise<{ ok: true; projectName: string }> {
    const { rec, connector } = await this.opened(boardId);
    await this.guard.check(new URL(rec.baseUrl));
    const verified = await connector.verify();
    return { ok: true, projectName: verified.projectName };
  }

  async get(boardId: string): Promise<TrackerConnectionView | null> {
    const rec = await this.o.store.getTrackerConnection(boardId);
    return rec ? view(rec) : null;
  }

  async disconnect(boardId: string): Promise<boolean> {
    this.dropCache(boardId);
    return this.o.store.deleteTrackerConnection(boardId);
  }

  /** Every push record, with what the tracker last said of each issue (no tracker call). */
  async pushes(boardId: string): Promise<PushSummary[]> {
    return (await this.o.store.listPushes(boardId)).map((p) => ({
      storyId: p.storyId,
      key: p.key,
      url: p.url,
      pushedVersion: p.pushedVersion,
      pushedAt: p.pushedAt,
      status: p.seen?.status ?? null,
      estimate: p.seen ? p.seen.estimate : null,
      drift: p.seen?.drift ?? [],
      statusAt: p.seen?.at ?? null,
    }));
  }

  /** One story to the tracker: 201 the first time (created or found by marker), 200 later. */
  async push(
    boardId: string,
    storyId: string,
    publicBase: string,
  ): Promise<{ created: boolean; body: PushResponse }> {
    return this.locks(`${boardId}\n${storyId}`, () =>
      this.bounded(() =>
        this.o.store.withPushLock(boardId, storyId, () => this.pushLocked(boardId, storyId, publicBase)),
      ),
    );
  }

  private async pushLocked(boardId: string, storyId: string, publicBase: string) {
    const { connector } = await this.opened(boardId);
    // Read under the lock: a push that waited sees the record the one before it wrote.
    const versions = await this.o.store.storyVersions(boardId, storyId);
    const latest = versions.at(-1);
    if (!latest)
      throw new HttpError(409, 'unpublished', 'Publish this story before pushing it to the tracker.');
    const record = await this.o.store.getPush(boardId, storyId);
    const draft = draftFromVersion(latest, publicBase);
    let state: IssueState;
    if (!record) {
      // A push that died after the tracker's create left the issue there: find it before creating.
      const found = await connector.find(markerFor(boardId, storyId));
      state = found ? await connector.update(found.id, draft) : await connector.create(draft);
    } else {
      state = await connector.update(record.issueId, draft);
      if (record.pushedVersion !== latest.version) {
        const was: FormalStoryVersion = versions.find((v) => v.version === record.pushedVersion) ?? latest;
        await connector.comment(record.issueId, changeLines(was, latest));
      }
    }
    // Only now, the tracker having confirmed every step: one statement.
    const pushedAt = this.now();
    const rec: PushRecord = {
      boardId,
      storyId,
      issueId: state.id,
      key: state.key,
      url: state.url,
      pushedVersion: latest.version,
      pushedAt,
      pushed: { title: state.title, description: state.description, estimate: state.estimate },
      seen: { status: state.status, estimate: state.estimate, drift: [], at: pushedAt },
    };
    await this.o.store.recordPush(rec);
    this.statusCache.set(`${boardId}\n${storyId}`, { at: this.now(), state });
    this.o.log.info(
      { boardId, storyId, issue: state.key, version: latest.version },
      'story pushed to tracker',
    );
    return {
      created: !record,
      body: {
        issue: { key: state.key, url: state.url, status: state.status },
        version: latest.version,
        pushedAt: rec.pushedAt,
      },
    };
  }

  /** Every story whose latest version is not pushed yet, one after another, each result reported. */
  async pushAll(boardId: string, publicBase: string): Promise<BulkPushResponse> {
    await this.opened(boardId); // no tracker, no key: one error, not one per story
    const pushed = new Map((await this.o.store.listPushes(boardId)).map((p) => [p.storyId, p.pushedVersion]));
    const due = (await this.o.store.latestVersions(boardId)).filter(
      (v) => pushed.get(v.storyId) !== v.version,
    );
    const limit = this.o.bulkLimit ?? 50;
    const results: BulkPushResult[] = [];
    for (const v of due.slice(0, limit)) {
      try {
        const { created, body } = await this.push(boardId, v.storyId, publicBase);
        results.push({ storyId: v.storyId, ok: true, status: created ? 201 : 200, ...body });
      } catch (err) {
        if (err instanceof TrackerError) {
          const { status, body } = trackerErrorBody(err);
          results.push({ storyId: v.storyId, ok: false, status, error: body.error });
        } else if (err instanceof HttpError) {
          results.push({
            storyId: v.storyId,
            ok: false,
            status: err.status,
            error: { code: err.code, message: err.message },
          });
        } else throw err;
      }
    }
    return { results, remaining: Math.max(0, due.length - limit) };
  }

  /** The issue as the tracker holds it now (cached briefly), and which fields drifted since our push. */
  async status(boardId: string, storyId: string): Promise<StoryTrackerStatus> {
    const record = await this.o.store.getPush(boardId, storyId);
    if (!record) throw new HttpError(404, 'not_pushed', 'This story has not been pushed to the tracker.');
    const cacheKey = `${boardId}\n${storyId}`;
    const ttl = this.o.statusTtlMs ?? 30_000;
    let hit = this.statusCache.get(cacheKey);
    let fresh = false;
    if (!hit || this.now() - hit.at > ttl || hit.state.id !== record.issueId) {
      const { connector } = await this.opened(boardId);
      hit = { at: this.now(), state: await connector.read(record.issueId) };
      fresh = true;
      if (this.statusCache.size > 5000) this.statusCache.clear();
      this.statusCache.set(cacheKey, hit);
    }
    const s = hit.state;
    const drift: DriftField[] = [];
    if (s.title !== record.pushed.title) drift.push('title');
    if (s.description !== record.pushed.description) drift.push('description');
    if (s.estimate !== record.pushed.estimate) drift.push('estimate');
    // What the tracker just said goes on the record, so the cards show it after a reload too.
    if (fresh) {
      const seen = { status: s.status, estimate: s.estimate, drift, at: hit.at };
      await this.o.store.recordSeen(boardId, storyId, record.issueId, seen).catch((err: unknown) => {
        this.o.log.warn({ boardId, storyId, err }, 'could not keep the tracker status');
      });
    }
    return {
      issue: { key: s.key, url: s.url, status: s.status, estimate: s.estimate },
      pushedVersion: record.pushedVersion,
      drift,
      readAt: hit.at,
    };
  }

  private dropCache(boardId: string) {
    for (const k of this.statusCache.keys()) if (k.startsWith(`${boardId}\n`)) this.statusCache.delete(k);
  }

  /** Closes the guard's connection pool. */
  async close(): Promise<void> {
    await this.guard.dispatcher.close();
  }
}
