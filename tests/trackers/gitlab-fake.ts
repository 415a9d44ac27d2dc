import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUTHOR, WEB, gitlabBodies, type Issue } from './gitlab-fake-bodies';
import { BadRequest, CREATE, EDIT, LIST, NOTE, check, labelList } from './gitlab-fake-params';

/**
 * A local GitLab (REST v4) following GitLab's published API description, for the connector tests.
 * Checked against:
 *   https://docs.gitlab.com/api/issues/   (list project issues, single issue, new issue, edit issue)
 *   https://docs.gitlab.com/api/notes/    (create new issue note)
 *   https://docs.gitlab.com/api/projects/ (get a single project: permissions, issues_enabled)
 *   https://docs.gitlab.com/api/users/    (get the current user)
 *   https://docs.gitlab.com/api/personal_access_tokens/ (self-inform: the token's scopes)
 *   https://docs.gitlab.com/api/rest/#pagination (x-next-page and friends)
 * and the parameter declarations of GitLab's lib/api/issues.rb (types, `labels` split on commas
 * even inside an array, `at_least_one_of` on edit). Response bodies are the documented example
 * payloads with our values filled in.
 *
 * Deliberately stricter than GitLab in one way: GitLab ignores parameters it does not declare;
 * this fake answers 400, so a misspelt parameter (which GitLab would silently drop) fails a test.
 */

export interface GitlabFakeOptions {
  token?: string;
  /** GET /projects/:id of any other path or id answers 404 */
  projectPath?: string;
  projectId?: number;
  /** the token user's project role (10 Guest, 20 Reporter, 30 Developer…) or null for no membership */
  accessLevel?: number | null;
  issuesEnabled?: boolean;
  /** the token's scopes (GET /personal_access_tokens/self); null: a token that cannot read itself (404) */
  scopes?: string[] | null;
  /** false: Free tier — `weight` accepted but dropped, and absent from every issue */
  weights?: boolean;
}

export interface Exchange {
  request: {
    method: string;
    path: string;
    query: Record<string, string>;
    /** the headers GitLab reads; the token's value is never kept, only whether it matched */
    headers: Record<string, string>;
    body: unknown;
  };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

export interface GitlabFake {
  base: string;
  exchanges: Exchange[];
  /** what a person does in GitLab's own UI: add labels, close the issue */
  edit(iid: number, change: { addLabels?: string[]; state?: 'opened' | 'closed'; weight?: number }): void;
  issue(iid: number): Issue | undefined;
  /** issues put straight into the store (not through the API, not recorded) */
  seed(count: number, make: (n: number) => { title: string; description: string; labels: string[] }): void;
  /** the next `times` requests answer 429 with Retry-After (GitLab's Rack::Attack throttle) */
  throttle(times: number, retryAfterSeconds: number): void;
  close(): Promise<void>;
}

export async function startGitlabFake(opts: GitlabFakeOptions = {}): Promise<GitlabFake> {
  const token = opts.token ?? 'glpat-test-token';
  const path = opts.projectPath ?? 'my-group/sub/my-project';
  const projectId = opts.projectId ?? 4;
  const accessLevel = opts.accessLevel === undefined ? 30 : opts.accessLevel;
  const weights = opts.weights ?? true;
  const issues = new Map<number, Issue>();
  const exchanges: Exchange[] = [];
  let throttled = { times: 0, retryAfter: 0 };
  let clock = Date.parse('2026-01-07T12:44:33.959Z');
  const now = () => new Date((clock += 1000)).toISOString();
  let nextId = 84;
  let nextNote = 302;

  const { present, project } = gitlabBodies({
    projectId,
    path,
    weights,
    accessLevel,
    issuesEnabled: opts.issuesEnabled,
    issues,
  });

  const route = (
    method: string,
    segments: string[],
    query: Record<string, string>,
    body: Record<string, unknown>,
  ): { status: number; body: unknown; headers?: Record<string, string> } => {
    // /api/v4/user
    if (method === 'GET' && segments.join('/') === 'api/v4/user')
      return {
        status: 200,
        body: {
          id: 1,
          username: 'john_smith',
          name: 'John Smith',
          state: 'active',
          locked: false,
          avatar_url: null,
          web_url: `${WEB}/john_smith`,
          created_at: '2012-05-23T08:00:58Z',
          bio: '',
          public_email: '',
          email: 'john@example.com',
          is_admin: false,
        },
      };
    // personal_access_tokens.md, "Self-inform" (GitLab 15.5+)
    if (method === 'GET' && segments.join('/') === 'api/v4/personal_access_tokens/self') {
      const scopes = opts.scopes === undefined ? ['api'] : opts.scopes;
      if (scopes === null) return { status: 404, body: { message: '404 Not Found' } };
      return {
        status: 200,
        body: {
          id: 42,
          name: 'Shellboard',
          revoked: false,
          created_at: '2023-08-01T15:00:00.000Z',
          description: 'Test Token description',
          scopes,
          user_id: 1,
          last_used_at: null,
          active: true,
          expires_at: '2027-08-15',
        },
      };
    }
    if (segments[0] !== 'api' || segments[1] !== 'v4' || segments[2] !== 'projects' || segments.length < 4)
      return { status: 404, body: { error: '404 Not Found' } };
    // The project is ONE segment: a path must arrive URL-encoded (group%2Fsub%2Fproject).
    const id = decodeURIComponent(segments[3] ?? '');
    if (id !== path && id !== String(projectId))
      return { status: 404, body: { message: '404 Project Not Found' } };
    const rest = segments.slice(4);
    if (rest.length === 0 && method === 'GET') return { status: 200, body: project() };
    if (rest[0] !== 'issues') return { status: 404, body: { error: '404 Not Found' } };
    if (!(opts.issuesEnabled ?? true)) return { status: 403, body: { message: '403 Forbidden' } };

    if (rest.length === 1 && method === 'GET') {
      check(query, LIST, true);
      let list = [...issues.values()].sort((a, b) => b.id - a.id);
      const want = query.labels !== undefined ? labelList(query.labels, 'labels') : [];
      list = list.filter((i) => want.every((l) => i.labels.includes(l)));
      if (query.state && query.state !== 'all') list = list.filter((i) => i.state === query.state);
      if (query.search) {
        const fields = (query.in ?? 'title,description').split(',');
        const words = query.search.toLowerCase().split(/\s+/);
        list = list.filter((i) =>
          words.every((w) =>
            fields.some((f) => ((f === 'title' ? i.title : i.description) ?? '').toLowerCase().includes(w)),
          ),
        );
      }
      const perPage = Math.min(100, Number(query.per_page ?? 20));
      const page = Number(query.page ?? 1);
      const pages = Math.max(1, Math.ceil(list.length / perPage));
      return {
        status: 200,
        body: list.slice((page - 1) * perPage, page * perPage).map(present),
        headers: {
          'x-page': String(page),
          'x-per-page': String(perPage),
          'x-next-page': page < pages ? String(page + 1) : '',
          'x-prev-page': page > 1 ? String(page - 1) : '',
          'x-total': String(list.length),
          'x-total-pages': String(pages),
        },
      };
    }

    if (rest.length === 1 && method === 'POST') {
      check(body, CREATE, false);
      if (typeof body.title !== 'string' || !body.title) throw new BadRequest('title is missing');
      const at = now();
      const iid = issues.size + 1;
      const issue: Issue = {
        id: nextId++,
        iid,
        title: body.title,
        description: typeof body.description === 'string' ? body.description : null,
        state: 'opened',
        labels: body.labels !== undefined ? [...new Set(labelList(body.labels, 'labels'))] : [],
        weight: weights && typeof body.weight === 'number' ? body.weight : null,
        created_at: at,
        updated_at: at,
        closed_at: null,
        notes: 0,
      };
      issues.set(iid, issue);
      return { status: 201, body: present(issue) };
    }

    const iid = Number(rest[1]);
    if (!/^\d+$/.test(rest[1] ?? '')) throw new BadRequest('issue_iid is invalid');
    const issue = issues.get(iid);
    if (!issue) return { status: 404, body: { message: '404 Issue Not Found' } };

    if (rest.length === 2 && method === 'GET') return { status: 200, body: present(issue) };

    if (rest.length === 2 && method === 'PUT') {
      check(body, EDIT, false);
      const oneOf = [
        'title',
        'description',
        'labels',
        'add_labels',
        'remove_labels',
        'state_event',
        'weight',
      ];
      if (!oneOf.some((k) => k in body))
        throw new BadRequest(`${oneOf.join(', ')} are missing, at least one parameter must be provided`);
      if (typeof body.title === 'string') issue.title = body.title;
      if (typeof body.description === 'string') issue.description = body.description;
      if (body.labels !== undefined) issue.labels = [...new Set(labelList(body.labels, 'labels'))];
      if (body.add_labels !== undefined)
        issue.labels = [...new Set([...issue.labels, ...labelList(body.add_labels, 'add_labels')])];
      if (body.remove_labels !== undefined) {
        const gone = labelList(body.remove_labels, 'remove_labels');
        issue.labels = issue.labels.filter((l) => !gone.includes(l));
      }
      if (weights && (typeof body.weight === 'number' || body.weight === null)) issue.weight = body.weight;
      if (body.state_event === 'close') issue.state = 'closed';
      if (body.state_event === 'reopen') issue.state = 'opened';
      issue.updated_at = now();
      return { status: 200, body: present(issue) };
    }

    if (rest.length === 3 && rest[2] === 'notes' && method === 'POST') {
      check(body, NOTE, false);
      if (typeof body.body !== 'string' || !body.body) throw new BadRequest('body is missing');
      issue.notes++;
      const at = now();
      return {
        status: 201,
        body: {
          id: nextNote++,
          type: null,
          body: body.body,
          attachment: null,
          author: AUTHOR,
          created_at: at,
          updated_at: at,
          system: false,
          noteable_id: issue.id,
          noteable_type: 'Issue',
          project_id: projectId,
          noteable_iid: issue.iid,
          resolvable: false,
          confidential: false,
          internal: body.internal === true,
          imported: false,
          imported_from: 'none',
        },
      };
    }
    return { status: 405, body: { error: '405 Method Not Allowed' } };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const query = Object.fromEntries(url.searchParams);
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      let reply: { status: number; body: unknown; headers?: Record<string, string> };
      try {
        if (raw) {
          if (!String(req.headers['content-type']).startsWith('application/json'))
            throw new BadRequest('body must be JSON');
          const parsed: unknown = JSON.parse(raw);
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new BadRequest('body is invalid');
          body = parsed as Record<string, unknown>;
        }
        if (throttled.times > 0) {
          throttled.times--;
          // Rack::Attack's answer: plain text, with Retry-After in seconds
          reply = {
            status: 429,
            body: 'Retry later\n',
            headers: { 'retry-after': String(throttled.retryAfter) },
          };
        } else if (req.headers['private-token'] !== token) {
          reply = { status: 401, body: { message: '401 Unauthorized' } };
        } else {
          // keep %2F inside a segment: split the raw path, not the decoded one
          reply = route(req.method ?? 'GET', url.pathname.split('/').filter(Boolean), query, body);
        }
      } catch (err) {
        if (!(err instanceof BadRequest) && !(err instanceof SyntaxError)) throw err;
        reply = { status: 400, body: { error: err.message } };
      }
      exchanges.push({
        request: {
          method: req.method ?? 'GET',
          path: url.pathname,
          query,
          headers: {
            accept: String(req.headers.accept),
            'content-type': String(req.headers['content-type'] ?? ''),
            'private-token': req.headers['private-token'] === token ? '<the token>' : '<another token>',
          },
          body: raw ? body : null,
        },
        response: { status: reply.status, headers: reply.headers ?? {}, body: reply.body },
      });
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res
        .writeHead(reply.status, {
          'Content-Type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
          ...reply.headers,
        })
        .end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  return {
    base: `http://127.0.0.1:${port}`,
    exchanges,
    edit(iid, change) {
      const issue = issues.get(iid);
      if (!issue) throw new Error(`no issue ${iid}`);
      if (change.addLabels) issue.labels = [...new Set([...issue.labels, ...change.addLabels])];
      if (change.state) {
        issue.state = change.state;
        issue.closed_at = change.state === 'closed' ? now() : null;
      }
      if (change.weight !== undefined && weights) issue.weight = change.weight;
      issue.updated_at = now();
    },
    issue: (iid) => issues.get(iid),
    seed(count, make) {
      for (let n = 0; n < count; n++) {
        const at = now();
        const iid = issues.size + 1;
        issues.set(iid, {
          id: nextId++,
          iid,
          state: 'opened',
          weight: null,
          created_at: at,
          updated_at: at,
          closed_at: null,
          notes: 0,
          ...make(n),
        });
      }
    },
    throttle(times, retryAfter) {
      throttled = { times, retryAfter };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
