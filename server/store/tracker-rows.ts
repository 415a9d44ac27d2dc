import { z } from 'zod';
import { TRACKER_KINDS } from '../trackers/types';
import { DRIFT_FIELDS } from '../../lib/trackers/api';
import type { PushRecord, TrackerConnectionRecord, TrackerSeen } from './store';

/**
 * Row ↔ record mapping shared by the SQLite and PostgreSQL TrackerStores. Rows are parsed with zod:
 * a row written by another version (or edited by hand) fails loudly instead of reaching a connector.
 */
const num = z.union([z.number(), z.string()]).transform(Number);

const connectionRow = z.object({
  board_id: z.string(),
  kind: z.enum(TRACKER_KINDS),
  base_url: z.string(),
  project: z.string(),
  fields: z.string(),
  sealed_token: z.string(),
  created_at: num,
  updated_at: num,
});

const fieldsJson = z.object({ estimate: z.string().optional() });

const pushRow = z.object({
  board_id: z.string(),
  story_id: z.string(),
  issue_id: z.string(),
  issue_key: z.string(),
  issue_url: z.string(),
  pushed_version: num,
  pushed_at: num,
  pushed_title: z.string(),
  pushed_description: z.string(),
  pushed_estimate: z.string().nullable(),
  // migration 5: null on records written before it, until the next push or read
  seen_status: z.string().nullable(),
  seen_estimate: z.string().nullable(),
  seen_drift: z.string().nullable(),
  seen_at: num.nullable(),
});

/** Drift fields as one column: comma-separated names ('' when none). */
const driftText = (d: readonly string[]) => d.join(',');
const driftList = (t: string) =>
  t
    .split(',')
    .filter((f): f is TrackerSeen['drift'][number] => (DRIFT_FIELDS as readonly string[]).includes(f));

export function connectionFromRow(row: unknown): TrackerConnectionRecord {
  const r = connectionRow.parse(row);
  return {
    boardId: r.board_id,
    kind: r.kind,
    baseUrl: r.base_url,
    project: r.project,
    fields: fieldsJson.parse(JSON.parse(r.fields)),
    sealedToken: r.sealed_token,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Column values in table order (tracker_connections). */
export function connectionValues(c: TrackerConnectionRecord): (string | number)[] {
  return [
    c.boardId,
    c.kind,
    c.baseUrl,
    c.project,
    JSON.stringify(c.fields),
    c.sealedToken,
    c.createdAt,
    c.updatedAt,
  ];
}

export function pushFromRow(row: unknown): PushRecord {
  const r = pushRow.parse(row);
  return {
    boardId: r.board_id,
    storyId: r.story_id,
    issueId: r.issue_id,
    key: r.issue_key,
    url: r.issue_url,
    pushedVersion: r.pushed_version,
    pushedAt: r.pushed_at,
    pushed: { title: r.pushed_title, description: r.pushed_description, estimate: r.pushed_estimate },
    seen:
      r.seen_status === null || r.seen_at === null
        ? null
        : {
            status: r.seen_status,
            estimate: r.seen_estimate,
            drift: driftList(r.seen_drift ?? ''),
            at: r.seen_at,
          },
  };
}

/** Values for SEEN_UPDATE: the seen columns, then board, story, issue and the time again (the guard). */
export function seenValues(
  boardId: string,
  storyId: string,
  issueId: string,
  s: TrackerSeen,
): (string | number | null)[] {
  return [s.status, s.estimate, driftText(s.drift), s.at, boardId, storyId, issueId, s.at];
}

/** Column values in table order (tracker_pushes). */
export function pushValues(p: PushRecord): (string | number | null)[] {
  return [
    p.boardId,
    p.storyId,
    p.issueId,
    p.key,
    p.url,
    p.pushedVersion,
    p.pushedAt,
    p.pushed.title,
    p.pushed.description,
    p.pushed.estimate,
    p.seen?.status ?? null,
    p.seen?.estimate ?? null,
    p.seen ? driftText(p.seen.drift) : null,
    p.seen?.at ?? null,
  ];
}

export const PUSH_COLUMNS =
  'board_id, story_id, issue_id, issue_key, issue_url, pushed_version, pushed_at, pushed_title, pushed_description, pushed_estimate, seen_status, seen_estimate, seen_drift, seen_at';
export const CONNECTION_COLUMNS =
  'board_id, kind, base_url, project, fields, sealed_token, created_at, updated_at';
/** Upsert tails: the conflict target is the primary key. */
export const PUSH_UPDATE = `issue_id = excluded.issue_id, issue_key = excluded.issue_key, issue_url = excluded.issue_url,
  pushed_version = excluded.pushed_version, pushed_at = excluded.pushed_at, pushed_title = excluded.pushed_title,
  pushed_description = excluded.pushed_description, pushed_estimate = excluded.pushed_estimate,
  seen_status = excluded.seen_status, seen_estimate = excluded.seen_estimate, seen_drift = excluded.seen_drift,
  seen_at = excluded.seen_at`;
/**
 * What a read found, written only while the record is still about that issue and holds nothing newer.
 * Parameters in order (SQLite's statement swaps each `$n` for `?`).
 */
export const SEEN_UPDATE = `UPDATE tracker_pushes SET seen_status = $1, seen_estimate = $2, seen_drift = $3, seen_at = $4
  WHERE board_id = $5 AND story_id = $6 AND issue_id = $7 AND (seen_at IS NULL OR seen_at <= $8)`;
export const CONNECTION_UPDATE = `kind = excluded.kind, base_url = excluded.base_url, project = excluded.project,
  fields = excluded.fields, sealed_token = excluded.sealed_token, updated_at = excluded.updated_at`;
