import { randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { DcComment, DcCreate, DcPage, J } from './jira-fake-schemas';
import { jiraScreen } from './jira-fake-screen';

/**
 * A local Jira (Cloud REST v3 or Data Center REST v2) for the connector tests. It cannot drift from
 * Jira's API unnoticed: every response body is parsed with the jira.js model schema for that
 * endpoint in jira.js's *strict* audit mode (AUDIT_SCHEMAS=true: an undocumented key fails, as
 * does a wrong type), and every request body is parsed with the schema jira.js sends for that call.
 * A mismatch answers 500 and lands in `problems`, which the tests assert empty.
 *
 * jira.js describes Jira Cloud. Data Center's v2 resources have the same shapes for what we use
 * except two, handled here: the create-metadata pages wrap their items in `values` (items still
 * checked with jira.js's item schemas), and descriptions/comment bodies are wiki strings, not ADF.
 */

export type Flavor = 'cloud' | 'dc';

export interface FakeProject {
  key: string;
  name: string;
  /** false: the Story create screen lacks the story-points field */
  storyPoints: boolean;
}

export interface FakeIssue {
  id: string;
  key: string;
  project: string;
  fields: Record<string, unknown>;
  comments: unknown[];
}

export interface JiraFake {
  baseUrl: string;
  flavor: Flavor;
  /** the story-points field id, random per fake (`customfield_1xxxx`) */
  storyPointsField: string;
  /** a second number field on the screen, for the `fields.estimate` override */
  otherNumberField: string;
  issues: Map<string, FakeIssue>;
  requests: { method: string; path: string; body: unknown }[];
  /** schema mismatches, request or response; tests expect none */
  problems: string[];
  /** answer the next `n` requests with 429 Retry-After `seconds` */
  throttle(n: number, seconds: number): void;
  close(): Promise<void>;
}

export async function startJiraFake(opts: {
  flavor: Flavor;
  /** Cloud: `email:apiToken` (Basic); DC: a personal access token (Bearer) */
  token: string;
  projects: FakeProject[];
}): Promise<JiraFake> {
  const spField = `customfield_${randomInt(10000, 20000)}`;
  let other = `customfield_${randomInt(10000, 20000)}`;
  while (other === spField) other = `customfield_${randomInt(10000, 20000)}`;
  const cloud = opts.flavor === 'cloud';
  const api = cloud ? '/rest/api/3' : '/rest/api/2';
  const expectedAuth = cloud ? `Basic ${Buffer.from(opts.token).toString('base64')}` : `Bearer ${opts.token}`;
  const issues = new Map<string, FakeIssue>();
  const requests: JiraFake['requests'] = [];
  const problems: string[] = [];
  let throttled = 0;
  let retryAfter = 1;
  let nextId = 10000;
  let baseUrl = '';

  const check = (schema: z.ZodType, value: unknown, what: string): boolean => {
    const r = schema.safeParse(value);
    if (!r.success) problems.push(`${what}: ${r.error.message}`);
    return r.success;
  };

  const { issueTypes, fieldMeta, checkFields } = jiraScreen({ cloud, spField, other, check });

  const issueBody = (i: FakeIssue, wanted: string[] | null) => ({
    id: i.id,
    key: i.key,
    self: `${baseUrl}${api}/issue/${i.id}`,
    fields: Object.fromEntries(Object.entries(i.fields).filter(([k]) => !wanted || wanted.includes(k))),
  });

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname;
      const method = req.method ?? 'GET';
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        problems.push(`${method} ${path}: body is not JSON`);
      }
      requests.push({ method, path: path + url.search, body });

      const send = (status: number, out: unknown, schema?: z.ZodType, extra: Record<string, string> = {}) => {
        if (schema && !check(schema, out, `response ${method} ${path}`)) {
          res
            .writeHead(500, { 'Content-Type': 'application/json' })
            .end('{"errorMessages":["fake: response off spec"]}');
          return;
        }
        if (out === null) res.writeHead(status, extra).end();
        else res.writeHead(status, { 'Content-Type': 'application/json', ...extra }).end(JSON.stringify(out));
      };
      const error = (status: number, messages: string[], errors: Record<string, string> = {}) =>
        send(status, { errorMessages: messages, errors }, J.ErrorCollectionSchema);

      if (throttled > 0) {
        throttled--;
        return send(429, { errorMessages: ['Rate limit exceeded.'], errors: {} }, J.ErrorCollectionSchema, {
          'Retry-After': String(retryAfter),
        });
      }
      // serverInfo answers anonymously on both; everything else needs the token.
      if (method === 'GET' && path === '/rest/api/2/serverInfo')
        return send(
          200,
          {
            baseUrl: baseUrl,
            version: cloud ? '1001.0.0-SNAPSHOT' : '9.12.2',
            versionNumbers: cloud ? [1001, 0, 0] : [9, 12, 2],
            deploymentType: cloud ? 'Cloud' : 'DataCenter',
            buildNumber: 100250,
            serverTitle: 'Jira',
          },
          J.ServerInformationSchema,
        );
      if (req.headers.authorization !== expectedAuth)
        return res
          .writeHead(401, {
            'Content-Type': 'text/plain',
            'WWW-Authenticate': cloud ? 'Basic realm="protected-area"' : 'OAuth realm="Jira"',
          })
          .end('Client must be authenticated to access this resource.');
      if (!path.startsWith(api + '/')) return error(404, [`fake: ${path} is not in ${api}`]);
      const rest = path.slice(api.length);
      let m: RegExpMatchArray | null;

      if (method === 'GET' && rest === '/myself')
        return send(
          200,
          {
            accountId: '5b10ac8d82e05b22cc7d4ef5',
            accountType: 'atlassian',
            active: true,
            displayName: 'Pat Owner',
            self: `${baseUrl}${api}/user?accountId=5b10ac8d82e05b22cc7d4ef5`,
          },
          J.DashboardUserSchema,
        );

      const project = (k: string) => opts.projects.find((p) => p.key === decodeURIComponent(k));
      if (method === 'GET' && (m = rest.match(/^\/project\/([^/]+)$/))) {
        const p = project(m[1]!);
        if (!p)
          return error(404, ["No project could be found with key '" + decodeURIComponent(m[1]!) + "'."]);
        return send(
          200,
          {
            id: String(10000 + opts.projects.indexOf(p)),
            key: p.key,
            name: p.name,
            projectTypeKey: 'software',
            simplified: false,
            style: 'classic',
            self: `${baseUrl}${api}/project/${p.key}`,
          },
          J.ProjectSchema,
        );
      }
      if (method === 'GET' && (m = rest.match(/^\/issue\/createmeta\/([^/]+)\/issuetypes$/))) {
        const p = project(m[1]!);
        if (!p) return error(404, ['No project could be found.']);
        const items = issueTypes.map((t) => ({
          ...t,
          self: `${baseUrl}${api}/issuetype/${t.id}`,
          iconUrl: `${baseUrl}/icon.png`,
        }));
        if (cloud)
          return send(
            200,
            { issueTypes: items, maxResults: 50, startAt: 0, total: items.length },
            J.PageOfCreateMetaIssueTypesSchema,
          );
        return send(
          200,
          { maxResults: 50, startAt: 0, total: items.length, isLast: true, values: items },
          DcPage(J.IssueTypeIssueCreateMetadataSchema),
        );
      }
      if (method === 'GET' && (m = rest.match(/^\/issue\/createmeta\/([^/]+)\/issuetypes\/([^/]+)$/))) {
        const p = project(m[1]!);
        if (!p || !issueTypes.some((t) => t.id === m![2])) return error(404, ['Issue type not found.']);
        const fields = fieldMeta(p);
        if (cloud)
          return send(
            200,
            { fields, maxResults: 50, startAt: 0, total: fields.length },
            J.PageOfCreateMetaIssueTypeWithFieldSchema,
          );
        return send(
          200,
          { maxResults: 50, startAt: 0, total: fields.length, isLast: true, values: fields },
          DcPage(J.FieldCreateMetadataSchema),
        );
      }

      if (method === 'POST' && rest === '/issue') {
        if (!check(cloud ? J.IssueUpdateDetailsSchema.strict() : DcCreate, body, 'request POST issue'))
          return error(400, ['fake: request off spec']);
        const f = (body as { fields: Record<string, unknown> }).fields;
        const pk = (f.project as { key?: string } | undefined)?.key;
        const p = pk ? project(pk) : undefined;
        if (!p) return error(400, [], { project: 'valid project is required' });
        if (!issueTypes.some((t) => t.id === (f.issuetype as { id?: string } | undefined)?.id))
          return error(400, [], { issuetype: 'valid issue type is required' });
        if (typeof f.summary !== 'string' || !f.summary)
          return error(400, [], { summary: 'You must specify a summary of the issue.' });
        const bad = checkFields(f, p);
        if (bad) return error(400, [], { [bad.split(':')[0]!]: bad.slice(bad.indexOf(':') + 2) });
        const { project: _p, issuetype: _t, ...values } = f;
        const id = String(nextId++);
        const n = [...issues.values()].filter((i) => i.project === p.key).length + 1;
        const issue: FakeIssue = {
          id,
          key: `${p.key}-${n}`,
          project: p.key,
          comments: [],
          fields: {
            [spField]: null,
            [other]: null,
            ...values,
            description: f.description ?? null,
            labels: f.labels ?? [],
            status: { name: 'To Do', id: '10000', self: `${baseUrl}${api}/status/10000` },
          },
        };
        issues.set(id, issue);
        return send(201, { id, key: issue.key, self: `${baseUrl}${api}/issue/${id}` }, J.CreatedIssueSchema);
      }
      if ((m = rest.match(/^\/issue\/([^/]+)$/))) {
        const issue = [...issues.values()].find((i) => i.id === m![1] || i.key === m![1]);
        if (!issue) return error(404, ['Issue does not exist or you do not have permission to see it.']);
        if (method === 'GET') {
          const wanted = url.searchParams.get('fields')?.split(',') ?? null;
          return send(200, issueBody(issue, wanted), J.IssueSchema);
        }
        if (method === 'PUT') {
          if (!check(cloud ? J.IssueUpdateDetailsSchema.strict() : DcCreate, body, 'request PUT issue'))
            return error(400, ['fake: request off spec']);
          const f = (body as { fields: Record<string, unknown> }).fields;
          const bad = checkFields(f, project(issue.project));
          if (bad) return error(400, [], { [bad.split(':')[0]!]: bad.slice(bad.indexOf(':') + 2) });
          Object.assign(issue.fields, f);
          return send(204, null);
        }
      }
      if (method === 'POST' && (m = rest.match(/^\/issue\/([^/]+)\/comment$/))) {
        const issue = issues.get(m[1]!);
        if (!issue) return error(404, ['Issue does not exist or you do not have permission to see it.']);
        const ok = cloud
          ? check(J.CommentSchema.strict(), body, 'request POST comment') &&
            check(J.DocumentSchema, (body as { body?: unknown }).body, 'comment body (ADF)')
          : check(DcComment, body, 'request POST comment');
        if (!ok) return error(400, ['fake: request off spec']);
        const cbody = (body as { body: unknown }).body;
        issue.comments.push(cbody);
        const id = String(20000 + issue.comments.length);
        return send(
          201,
          {
            id,
            self: `${baseUrl}${api}/issue/${issue.id}/comment/${id}`,
            body: cbody,
            created: new Date().toISOString(),
          },
          cloud ? J.CommentSchema : J.CommentSchema.extend({ body: z.string() }),
        );
      }
      if (method === 'POST' && path === (cloud ? '/rest/api/3/search/jql' : '/rest/api/2/search')) {
        if (
          !check(
            cloud ? J.SearchAndReconcileRequestSchema.strict() : J.SearchRequestSchema.strict(),
            body,
            'request search',
          )
        )
          return error(400, ['fake: request off spec']);
        const { jql, fields } = body as { jql: string; fields?: string[] };
        // The JQL our connector writes: project = "KEY" AND labels = "x" [ORDER BY …]
        const q = jql.match(/^project = "([^"]+)" AND labels = "([^"]+)"(?: ORDER BY created ASC)?$/);
        if (!q) return error(400, [`fake: unsupported JQL ${jql}`]);
        const found = [...issues.values()].filter(
          (i) => i.project === q[1] && (i.fields.labels as string[]).includes(q[2]!),
        );
        const out = found.map((i) => issueBody(i, fields ?? null));
        if (cloud) return send(200, { issues: out, isLast: true }, J.SearchAndReconcileResultsSchema);
        return send(
          200,
          { startAt: 0, maxResults: 50, total: out.length, issues: out },
          J.SearchResultsSchema,
        );
      }
      return error(404, [`fake: no route ${method} ${path}`]);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    flavor: opts.flavor,
    storyPointsField: spField,
    otherNumberField: other,
    issues,
    requests,
    problems,
    throttle(n, seconds) {
      throttled = n;
      retryAfter = seconds;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
