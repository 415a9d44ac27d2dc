import { createHash } from 'node:crypto';
import { z } from 'zod';
import { adfBulletComment, adfText, toAdf, toWiki, wikiBulletComment } from './jira-format';
import {
  TrackerError,
  type ConnectorFactory,
  type IssueDraft,
  type IssueState,
  type TrackerConnection,
  type TrackerHttp,
} from './types';

/**
 * Jira Cloud (REST v3, ADF descriptions) and Data Center / Server (REST v2, wiki markup).
 *
 * Which one: `GET /rest/api/2/serverInfo` answers on both (anonymously) with `deploymentType`
 * "Cloud" or "Server"/"DataCenter"; that picks the API version. The token's shape picks the auth:
 * `email:apiToken` → Basic (what Cloud takes), anything else → Bearer personal access token (what
 * Data Center takes). A Cloud site with a token that has no `email:` is refused with that advice,
 * so the two choices never disagree silently.
 *
 * The story-points field is discovered from the project's create metadata by name, never by a
 * hard-coded id (it differs per site); `fields.estimate` overrides it with a field id that must
 * exist in that metadata.
 */

const ServerInfo = z.object({ deploymentType: z.string().optional() }).loose();
const Project = z.object({ id: z.string(), key: z.string(), name: z.string() }).loose();
const IssueTypePage = z
  .object({
    issueTypes: z.array(z.unknown()).optional(), // Cloud
    values: z.array(z.unknown()).optional(), // Data Center
  })
  .loose();
const IssueType = z.object({ id: z.string(), name: z.string(), subtask: z.boolean().optional() }).loose();
const FieldPage = z
  .object({
    fields: z.array(z.unknown()).optional(), // Cloud
    results: z.array(z.unknown()).optional(), // Cloud (older responses)
    values: z.array(z.unknown()).optional(), // Data Center
  })
  .loose();
const Field = z
  .object({
    fieldId: z.string(),
    name: z.string(),
    schema: z.object({ type: z.string() }).loose().optional(),
  })
  .loose();
const Created = z.object({ id: z.string(), key: z.string() }).loose();
const Issue = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z.record(z.string(), z.unknown()),
  })
  .loose();
const Search = z.object({ issues: z.array(z.unknown()).optional() }).loose();

const STORY_POINT_NAMES = ['story points', 'story point estimate'];

/** The label that marks an issue as ours: exact and searchable, unlike a fuzzy text search. */
export function markerLabel(marker: string): string {
  return `shellboard-${createHash('sha256').update(marker).digest('hex').slice(0, 16)}`;
}

/** Jira labels cannot contain spaces (each run of whitespace becomes `_`) nor pass 255 characters. */
export function jiraIssueLabel(label: string): string {
  return label.trim().replace(/\s+/g, '_').slice(0, 255);
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new TrackerError(502, `Jira answered ${what} with something unexpected.`, 'unavailable');
  return r.data;
}

interface Meta {
  cloud: boolean;
  api: '/rest/api/3' | '/rest/api/2';
  projectName: string;
  issueTypeId: string;
  estimateField: string;
}

export function createJiraConnector(conn: TrackerConnection, http: TrackerHttp) {
  const base = conn.baseUrl.replace(/\/+$/, '');
  const basic = conn.token.includes(':');
  const auth = basic ? `Basic ${Buffer.from(conn.token, 'utf8').toString('base64')}` : `Bearer ${conn.token}`;
  const headers = { Authorization: auth };
  const key = conn.project.trim();
  let meta: Promise<Meta> | null = null;

  const get = async (path: string) => (await http.request({ method: 'GET', path, headers })).body;

  async function discover(): Promise<Meta> {
    const info = parse(ServerInfo, await get('/rest/api/2/serverInfo'), 'serverInfo');
    const cloud = info.deploymentType === 'Cloud';
    if (cloud && !basic)
      throw new TrackerError(
        401,
        'This is Jira Cloud: the token must be "email:apiToken" (an Atlassian API token with the account’s email).',
        'unauthorized',
      );
    const api = cloud ? '/rest/api/3' : '/rest/api/2';
    await get(`${api}/myself`); // 401 here names a wrong token before anything else
    const project = parse(Project, await get(`${api}/project/${encodeURIComponent(key)}`), 'the project');
    const page = parse(
      IssueTypePage,
      await get(`${api}/issue/createmeta/${encodeURIComponent(key)}/issuetypes?maxResults=200`),
      'the issue types',
    );
    const types = (page.issueTypes ?? page.values ?? []).flatMap((t) => {
      const r = IssueType.safeParse(t);
      return r.success ? [r.data] : [];
    });
    const type = types.find((t) => t.name.toLowerCase() === 'story') ?? types.find((t) => !t.subtask) ?? null;
    if (!type) throw new TrackerError(400, `Jira project ${key} has no issue type we can create.`, 'invalid');
    const fieldPage = parse(
      FieldPage,
      await get(
        `${api}/issue/createmeta/${encodeURIComponent(key)}/issuetypes/${encodeURIComponent(type.id)}?maxResults=200`,
      ),
      'the create metadata',
    );
    const fields = (fieldPage.fields ?? fieldPage.results ?? fieldPage.values ?? []).flatMap((f) => {
      const r = Field.safeParse(f);
      return r.success ? [r.data] : [];
    });
    const wanted = conn.fields.estimate?.trim();
    const field = wanted
      ? fields.find((f) => f.fieldId === wanted)
      : fields.find((f) => STORY_POINT_NAMES.includes(f.name.trim().toLowerCase()));
    if (!field)
      throw new TrackerError(
        400,
        wanted
          ? `Jira project ${key} has no field ${wanted} on issue type ${type.name}; check fields.estimate against the create screen.`
          : `Jira project ${key} has no Story Points field on issue type ${type.name}; add it to the screen or set fields.estimate.`,
        'invalid',
      );
    if (field.schema && field.schema.type !== 'number')
      throw new TrackerError(
        400,
        `Jira field ${field.fieldId} (${field.name}) is not a number field.`,
        'invalid',
      );
    return { cloud, api, projectName: project.name, issueTypeId: type.id, estimateField: field.fieldId };
  }

  function metaOnce(): Promise<Meta> {
    meta ??= discover().catch((err: unknown) => {
      meta = null; // a failed discovery is retried on the next call, not cached
      throw err;
    });
    return meta;
  }

  function estimateValue(m: Meta, estimate: string | null): number | null {
    if (estimate === null || estimate.trim() === '') return null;
    if (!/^\d+(\.\d+)?$/.test(estimate.trim()))
      throw new TrackerError(
        400,
        `Jira story points are numbers; the estimate "${estimate}" cannot go into ${m.estimateField}. Use a numeric scale to push estimates to Jira.`,
        'invalid',
      );
    return Number(estimate);
  }

  function fieldsOf(m: Meta, d: IssueDraft): Record<string, unknown> {
    const labels = [...new Set([...d.labels.map(jiraIssueLabel).filter(Boolean), markerLabel(d.marker)])];
    return {
      summary: d.title.replace(/\s+/g, ' ').trim().slice(0, 255),
      description: m.cloud ? toAdf(d) : toWiki(d),
      labels,
      [m.estimateField]: estimateValue(m, d.estimate),
    };
  }

  function state(m: Meta, body: unknown): IssueState {
    const issue = parse(Issue, body, 'the issue');
    const f = issue.fields;
    const status = z.object({ name: z.string() }).loose().safeParse(f.status);
    const sp = f[m.estimateField];
    const description = f.description;
    return {
      id: issue.id,
      key: issue.key,
      url: `${base}/browse/${encodeURIComponent(issue.key)}`,
      status: status.success ? status.data.name : '',
      title: typeof f.summary === 'string' ? f.summary : '',
      description: typeof description === 'string' ? description : description ? adfText(description) : '',
      estimate: typeof sp === 'number' && Number.isFinite(sp) ? String(sp) : null,
    };
  }

  async function read(id: string): Promise<IssueState> {
    const m = await metaOnce();
    const q = ['summary', 'status', 'description', m.estimateField].join(',');
    return state(m, await get(`${m.api}/issue/${encodeURIComponent(id)}?fields=${q}`));
  }

  return {
    async verify() {
      meta = null; // verify always asks Jira afresh
      const m = await metaOnce();
      return { projectName: m.projectName, fields: { estimate: m.estimateField } };
    },

    async find(marker: string) {
      const m = await metaOnce();
      const jql = `project = "${key.replace(/["\\]/g, '')}" AND labels = "${markerLabel(marker)}" ORDER BY created ASC`;
      const body = { jql, fields: ['summary', 'status', 'description', m.estimateField], maxResults: 5 };
      // Cloud removed POST /search in favour of /search/jql; Data Center only has /search.
      const path = m.cloud ? '/rest/api/3/search/jql' : '/rest/api/2/search';
      const res = await http.request({ method: 'POST', path, headers, json: body });
      const first = parse(Search, res.body, 'the search').issues?.[0];
      return first ? state(m, first) : null;
    },

    async create(d: IssueDraft) {
      const m = await metaOnce();
      const fields = { project: { key }, issuetype: { id: m.issueTypeId }, ...fieldsOf(m, d) };
      const res = await http.request({ method: 'POST', path: `${m.api}/issue`, headers, json: { fields } });
      return read(parse(Created, res.body, 'the create').id);
    },

    async update(id: string, d: IssueDraft) {
      const m = await metaOnce();
      await http.request({
        method: 'PUT',
        path: `${m.api}/issue/${encodeURIComponent(id)}`,
        headers,
        json: { fields: fieldsOf(m, d) },
      });
      return read(id);
    },

    read,

    async comment(id: string, items: string[]) {
      const m = await metaOnce();
      await http.request({
        method: 'POST',
        path: `${m.api}/issue/${encodeURIComponent(id)}/comment`,
        headers,
        json: { body: m.cloud ? adfBulletComment(items) : wikiBulletComment(items) },
      });
    },
  };
}

createJiraConnector satisfies ConnectorFactory;
