import { z } from 'zod';
import { TRACKER_KINDS } from '../trackers/types';
import type { PushRecord, TrackerConnectionRecord } from './store';

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
});

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
  };
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
  ];
}

export const PUSH_COLUMNS =
  'board_id, story_id, issue_id, issue_key, issue_url, pushed_version, pushed_at, pushed_title, pushed_description, pushed_estimate';
export const CONNECTION_COLUMNS =
  'board_id, kind, base_url, project, fields, sealed_token, created_at, updated_at';
/** Upsert tails: the conflict target is the primary key. */
export const PUSH_UPDATE = `issue_id = excluded.issue_id, issue_key = excluded.issue_key, issue_url = excluded.issue_url,
  pushed_version = excluded.pushed_version, pushed_at = excluded.pushed_at, pushed_title = excluded.pushed_title,
  pushed_description = excluded.pushed_description, pushed_estimate = excluded.pushed_estimate`;
export const CONNECTION_UPDATE = `kind = excluded.kind, base_url = excluded.base_url, project = excluded.project,
  fields = excluded.fields, sealed_token = excluded.sealed_token, updated_at = excluded.updated_at`;
