import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  TrackerError,
  type ConnectorFactory,
  type IssueDraft,
  type IssueState,
} from '../../server/trackers/types';

/**
 * An issue tracker kept in memory, for tests of OUR tracker service (server/trackers/service.ts):
 * locks, records, marker lookup, roles, secrets. It models no real tracker's API — the connectors'
 * own tests check those against each tracker's published description. `verify` makes one real
 * HTTP request to `baseUrl` through the service's guarded client, so the address guard is real.
 */
export interface MemoryIssue extends IssueState {
  draft: IssueDraft;
  comments: string[][];
}

export interface MemoryTracker {
  factory: ConnectorFactory;
  issues: Map<string, MemoryIssue>;
  /** the next create stores the issue, then fails as if the answer never reached us */
  loseNextCreateAnswer: boolean;
  /** the next comment fails with 500 */
  failNextComment: boolean;
  /** each create waits this long (widens the race the push lock must close) */
  createDelayMs: number;
  calls: string[];
  /** a local HTTP server `verify` calls: its address is the connection's baseUrl */
  baseUrl: string;
  close(): Promise<void>;
}

export const GOOD_TOKEN = 'tracker-token-0123456789-secret';

export async function startMemoryTracker(): Promise<MemoryTracker> {
  const server = http.createServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${GOOD_TOKEN}`;
    res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(ok ? { name: 'Shop' } : { message: 'Invalid token' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  let next = 1;

  const t: MemoryTracker = {
    issues: new Map(),
    loseNextCreateAnswer: false,
    failNextComment: false,
    createDelayMs: 0,
    calls: [],
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
    factory: (conn, client) => {
      const render = (d: IssueDraft) =>
        `${d.narrative}\n${d.criteria.map((c) => `- [ ] ${c}`).join('\n')}\n${d.link}\n${d.marker}`;
      const state = (i: MemoryIssue): IssueState => {
        const { draft: _d, comments: _c, ...s } = i;
        return { ...s };
      };
      const issue = (id: string) => {
        const i = t.issues.get(id);
        if (!i) throw new TrackerError(404, '404: Issue not found');
        return i;
      };
      return {
        async verify() {
          t.calls.push('verify');
          const res = await client.request({
            method: 'GET',
            path: `/projects/${conn.project}`,
            headers: { Authorization: `Bearer ${conn.token}` },
          });
          return {
            projectName: (res.body as { name: string }).name,
            fields: { estimate: conn.fields.estimate ?? 'points' },
          };
        },
        async find(marker) {
          t.calls.push('find');
          const i = [...t.issues.values()].find((x) => x.description.includes(marker));
          return i ? state(i) : null;
        },
        async create(draft) {
          t.calls.push('create');
          await new Promise((r) => setTimeout(r, t.createDelayMs));
          const id = String(next++);
          const i: MemoryIssue = {
            id,
            key: `SHOP-${id}`,
            url: `${t.baseUrl}/issues/${id}`,
            status: 'To Do',
            title: draft.title,
            description: render(draft),
            estimate: draft.estimate,
            draft,
            comments: [],
          };
          t.issues.set(id, i);
          if (t.loseNextCreateAnswer) {
            t.loseNextCreateAnswer = false;
            throw new TrackerError(0, 'The tracker did not answer within 10 s.', 'unavailable');
          }
          return state(i);
        },
        async update(id, draft) {
          t.calls.push(`update:${id}`);
          const i = issue(id);
          Object.assign(i, {
            title: draft.title,
            description: render(draft),
            estimate: draft.estimate,
            draft,
          });
          return state(i);
        },
        async read(id) {
          t.calls.push(`read:${id}`);
          return state(issue(id));
        },
        async comment(id, lines) {
          t.calls.push(`comment:${id}`);
          if (t.failNextComment) {
            t.failNextComment = false;
            throw new TrackerError(500, '500: Internal error');
          }
          issue(id).comments.push(lines);
        },
      };
    },
  };
  return t;
}
