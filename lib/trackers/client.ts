import { z } from 'zod';

/**
 * The board's tracker over the HTTP API (docs/trackers.md): connect / read / disconnect the
 * connection, push a formal story, read one story's tracker state, push every unpushed story, and
 * the per-story push summary the cards show. Isomorphic: the browser calls it with a relative
 * origin, tests with the server's address. Every answer is parsed with zod before anyone reads it.
 */

export const TRACKER_KINDS = ['jira', 'github', 'gitlab', 'redmine'] as const;
export type TrackerKind = (typeof TRACKER_KINDS)[number];
export const trackerKindSchema = z.enum(TRACKER_KINDS);

/** Only http(s) pages may become a link on the board: a `javascript:` URL from a tracker never does. */
const pageUrl = z.url({ protocol: /^https?$/ });

export const trackerConfigSchema = z.object({
  kind: trackerKindSchema,
  baseUrl: z.string(),
  project: z.string(),
  fields: z.object({ estimate: z.string().optional() }).default({}),
  tokenSet: z.boolean().default(true),
});
export type TrackerConfig = z.infer<typeof trackerConfigSchema>;

export interface TrackerConnectInput {
  kind: TrackerKind;
  baseUrl: string;
  project: string;
  token: string;
  fields?: { estimate?: string };
}

export const issueRefSchema = z.object({ key: z.string(), url: pageUrl, status: z.string() });
export type IssueRef = z.infer<typeof issueRefSchema>;

/** When a push was recorded: the API answers epoch ms; an ISO string is read the same way. */
const instant = z.union([z.number(), z.string().transform((s) => Date.parse(s))]);

export const pushResultSchema = z.object({
  issue: issueRefSchema,
  version: z.number().int(),
  pushedAt: instant,
});
export type PushResult = z.infer<typeof pushResultSchema> & { created: boolean };

export const DRIFT_FIELDS = ['title', 'description', 'estimate'] as const;

export const storyTrackerSchema = z.object({
  issue: issueRefSchema.extend({ estimate: z.string().nullable().default(null) }),
  pushedVersion: z.number().int(),
  drift: z.array(z.string()).default([]),
});
export type StoryTrackerState = z.infer<typeof storyTrackerSchema>;

/**
 * One formal story's push record, as the summary lists it for the cards (`GET …/tracker/pushes`).
 * The record holds the key and URL; the tracker's status and drift only when the server knows them.
 */
export const pushSummaryItemSchema = z.object({
  storyId: z.string(),
  key: z.string(),
  url: pageUrl,
  status: z.string().nullable().default(null),
  pushedVersion: z.number().int(),
  pushedAt: instant.nullable().default(null),
  drift: z.array(z.string()).default([]),
});
export type PushSummaryItem = z.infer<typeof pushSummaryItemSchema>;
export const pushSummarySchema = z.object({ pushes: z.array(pushSummaryItemSchema) });

const bulkItemSchema = z.union([
  z.object({
    storyId: z.string(),
    ok: z.literal(true),
    issue: issueRefSchema,
    version: z.number().int(),
  }),
  z.object({
    storyId: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export const bulkPushSchema = z.object({ results: z.array(bulkItemSchema) });
export type BulkPushResult = z.infer<typeof bulkPushSchema>;

/** Which form field an error is about, when the answer says so. */
export type TrackerField = 'kind' | 'baseUrl' | 'project' | 'token' | 'estimate';

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    trackerStatus: z.number().optional(),
    field: z.string().optional(),
  }),
});

/** The server or the tracker said no; `message` is their own words. */
export class TrackerApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly trackerStatus: number | null = null,
    readonly field: TrackerField | null = null,
  ) {
    super(message);
    this.name = 'TrackerApiError';
  }
}

const FIELDS: readonly TrackerField[] = ['kind', 'baseUrl', 'project', 'token', 'estimate'];

/**
 * The field an error points at: the server's `field` when it names one, else what the code, the
 * tracker's status or the words say (a 401 is the token, a 404 the project, an address the URL).
 */
export function fieldOf(code: string, message: string, trackerStatus: number | null): TrackerField | null {
  const m = message.toLowerCase();
  if (code.includes('address')) return 'baseUrl';
  if (/estimate|custom field|story.?points|cf:/.test(m)) return 'estimate';
  if (
    code.includes('unauthorized') ||
    code.includes('forbidden') ||
    trackerStatus === 401 ||
    trackerStatus === 403
  )
    return 'token';
  if (/\btoken\b|api key|credential|authenticat/.test(m)) return 'token';
  if (code.includes('not_found') || trackerStatus === 404 || /\bproject\b|repositor/.test(m))
    return 'project';
  if (/baseurl|base url|address|host|url|allow_hosts|private|loopback/.test(m)) return 'baseUrl';
  if (/\bkind\b/.test(m)) return 'kind';
  return null;
}

async function toError(res: Response): Promise<TrackerApiError> {
  const parsed = errorBodySchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success)
    return new TrackerApiError(res.status, 'http_error', `The server answered ${res.status}.`);
  const { code, message, trackerStatus, field } = parsed.data.error;
  const named = FIELDS.find((f) => f === field) ?? null;
  return new TrackerApiError(
    res.status,
    code,
    message,
    trackerStatus ?? null,
    named ?? fieldOf(code, message, trackerStatus ?? null),
  );
}

export interface TrackerClientOptions {
  boardId: string;
  key: string;
  /** '' in the browser (same origin); the server's address elsewhere */
  origin?: string;
  fetch?: typeof fetch;
}

export type TrackerClient = ReturnType<typeof createTrackerClient>;

export function createTrackerClient({ boardId, key, origin = '', fetch: f = fetch }: TrackerClientOptions) {
  const board = `${origin}/api/boards/${encodeURIComponent(boardId)}`;
  const story = (id: string) => `${board}/stories/${encodeURIComponent(id)}`;
  const auth = { Authorization: `Bearer ${key}` };
  async function call(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await f(url, { cache: 'no-store', ...init, headers: { ...auth, ...init.headers } });
    if (!res.ok) throw await toError(res);
    return res;
  }
  const post = (body?: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });

  return {
    /** The connection without its token, or null when the board has none. */
    async getTracker(): Promise<TrackerConfig | null> {
      try {
        return trackerConfigSchema.parse(await (await call(`${board}/tracker`)).json());
      } catch (e) {
        if (e instanceof TrackerApiError && e.status === 404) return null;
        throw e;
      }
    },
    /** Verified by the server against the tracker before anything is saved. */
    async connect(input: TrackerConnectInput): Promise<TrackerConfig> {
      const res = await call(`${board}/tracker`, { ...post(input), method: 'PUT' });
      return trackerConfigSchema.parse(await res.json());
    },
    async disconnect(): Promise<void> {
      await call(`${board}/tracker`, { method: 'DELETE' });
    },
    async push(storyId: string): Promise<PushResult> {
      const res = await call(`${story(storyId)}/push`, post());
      return { ...pushResultSchema.parse(await res.json()), created: res.status === 201 };
    },
    /** What the tracker holds for the story now (and what drifted), or null if it was never pushed. */
    async storyState(storyId: string): Promise<StoryTrackerState | null> {
      try {
        return storyTrackerSchema.parse(await (await call(`${story(storyId)}/tracker`)).json());
      } catch (e) {
        if (e instanceof TrackerApiError && e.status === 404) return null;
        throw e;
      }
    },
    async pushAll(): Promise<BulkPushResult> {
      return bulkPushSchema.parse(await (await call(`${board}/push`, post())).json());
    },
    /** Every pushed story's record in one request: what the cards show. */
    async summary(): Promise<PushSummaryItem[]> {
      return pushSummarySchema.parse(await (await call(`${board}/tracker/pushes`)).json()).pushes;
    },
  };
}
