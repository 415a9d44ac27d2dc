import { z } from 'zod';

/**
 * The tracker contract's bodies (docs/trackers.md), shared by the server routes and the UI. Kinds are
 * listed here too (server/trackers/types.ts re-checks them) because lib/ never imports server/.
 */
export const TRACKER_KIND_NAMES = ['jira', 'github', 'gitlab', 'redmine'] as const;

export const connectTrackerBody = z.object({
  kind: z.enum(TRACKER_KIND_NAMES),
  baseUrl: z
    .string()
    .trim()
    .max(500)
    .url('baseUrl must be an absolute http(s) URL')
    .transform((u) => u.replace(/\/+$/, '')),
  project: z.string().trim().min(1, 'project is required').max(200),
  token: z.string().trim().min(1, 'token is required').max(2000),
  fields: z
    .object({ estimate: z.string().trim().min(1).max(100).optional() })
    .strict()
    .optional()
    .default({}),
});
export type ConnectTrackerBody = z.infer<typeof connectTrackerBody>;

/** `PUT` / `GET /api/boards/:id/tracker`: never the token, only that one is set. */
export interface TrackerConnectionView {
  kind: (typeof TRACKER_KIND_NAMES)[number];
  baseUrl: string;
  project: string;
  fields: { estimate?: string };
  tokenSet: true;
}

export interface PushedIssue {
  key: string;
  url: string;
  status: string;
}

/** `POST /api/boards/:id/stories/:storyId/push` → 201 first push, 200 later. */
export interface PushResponse {
  issue: PushedIssue;
  version: number;
  pushedAt: number;
}

export const DRIFT_FIELDS = ['title', 'description', 'estimate'] as const;
export type DriftField = (typeof DRIFT_FIELDS)[number];

/** `GET /api/boards/:id/stories/:storyId/tracker`: the tracker's current state (cached ~30 s). */
export interface StoryTrackerStatus {
  issue: PushedIssue & { estimate: string | null };
  pushedVersion: number;
  /** fields edited in the tracker since our push */
  drift: DriftField[];
  /** when the tracker was read (ms); older than now when served from the cache */
  readAt: number;
}

/** The error body of a tracker failure: the tracker's own words and its HTTP status (0: no answer). */
export interface TrackerErrorBody {
  error: { code: string; message: string; trackerStatus: number };
}

/** One story's outcome in `POST /api/boards/:id/push`. */
export type BulkPushResult =
  | ({ storyId: string; ok: true; status: 200 | 201 } & PushResponse)
  | {
      storyId: string;
      ok: false;
      status: number;
      error: { code: string; message: string; trackerStatus?: number };
    };

export interface BulkPushResponse {
  results: BulkPushResult[];
  /** stories still not pushed after this call (a call handles at most a bounded number) */
  remaining: number;
}

/** `GET /api/boards/:id/tracker/pushes` (any role): every pushed story's issue, for the cards. */
export interface PushSummary {
  storyId: string;
  key: string;
  url: string;
  pushedVersion: number;
  pushedAt: number;
  /** the tracker's status as last confirmed (our push's answer or a story read); null: not known yet */
  status: string | null;
  /** the tracker's estimate at that moment */
  estimate: string | null;
  /** what that read found edited in the tracker since our push */
  drift: DriftField[];
  /** when the tracker confirmed `status` (ms), or null */
  statusAt: number | null;
}
