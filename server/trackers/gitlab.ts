import { z } from 'zod';
import {
  TrackerError,
  type ConnectorFactory,
  type IssueDraft,
  type IssueState,
  type TrackerConnection,
  type TrackerHttp,
} from './types';

/**
 * GitLab (REST v4, gitlab.com or self-managed) — docs/trackers.md#gitlab.
 * The estimate goes into the issue `weight` (Premium); where weights are unavailable GitLab
 * silently drops the parameter, so we notice the answer lacks it and use a label `estimate::5`.
 */

/** Reporter: the least role that may label and edit issues it did not author. */
const REPORTER = 20;
const ESTIMATE_LABEL = 'estimate::';
const BOARD_LABEL = 'shellboard';
/** hidden line naming the labels we set, so an update removes only ours, never people's */
const OWNED_PREFIX = 'shellboard-labels:';
const MAX_FIND_PAGES = 20;

const access = z.object({ access_level: z.number() }).nullish();
const tokenSchema = z.object({ scopes: z.array(z.string()) });
const userSchema = z.object({ id: z.number(), username: z.string(), is_admin: z.boolean().optional() });
const projectSchema = z.object({
  id: z.number(),
  name: z.string(),
  name_with_namespace: z.string().optional(),
  path_with_namespace: z.string(),
  issues_enabled: z.boolean().optional(),
  issues_access_level: z.string().optional(),
  permissions: z.object({ project_access: access, group_access: access }).optional(),
});
const issueSchema = z.object({
  id: z.number(),
  iid: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  state: z.string(),
  web_url: z.string(),
  labels: z.array(z.string()),
  /** absent (Free tier / CE) or null (no weight set) */
  weight: z.number().nullable().optional(),
  references: z.object({ full: z.string() }).partial().optional(),
});
type GitlabIssue = z.infer<typeof issueSchema>;

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new TrackerError(502, `GitLab answered an unexpected ${what}.`, 'unavailable');
  return r.data;
}

/**
 * GitLab splits `labels` on commas (even inside a JSON array), so a comma becomes `;`; a label's
 * title holds at most 255 characters.
 */
export function gitlabLabel(name: string): string {
  return name.replace(/,/g, ';').replace(/\s+/g, ' ').trim().slice(0, 255).trim();
}

/** A whole-number estimate fits `weight`; anything else ("M", "0.5") can only be a label. */
function weightOf(estimate: string | null): number | null {
  return estimate !== null && /^\d+$/.test(estimate.trim()) ? Number(estimate.trim()) : null;
}

export function gitlabDescription(draft: IssueDraft, owned: string[]): string {
  const item = (s: string) => s.trim().replace(/\r?\n/g, '\n  ');
  const parts: string[] = [];
  if (draft.narrative.trim()) parts.push(draft.narrative.trim());
  if (draft.criteria.length)
    parts.push(['## Acceptance criteria', '', ...draft.criteria.map((c) => `- [ ] ${item(c)}`)].join('\n'));
  if (draft.decisions.length)
    parts.push(['## Decisions', '', ...draft.decisions.map((d) => `- ${item(d)}`)].join('\n'));
  parts.push(`[Formal story on Shellboard](${draft.link}) (version ${draft.version})`);
  // Comments keep the marker and our label list out of the rendered issue.
  parts.push(`<!-- ${draft.marker} -->\n<!-- ${OWNED_PREFIX}${owned.map(encodeURIComponent).join(',')} -->`);
  return parts.join('\n\n');
}

function ownedLabels(description: string | null): string[] {
  const m = description?.match(new RegExp(`<!-- ${OWNED_PREFIX}([^\\s]*) -->`));
  if (!m?.[1]) return [];
  return m[1].split(',').filter(Boolean).map(decodeURIComponent);
}

function estimateFrom(issue: GitlabIssue): string | null {
  if (typeof issue.weight === 'number') return String(issue.weight);
  const label = issue.labels.find((l) => l.startsWith(ESTIMATE_LABEL));
  return label ? label.slice(ESTIMATE_LABEL.length) : null;
}

export const createGitlabConnector: ConnectorFactory = (conn: TrackerConnection, http: TrackerHttp) => {
  // The API root, also when the owner pasted it (`https://gitlab.example.com/api/v4`) as the base URL.
  const api = /\/api\/v4$/.test(conn.baseUrl.replace(/\/+$/, '')) ? '' : '/api/v4';
  const project = `${api}/projects/${encodeURIComponent(conn.project.trim())}`;
  const headers = { 'PRIVATE-TOKEN': conn.token };
  /** learnt from the first answer: null until GitLab showed whether it keeps a weight */
  let weights: boolean | null = null;

  const call = (method: 'GET' | 'POST' | 'PUT', path: string, json?: unknown) =>
    http.request({ method, path, headers, json });

  const state = (issue: GitlabIssue): IssueState => ({
    id: String(issue.iid),
    key: issue.references?.full ?? `${conn.project}#${issue.iid}`,
    url: issue.web_url,
    status: issue.state,
    title: issue.title,
    description: issue.description ?? '',
    estimate: estimateFrom(issue),
  });

  const issuePath = (id: string) => {
    if (!/^\d+$/.test(id)) throw new TrackerError(0, `"${id}" is not a GitLab issue number.`, 'invalid');
    return `${project}/issues/${id}`;
  };

  const getIssue = async (id: string) => parse(issueSchema, (await call('GET', issuePath(id))).body, 'issue');

  /** Our labels for this draft: value stream, persona, the board label, and the estimate when it is no weight. */
  const labelsFor = (draft: IssueDraft, useLabel: boolean) => {
    const own = [...draft.labels.map(gitlabLabel).filter(Boolean), BOARD_LABEL];
    if (draft.estimate !== null && useLabel) own.push(gitlabLabel(ESTIMATE_LABEL + draft.estimate));
    return [...new Set(own)];
  };

  /**
   * GitLab kept no weight although we sent one (Free tier, or CE): fall back to the estimate label
   * from now on, and put it on this issue.
   */
  const fallBackToLabel = async (issue: GitlabIssue, draft: IssueDraft): Promise<GitlabIssue> => {
    weights = false;
    const own = labelsFor(draft, true);
    const stale = staleEstimates(issue.labels, own);
    const res = await call('PUT', issuePath(String(issue.iid)), {
      description: gitlabDescription(draft, own),
      add_labels: own.join(','),
      ...(stale.length ? { remove_labels: stale.join(',') } : {}),
    });
    return parse(issueSchema, res.body, 'issue');
  };

  const staleEstimates = (current: string[], own: string[]) =>
    current.filter((l) => l.startsWith(ESTIMATE_LABEL) && !own.includes(l));

  /**
   * A `read_api` token passes every read and fails the first push, so say it now. Tokens that cannot
   * read themselves (OAuth, GitLab before 15.5) answer 401/403/404 here: the push will tell then.
   */
  const checkScopes = async () => {
    let scopes: string[];
    try {
      scopes = parse(
        tokenSchema,
        (await call('GET', `${api}/personal_access_tokens/self`)).body,
        'token',
      ).scopes;
    } catch (err) {
      if (err instanceof TrackerError && [401, 403, 404].includes(err.status)) return;
      throw err;
    }
    if (!scopes.includes('api'))
      throw new TrackerError(
        403,
        `The token's scopes are ${scopes.join(', ') || 'none'}; pushing stories needs the "api" scope.`,
      );
  };

  const weightKept = (issue: GitlabIssue, sent: number | null) => sent === null || issue.weight === sent;

  return {
    async verify() {
      let user: z.infer<typeof userSchema>;
      try {
        user = parse(userSchema, (await call('GET', `${api}/user`)).body, 'user');
      } catch (err) {
        if (err instanceof TrackerError && err.status === 401)
          throw new TrackerError(
            401,
            `GitLab refused the token (${err.message}). Use a personal, group or project access token with the "api" scope.`,
          );
        throw err;
      }
      await checkScopes();
      let p: z.infer<typeof projectSchema>;
      try {
        p = parse(projectSchema, (await call('GET', project)).body, 'project');
      } catch (err) {
        if (err instanceof TrackerError && err.status === 404)
          throw new TrackerError(
            404,
            `GitLab has no project "${conn.project}" this token can see (${err.message}). Give the full path (group/subgroup/project) or the numeric id.`,
          );
        throw err;
      }
      if (p.issues_enabled === false || p.issues_access_level === 'disabled')
        throw new TrackerError(
          409,
          `Issues are turned off in GitLab project "${p.path_with_namespace}" (Settings → General → Visibility → Issues).`,
          'invalid',
        );
      const level = Math.max(
        p.permissions?.project_access?.access_level ?? 0,
        p.permissions?.group_access?.access_level ?? 0,
      );
      // Administrators see every project without a membership (both levels null).
      if (level < REPORTER && !user.is_admin)
        throw new TrackerError(
          403,
          `The token's user "${user.username}" has ${level ? `access level ${level}` : 'no membership'} in "${p.path_with_namespace}"; pushing stories needs the Reporter role (20) or higher.`,
        );
      return { projectName: p.name_with_namespace ?? p.name, fields: {} };
    },

    async find(marker) {
      const needle = `<!-- ${marker} -->`;
      for (let page = 1, n = 0; page && n < MAX_FIND_PAGES; n++) {
        // No label filter: the marker is what makes an issue ours, and someone may have removed
        // our label in GitLab (the crash-safe re-push must still find the issue, not make a second).
        const q = new URLSearchParams({
          search: marker,
          in: 'description',
          state: 'all',
          per_page: '100',
          page: String(page),
        });
        const res = await call('GET', `${project}/issues?${q.toString()}`);
        const list = parse(z.array(issueSchema), res.body, 'issue list');
        // `search` matches words, not our exact marker: check it ourselves.
        const hit = list.find((i) => i.description?.includes(needle));
        if (hit) return state(hit);
        page = Number(res.headers.get('x-next-page') || 0);
      }
      return null;
    },

    async create(draft) {
      const weight = weights === false ? null : weightOf(draft.estimate);
      const own = labelsFor(draft, weight === null);
      const res = await call('POST', `${project}/issues`, {
        title: draft.title.slice(0, 255),
        description: gitlabDescription(draft, own),
        labels: own.join(','),
        ...(weight !== null ? { weight } : {}),
      });
      let issue = parse(issueSchema, res.body, 'issue');
      if (weight !== null) {
        if (weightKept(issue, weight)) weights = true;
        else issue = await fallBackToLabel(issue, draft);
      }
      return state(issue);
    },

    async update(id, draft) {
      const current = await getIssue(id);
      const weight = weights === false ? null : weightOf(draft.estimate);
      const own = labelsFor(draft, weight === null);
      // Only labels we set last time and no longer want go; labels people added stay.
      const gone = [
        ...ownedLabels(current.description).filter((l) => !own.includes(l)),
        ...staleEstimates(current.labels, own),
      ];
      const res = await call('PUT', issuePath(id), {
        title: draft.title.slice(0, 255),
        description: gitlabDescription(draft, own),
        add_labels: own.join(','),
        ...(gone.length ? { remove_labels: [...new Set(gone)].join(',') } : {}),
        // no whole-number estimate any more: clear the weight we set, as GitLab clears it on null
        ...(weight !== null ? { weight } : typeof current.weight === 'number' ? { weight: null } : {}),
      });
      let issue = parse(issueSchema, res.body, 'issue');
      if (weight !== null) {
        if (weightKept(issue, weight)) weights = true;
        else issue = await fallBackToLabel(issue, draft);
      }
      return state(issue);
    },

    async read(id) {
      return state(await getIssue(id));
    },

    async comment(id, lines) {
      await call('POST', `${issuePath(id)}/notes`, { body: lines.map((l) => `- ${l}`).join('\n') });
    },
  };
};
