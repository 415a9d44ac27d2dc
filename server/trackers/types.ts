/**
 * One interface for every issue tracker (docs/trackers.md). A connector knows one tracker's API:
 * how to check a connection, create / update / read an issue, find one by our marker, and comment.
 * Everything else (the contract routes, the push records, retries, the address guard, secrets) is
 * shared, so adding Linear or Azure DevOps is one file beside these and one line in ./registry.ts.
 */

export const TRACKER_KINDS = ['jira', 'github', 'gitlab', 'redmine'] as const;
export type TrackerKind = (typeof TRACKER_KINDS)[number];

/** A board's tracker connection as the owner configured it (the token in clear only in memory). */
export interface TrackerConnection {
  kind: TrackerKind;
  /** origin (and path prefix) of the tracker's web/API root, no trailing slash */
  baseUrl: string;
  /** jira: project key · github: owner/repo · gitlab: path or id · redmine: identifier */
  project: string;
  token: string;
  /** field overrides: jira a field id · redmine `estimated_hours` or `cf:<id>` · others unused */
  fields: { estimate?: string };
}

/** What we put in the tracker for one formal story version; each connector renders it its own way. */
export interface IssueDraft {
  title: string;
  /** "As a … I want … so that …" (may be empty) */
  narrative: string;
  /** acceptance criteria, rendered as a checklist */
  criteria: string[];
  decisions: string[];
  /** absolute URL of the formal story page on the board */
  link: string;
  /**
   * A token unique to this board + story (`shellboard:<boardId>/<storyId>`), placed in the
   * description so a push that died between the tracker's create and our record finds the issue
   * (`find`) instead of creating a second one.
   */
  marker: string;
  /** estimate on the board's scale (e.g. "5", "M"), or null */
  estimate: string | null;
  /** value stream and persona, as labels (may contain spaces and commas) */
  labels: string[];
  version: number;
}

/** What the tracker holds for an issue, as it answered (used for drift and the card's status). */
export interface IssueState {
  /** the tracker's own API handle for the issue (jira id, github/gitlab number, redmine id) */
  id: string;
  /** what people call it: PROJ-12, owner/repo#12, group/proj#12, #12 */
  key: string;
  /** the issue's page for a person (not the API URL) */
  url: string;
  /** the tracker's own status name ("To Do", "open", "closed", "New") */
  status: string;
  title: string;
  /** the description text as the tracker stores it (drift compares it with what we last pushed) */
  description: string;
  /** the estimate as the tracker holds it, as a string ("5", "3.0" → "3"), or null */
  estimate: string | null;
}

export interface VerifyResult {
  /** the project's display name, as the tracker calls it */
  projectName: string;
  /** field ids the connector resolved (jira: the story-points field), to show and store */
  fields: { estimate?: string };
}

export interface TrackerConnector {
  /** Checks the token and project; throws TrackerError naming what the tracker answered. */
  verify(): Promise<VerifyResult>;
  /** The issue whose description carries `marker`, or null. */
  find(marker: string): Promise<IssueState | null>;
  create(draft: IssueDraft): Promise<IssueState>;
  /** Replaces title, description, estimate and labels of the issue `id`. */
  update(id: string, draft: IssueDraft): Promise<IssueState>;
  read(id: string): Promise<IssueState>;
  /** Adds a comment; `lines` are plain sentences, each its own bullet. */
  comment(id: string, lines: string[]): Promise<void>;
}

/** Builds a connector over the shared HTTP client (./http.ts) for one connection. */
export type ConnectorFactory = (conn: TrackerConnection, http: TrackerHttp) => TrackerConnector;

export interface TrackerRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** path below the connection's baseUrl, starting with `/`, query string included */
  path: string;
  headers?: Record<string, string>;
  /** JSON body */
  json?: unknown;
}

export interface TrackerResponse {
  status: number;
  headers: Headers;
  /** parsed JSON, or null for an empty body */
  body: unknown;
}

/** The only way a connector talks to its tracker: pinned to baseUrl, bounded, retried. */
export interface TrackerHttp {
  /** Resolves on 2xx; throws TrackerError otherwise (after retries for 429 / 5xx / network). */
  request(req: TrackerRequest): Promise<TrackerResponse>;
}

/**
 * A tracker said no (or could not be reached). `status` is the tracker's HTTP status (0: no answer);
 * `message` quotes the tracker's own words so the person sees what it said.
 */
export class TrackerError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** a stable reason for the API's error code */
    readonly reason:
      'unauthorized' | 'forbidden' | 'not_found' | 'invalid' | 'unavailable' | 'refused' = status === 401
      ? 'unauthorized'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_found'
          : status >= 400 && status < 500
            ? 'invalid'
            : 'unavailable',
  ) {
    super(message);
    this.name = 'TrackerError';
  }
}
