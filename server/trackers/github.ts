import { z } from 'zod';
import { escapeMd, inline, noAutolink } from '../../lib/export/markdown';
import {
  TrackerError,
  type ConnectorFactory,
  type IssueDraft,
  type IssueState,
  type TrackerHttp,
  type TrackerRequest,
} from './types';

/**
 * GitHub issues over the REST API (docs/trackers.md § GitHub). `baseUrl` is https://api.github.com
 * or a GitHub Enterprise Server's https://host/api/v3; `project` is `owner/repo`. The estimate
 * is a label `estimate: <value>`; value stream and persona are labels; every issue we make also
 * carries the `shellboard` label, which is how `find` lists ours first (then searches the bodies).
 */

export const ESTIMATE_PREFIX = 'estimate: ';
export const SHELLBOARD_LABEL = 'shellboard';
/** GitHub refuses label names over 50 characters. */
const LABEL_MAX = 50;
/** GitHub refuses an issue body over 65 536 characters (422 "body is too long"). */
const BODY_MAX = 65_536;
/** `find` reads at most this many pages of 100 issues (10 000 is more than any backlog). */
const FIND_MAX_PAGES = 100;

/** GitHub's rules: owner ≤ 39 of [A-Za-z0-9-], not starting with `-`; repo ≤ 100 of [A-Za-z0-9._-]. */
const PROJECT = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;

export function parseGithubProject(project: string): { owner: string; repo: string } {
  const m = PROJECT.exec(project.trim());
  if (!m || m[2] === '.' || m[2] === '..')
    throw new TrackerError(
      400,
      `"${project}" is not a GitHub repository: write it as owner/repo.`,
      'invalid',
    );
  return { owner: m[1] as string, repo: m[2] as string };
}

const labelSchema = z.union([z.string(), z.object({ name: z.string().optional().nullable() })]);
const issueSchema = z.object({
  number: z.number().int(),
  html_url: z.string(),
  title: z.string(),
  body: z.string().nullable().optional(),
  state: z.string(),
  state_reason: z.string().nullable().optional(),
  labels: z.array(labelSchema),
  pull_request: z.unknown().optional(),
});
type GithubIssue = z.infer<typeof issueSchema>;
const repoSchema = z.object({
  full_name: z.string(),
  has_issues: z.boolean().optional(),
  permissions: z.object({ push: z.boolean().optional() }).partial().optional(),
});

/** An answer that is not what GitHub's API sends (a web page, a proxy's error…) is GitHub's fault, said plainly. */
function parseAnswer<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  throw new TrackerError(
    502,
    `GitHub's answer for ${what} is not what its API sends (${r.error.issues[0]?.path.join('.') || 'body'}: ${r.error.issues[0]?.message ?? 'invalid'}); check the base URL.`,
    'unavailable',
  );
}

const labelName = (l: z.infer<typeof labelSchema>) => (typeof l === 'string' ? l : (l.name ?? ''));
/** Code points, so an emoji is not cut in half. */
const clip = (s: string) => [...s.trim()].slice(0, LABEL_MAX).join('');
const isEstimateLabel = (name: string) => name.toLowerCase().startsWith(ESTIMATE_PREFIX.trim());

/** User text for a GitHub body: Markdown escaped, bare URLs kept from becoming links. */
const text = (s: string) => noAutolink(escapeMd(s));
const line = (s: string) => noAutolink(inline(s));

/**
 * The marker as an HTML comment on its own line (a CommonMark HTML block: invisible on the page,
 * kept verbatim in the body). `-->` inside would end the comment early, so `>` is encoded.
 */
export function markerComment(marker: string): string {
  return `<!-- ${marker.replace(/>/g, '%3E')} -->`;
}

/** The body, or a clear error before sending one GitHub would refuse. */
function bodyFor(d: IssueDraft): string {
  const body = renderGithubBody(d);
  if (body.length > BODY_MAX)
    throw new TrackerError(
      422,
      `The story's description would be ${body.length} characters; GitHub takes at most ${BODY_MAX}.`,
      'invalid',
    );
  return body;
}

export function renderGithubBody(d: IssueDraft): string {
  const out: string[] = [];
  if (d.narrative.trim()) out.push(text(d.narrative.trim()), '');
  out.push('### Acceptance criteria', '');
  out.push(...(d.criteria.length ? d.criteria.map((c) => `- [ ] ${line(c)}`) : ['_None yet._']), '');
  if (d.decisions.length) out.push('### Decisions', '', ...d.decisions.map((x) => `- ${line(x)}`), '');
  // the link is already URL-encoded; only what would end a Markdown link destination is encoded
  const href = d.link.replace(
    /[()<>\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  out.push(`[View the formal story on Shellboard](${href}) (version ${d.version})`, '');
  out.push(markerComment(d.marker));
  return out.join('\n');
}

/** Our labels for a draft: value stream, persona, `shellboard`, and the estimate label. */
export function draftLabels(d: IssueDraft): string[] {
  const names = [...d.labels.map(clip), SHELLBOARD_LABEL];
  if (d.estimate?.trim()) names.push(clip(ESTIMATE_PREFIX + d.estimate.trim()));
  return [...new Set(names.filter(Boolean))];
}

export const createGithubConnector: ConnectorFactory = (conn, http: TrackerHttp) => {
  // a malformed project fails each call (as a rejected promise), not the factory
  let projectError: TrackerError | null = null;
  let owner = '';
  let repo = '';
  try {
    ({ owner, repo } = parseGithubProject(conn.project));
  } catch (err) {
    projectError = err as TrackerError;
  }
  const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const headers = {
    Authorization: `Bearer ${conn.token}`,
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
  };
  /**
   * GitHub signals its rate limits as 403 too ("API rate limit exceeded", "secondary rate limit");
   * that is GitHub being busy, not the token lacking a right, so it is reported as unavailable.
   */
  const call = (req: Omit<TrackerRequest, 'headers'>) =>
    (projectError ? Promise.reject(projectError) : http.request({ ...req, headers })).catch(
      (err: unknown) => {
        if (err instanceof TrackerError && err.status === 403 && /rate limit/i.test(err.message))
          throw new TrackerError(
            403,
            `GitHub is rate-limiting this token; try again later (${err.message}).`,
            'unavailable',
          );
        throw err;
      },
    );
  /** labels this connector already knows exist (creation is one request per new name) */
  const known = new Set<string>();

  const toState = (raw: unknown): IssueState => {
    const i = parseAnswer(issueSchema, raw, 'an issue');
    const estimateLabel = i.labels.map(labelName).find(isEstimateLabel);
    const closed = i.state === 'closed';
    return {
      id: String(i.number),
      key: `${owner}/${repo}#${i.number}`,
      url: i.html_url,
      status: closed && i.state_reason ? `closed (${i.state_reason.replace(/_/g, ' ')})` : i.state,
      title: i.title,
      description: i.body ?? '',
      estimate: estimateLabel ? estimateLabel.slice(estimateLabel.indexOf(':') + 1).trim() || null : null,
    };
  };

  /**
   * GitHub's docs for issue create/update promise nothing about labels that do not exist yet, so
   * each new name is created first; 422 `already_exists` is the normal answer for an existing one.
   */
  const ensureLabels = async (names: string[]) => {
    for (const name of names) {
      if (known.has(name.toLowerCase())) continue;
      const color = name === SHELLBOARD_LABEL ? '5319e7' : isEstimateLabel(name) ? '0e8a16' : 'c5def5';
      try {
        await call({ method: 'POST', path: `${repoPath}/labels`, json: { name, color } });
      } catch (err) {
        const parsed = err instanceof TrackerError && err.status === 422 ? err : null;
        if (!parsed || !/already_exists|already exists/i.test(parsed.message)) throw err;
      }
      known.add(name.toLowerCase());
    }
  };

  const getIssue = async (id: string): Promise<GithubIssue> => {
    if (!/^\d+$/.test(id)) throw new TrackerError(400, `"${id}" is not a GitHub issue number.`, 'invalid');
    const res = await call({ method: 'GET', path: `${repoPath}/issues/${id}` });
    return parseAnswer(issueSchema, res.body, `issue ${id}`);
  };

  /** Lists the repository's issues (all states, `filter` appended), first match of `pick` wins. */
  const listFind = async (
    pick: (raw: unknown) => IssueState | null,
    filter: string,
  ): Promise<IssueState | null> => {
    for (let page = 1; page <= FIND_MAX_PAGES; page++) {
      const res = await call({
        method: 'GET',
        path: `${repoPath}/issues?state=all${filter}&per_page=100&page=${page}`,
      });
      for (const raw of parseAnswer(z.array(z.unknown()), res.body, 'the issue list')) {
        const hit = pick(raw);
        if (hit) return hit;
      }
      // GitHub says there is more only through the Link header's rel="next"
      if (!/<[^>]*>;\s*rel="next"/.test(res.headers.get('link') ?? '')) return null;
    }
    return null;
  };

  return {
    async verify() {
      // the web address answers HTML; the API is api.github.com (or /api/v3 on Enterprise Server)
      if (/^https?:\/\/(www\.)?github\.com(\/|$)/i.test(conn.baseUrl))
        throw new TrackerError(
          400,
          `${conn.baseUrl} is GitHub's web address; the API's is https://api.github.com.`,
          'invalid',
        );
      let res;
      try {
        res = await call({ method: 'GET', path: repoPath });
      } catch (err) {
        if (err instanceof TrackerError && err.status === 401)
          throw new TrackerError(
            401,
            `GitHub refused the token (${err.message}): it is wrong, expired or revoked.`,
          );
        if (err instanceof TrackerError && err.status === 404)
          throw new TrackerError(
            404,
            `GitHub answered 404 for ${owner}/${repo}: the repository does not exist, or the token may not see it (a fine-grained token must be granted this repository).`,
          );
        throw err;
      }
      const r = parseAnswer(repoSchema, res.body, `${owner}/${repo}`);
      if (r.has_issues === false)
        throw new TrackerError(409, `Issues are turned off in ${r.full_name}.`, 'invalid');
      if (r.permissions && r.permissions.push === false)
        throw new TrackerError(
          403,
          `The token may only read ${r.full_name}: give it Issues read and write (fine-grained) or the repo scope (classic).`,
        );
      return { projectName: r.full_name, fields: {} };
    },

    async find(marker) {
      const needle = markerComment(marker);
      const ours = (raw: unknown) => {
        const i = parseAnswer(issueSchema, raw, 'the issue list');
        return i.pull_request === undefined && (i.body ?? '').includes(needle) ? toState(i) : null;
      };
      // 1. Our label: fresh (the search index lags behind a just-created issue) and few pages.
      const labelled = await listFind(ours, `&labels=${SHELLBOARD_LABEL}`);
      if (labelled) return labelled;
      // 2. Someone removed the label in GitHub: the search API finds the marker in any body.
      let res;
      try {
        const q = `repo:${owner}/${repo} is:issue in:body "${marker.replace(/"/g, '')}"`;
        res = await call({ method: 'GET', path: `/search/issues?q=${encodeURIComponent(q)}&per_page=100` });
      } catch (err) {
        // 3. The search has its own, low limit (30 a minute): then every issue, page by page.
        if (err instanceof TrackerError && err.reason === 'unavailable' && /rate/i.test(err.message))
          return listFind(ours, '');
        throw err;
      }
      const found = parseAnswer(z.object({ items: z.array(z.unknown()) }), res.body, 'the search');
      for (const raw of found.items) {
        const hit = ours(raw);
        if (hit) return hit;
      }
      return null;
    },

    async create(draft) {
      const labels = draftLabels(draft);
      const body = bodyFor(draft);
      await ensureLabels(labels);
      const res = await call({
        method: 'POST',
        path: `${repoPath}/issues`,
        json: { title: draft.title, body, labels },
      });
      return toState(res.body);
    },

    async update(id, draft) {
      const body = bodyFor(draft);
      const current = await getIssue(id);
      const ours = draftLabels(draft);
      // keep what people added in GitHub; only the estimate label is ours to replace
      const kept = current.labels.map(labelName).filter((n) => n && !isEstimateLabel(n));
      const labels = [...new Set([...kept, ...ours])];
      await ensureLabels(ours);
      const res = await call({
        method: 'PATCH',
        path: `${repoPath}/issues/${id}`,
        json: { title: draft.title, body, labels },
      });
      return toState(res.body);
    },

    async read(id) {
      return toState(await getIssue(id));
    },

    async comment(id, lines) {
      if (!/^\d+$/.test(id)) throw new TrackerError(400, `"${id}" is not a GitHub issue number.`, 'invalid');
      await call({
        method: 'POST',
        path: `${repoPath}/issues/${id}/comments`,
        json: { body: lines.map((l) => `- ${line(l)}`).join('\n') },
      });
    },
  };
};
