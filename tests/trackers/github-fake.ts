import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { basicErrorProblem, githubSpec, specExample } from './github-spec';

/**
 * A local stand-in for GitHub's REST API (issues, labels, comments of one repository), checked
 * against GitHub's own OpenAPI description: every request is validated before it is served (a
 * request the spec rejects gets 400 and is recorded in `violations`), and every answer is
 * validated against the operation's response schema (a wrong fake records a violation too).
 * Bodies start from the spec's own examples, so they carry every field GitHub sends.
 */

type Issue = Record<string, unknown> & {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: Label[];
};
type Label = Record<string, unknown> & { name: string };

export interface GithubFake {
  /** like GitHub Enterprise: the API below a path prefix */
  baseUrl: string;
  owner: string;
  repo: string;
  token: string;
  /** requests the spec rejects and answers the spec would reject; a test asserts it stays empty */
  violations: string[];
  requests: { method: string; path: string }[];
  issues: Map<number, Issue>;
  labels: Map<string, Label>;
  comments: { issue: number; body: string }[];
  /** what `permissions.push` says on the repository */
  push: boolean;
  /** the search API answers 403 "API rate limit exceeded" (its own limit: 30 a minute) */
  searchLimited: boolean;
  /** answer the next requests with these statuses (429 with Retry-After, 5xx), one each */
  failNext(status: number, retryAfterSeconds?: number): void;
  /** an issue as if a person made it in GitHub */
  addIssue(fields: { title: string; body?: string; labels?: string[]; state?: 'open' | 'closed' }): Issue;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

export async function startGithubFake(
  opts: { owner?: string; repo?: string; token?: string } = {},
): Promise<GithubFake> {
  const api = await githubSpec();
  const owner = opts.owner ?? 'octo-org';
  const repo = opts.repo ?? 'planning';
  const token = opts.token ?? 'ghp_fake_token_0123456789';
  const failures: { status: number; retryAfter?: number }[] = [];
  let nextId = 1000;
  let origin = '';

  const issueUrl = (n: number) => `${origin}/api/v3/repos/${owner}/${repo}/issues/${n}`;
  const makeLabel = (name: string, color = 'ededed'): Label => ({
    ...specExample('label'),
    id: nextId++,
    node_id: `LA_${nextId}`,
    url: `${origin}/api/v3/repos/${owner}/${repo}/labels/${encodeURIComponent(name)}`,
    name,
    color,
    description: null,
    default: false,
  });
  const labelByName = (name: string) => fake.labels.get(name.toLowerCase());

  const fake: GithubFake = {
    baseUrl: '',
    owner,
    repo,
    token,
    violations: [],
    requests: [],
    issues: new Map(),
    labels: new Map(),
    comments: [],
    push: true,
    searchLimited: false,
    failNext(status, retryAfterSeconds) {
      failures.push({ status, retryAfter: retryAfterSeconds });
    },
    addIssue(fields) {
      const number = fake.issues.size + 1;
      const base = specExample('issue');
      const issue: Issue = {
        ...base,
        id: nextId++,
        node_id: `I_${nextId}`,
        number,
        url: issueUrl(number),
        repository_url: `${origin}/api/v3/repos/${owner}/${repo}`,
        labels_url: `${issueUrl(number)}/labels{/name}`,
        comments_url: `${issueUrl(number)}/comments`,
        events_url: `${issueUrl(number)}/events`,
        html_url: `${origin}/${owner}/${repo}/issues/${number}`,
        title: fields.title,
        body: fields.body ?? null,
        state: fields.state ?? 'open',
        state_reason: fields.state === 'closed' ? 'completed' : null,
        closed_at: fields.state === 'closed' ? new Date().toISOString() : null,
        labels: (fields.labels ?? []).map((n) => labelByName(n) ?? makeLabel(n)),
        comments: 0,
        pull_request: undefined,
      };
      delete issue.pull_request;
      for (const l of issue.labels) fake.labels.set(l.name.toLowerCase(), l);
      fake.issues.set(number, issue);
      return issue;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };

  type Answer = { status: number; body: unknown; headers?: Record<string, string> };
  const error = (status: number, message: string): Answer => ({
    status,
    body: { message, documentation_url: DOCS, status: String(status) },
  });

  /** Applies the labels of a create/update: names must exist (GitHub's docs promise no auto-create). */
  const resolveLabels = (raw: unknown): Label[] | string => {
    const out: Label[] = [];
    for (const l of raw as (string | { name?: string })[]) {
      const name = typeof l === 'string' ? l : (l.name ?? '');
      const label = labelByName(name);
      if (!label) return `label "${name}" does not exist in the repository`;
      out.push(label);
    }
    return out;
  };

  const handlers: Record<string, (p: Record<string, string>, q: URLSearchParams, body: unknown) => Answer> = {
    'repos/get': () => ({
      status: 200,
      body: {
        ...specExample('full-repository'),
        name: repo,
        full_name: `${owner}/${repo}`,
        html_url: `${origin}/${owner}/${repo}`,
        has_issues: true,
        has_discussions: false,
        permissions: { admin: false, maintain: false, push: fake.push, triage: true, pull: true },
      },
    }),
    'issues/list-for-repo': (_p, q) => {
      const state = q.get('state') ?? 'open';
      const wanted = (q.get('labels') ?? '').split(',').filter(Boolean);
      const perPage = Number(q.get('per_page') ?? 30);
      const page = Number(q.get('page') ?? 1);
      const all = [...fake.issues.values()]
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => wanted.every((w) => i.labels.some((l) => l.name.toLowerCase() === w.toLowerCase())))
        .sort((a, b) => b.number - a.number);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (n: number, rel: string) =>
        `<${origin}/api/v3/repositories/1/issues?state=${state}&labels=${wanted.join(',')}&per_page=${perPage}&page=${n}>; rel="${rel}"`;
      const links = [
        ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
      ];
      return {
        status: 200,
        body: all.slice((page - 1) * perPage, page * perPage),
        headers: links.length ? { Link: links.join(', ') } : undefined,
      };
    },
    'search/issues-and-pull-requests': (_p, q) => {
      if (fake.searchLimited) return error(403, 'API rate limit exceeded for user ID 1.');
      // The qualifiers the connector uses (repo:, is:issue, in:body) and quoted phrases; GitHub's
      // own matching is by words, this one by the exact phrase (stricter, never looser).
      const query = q.get('q') ?? '';
      const phrases = [...query.matchAll(/"([^"]*)"/g)].map((m) => (m[1] ?? '').toLowerCase());
      const rest = query
        .replace(/"[^"]*"/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
      const known = new Set([`repo:${owner}/${repo}`, 'is:issue', 'in:body']);
      const unknown = rest.filter((t) => !known.has(t));
      if (unknown.length || !rest.includes(`repo:${owner}/${repo}`))
        return error(422, `the fake does not model the query terms ${unknown.join(' ') || '(no repo:)'}`);
      const items = [...fake.issues.values()]
        .filter((i) => phrases.every((ph) => (i.body ?? '').toLowerCase().includes(ph)))
        .sort((a, b) => a.number - b.number)
        .slice(0, Number(q.get('per_page') ?? 30))
        .map((i) => ({ ...i, score: 1 }));
      return {
        status: 200,
        body: { total_count: items.length, incomplete_results: false, search_type: 'lexical', items },
      };
    },
    'issues/create': (_p, _q, body) => {
      const b = body as { title: string; body?: string; labels?: unknown[] };
      const labels = resolveLabels(b.labels ?? []);
      if (typeof labels === 'string') return error(422, labels);
      const issue = fake.addIssue({ title: String(b.title), body: b.body });
      issue.labels = labels;
      return { status: 201, body: issue, headers: { Location: issue.url as string } };
    },
    'issues/get': (p) => {
      const issue = fake.issues.get(Number(p.issue_number));
      return issue ? { status: 200, body: issue } : error(404, 'Not Found');
    },
    'issues/update': (p, _q, body) => {
      const issue = fake.issues.get(Number(p.issue_number));
      if (!issue) return error(404, 'Not Found');
      const b = body as Partial<Issue> & { labels?: unknown[] };
      if (b.labels) {
        const labels = resolveLabels(b.labels);
        if (typeof labels === 'string') return error(422, labels);
        issue.labels = labels;
      }
      if (typeof b.title === 'string') issue.title = b.title;
      if (b.body !== undefined) issue.body = b.body;
      if (b.state) {
        issue.state = b.state;
        issue.state_reason = b.state === 'closed' ? (b.state_reason ?? 'completed') : 'reopened';
        issue.closed_at = b.state === 'closed' ? new Date().toISOString() : null;
      }
      issue.updated_at = new Date().toISOString();
      return { status: 200, body: issue };
    },
    'issues/create-comment': (p, _q, body) => {
      const issue = fake.issues.get(Number(p.issue_number));
      if (!issue) return error(404, 'Not Found');
      const text = (body as { body: string }).body;
      fake.comments.push({ issue: issue.number, body: text });
      issue.comments = (issue.comments as number) + 1;
      return {
        status: 201,
        body: {
          ...specExample('issue-comment'),
          id: nextId++,
          body: text,
          issue_url: issueUrl(issue.number),
          html_url: `${issue.html_url as string}#issuecomment-${nextId}`,
        },
      };
    },
    'issues/create-label': (_p, _q, body) => {
      const b = body as { name: string; color?: string };
      if (labelByName(b.name))
        return {
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
            documentation_url: `${DOCS}/issues/labels#create-a-label`,
          },
        };
      const label = makeLabel(b.name, b.color);
      fake.labels.set(b.name.toLowerCase(), label);
      return { status: 201, body: label };
    },
  };

  const serve = (req: http.IncomingMessage, raw: string): Answer => {
    const url = new URL(req.url ?? '/', origin);
    const method = (req.method ?? 'GET').toLowerCase();
    fake.requests.push({ method: method.toUpperCase(), path: url.pathname + url.search });
    if (!url.pathname.startsWith('/api/v3/')) return error(404, 'Not Found');
    const path = url.pathname.slice('/api/v3'.length);
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        fake.violations.push(`${method} ${path}: body is not JSON`);
        return error(400, 'Problems parsing JSON');
      }
    }
    const query: Record<string, string | string[]> = {};
    for (const k of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(k);
      query[k] = all.length > 1 ? all : (all[0] ?? '');
    }
    const headers = req.headers as Record<string, string | string[]>;
    const request = { method, path, query, headers, body };
    const op = api.matchOperation(request);
    if (!op) {
      fake.violations.push(
        `${method} ${path}: no such operation in GitHub's spec (or not one the connector should use)`,
      );
      return error(404, 'Not Found');
    }
    const checked = api.validateRequest(request, op);
    if (!checked.valid) {
      fake.violations.push(`${op.operationId}: ${JSON.stringify(checked.errors)}`);
      return error(400, `Invalid request: ${JSON.stringify(checked.errors)}`);
    }
    // GitHub's documented request headers (REST API "getting started"): not in the spec's parameters
    if (req.headers.accept !== 'application/vnd.github+json')
      fake.violations.push(`${op.operationId}: Accept is ${req.headers.accept}`);
    if (req.headers['x-github-api-version'] !== '2022-11-28')
      fake.violations.push(
        `${op.operationId}: X-GitHub-Api-Version is ${String(req.headers['x-github-api-version'])}`,
      );
    if (req.headers.authorization !== `Bearer ${token}`) return error(401, 'Bad credentials');
    const fail = failures.shift();
    if (fail)
      return {
        ...error(
          fail.status,
          fail.status === 429 || fail.status === 403
            ? 'API rate limit exceeded for user ID 1.'
            : 'Server Error',
        ),
        headers: fail.retryAfter !== undefined ? { 'Retry-After': String(fail.retryAfter) } : {},
      };
    const p = (op as { operationId?: string }).operationId ?? '';
    const params = (checked as unknown as { params?: Record<string, string> }).params ?? {};
    const routeParams = { ...params, ...matchParams(path) };
    if (p !== 'search/issues-and-pull-requests' && (routeParams.owner !== owner || routeParams.repo !== repo))
      return error(404, 'Not Found');
    const handler = handlers[p];
    if (!handler) {
      fake.violations.push(`${p}: the fake has no handler`);
      return error(501, 'Not Implemented');
    }
    return handler(routeParams, url.searchParams, body);
  };

  /** Every answer is checked: against the operation's schema for its status, else `basic-error`. */
  const check = async (req: http.IncomingMessage, a: Answer) => {
    const path = new URL(req.url ?? '/', origin).pathname.replace(/^\/api\/v3/, '');
    const op = api.matchOperation({ method: (req.method ?? 'GET').toLowerCase(), path, headers: {} });
    const inSpec = op && Object.keys(op.responses ?? {}).includes(String(a.status));
    const problem =
      op && inSpec
        ? (api.validateResponse(a.body, op, a.status).errors ?? null)
        : await basicErrorProblem(a.body);
    if (problem)
      fake.violations.push(
        `answer ${a.status} to ${req.method} ${path}: ${JSON.stringify(problem).slice(0, 500)}`,
      );
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const a = serve(req, raw);
      void check(req, a)
        .catch((err: unknown) => void fake.violations.push(`checking the answer failed: ${String(err)}`))
        .finally(() => {
          res.writeHead(a.status, { 'Content-Type': 'application/json; charset=utf-8', ...a.headers });
          res.end(JSON.stringify(a.body));
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.baseUrl = `${origin}/api/v3`;
  return fake;
}

/** owner / repo / issue_number from a matched path (decoded). */
function matchParams(path: string): Record<string, string> {
  const m = /^\/repos\/([^/]+)\/([^/]+)(?:\/issues\/(\d+))?/.exec(path);
  if (!m) return {};
  const out: Record<string, string> = {
    owner: decodeURIComponent(m[1] ?? ''),
    repo: decodeURIComponent(m[2] ?? ''),
  };
  if (m[3]) out.issue_number = m[3];
  return out;
}
