import { z } from 'zod';
import {
  TrackerError,
  type ConnectorFactory,
  type IssueDraft,
  type IssueState,
  type TrackerRequest,
  type TrackerResponse,
} from './types';

/**
 * Redmine (REST API, JSON, `X-Redmine-API-Key`). `project` is the identifier; the estimate goes
 * into `estimated_hours` (default) or a numeric custom field `cf:<id>` (`fields.estimate`).
 *
 * The REST API does not say which text formatting an instance uses (Textile by default, or
 * Markdown / CommonMark), so the description is written to read well in all of them: blank-line
 * separated paragraphs, `*Heading*` lines, `* [ ]` checklist bullets, bare URLs, and the marker as
 * a trailing plain line (an HTML comment would show in Textile). Redmine has no labels: they go
 * in a `Labels:` line of the description (categories hold one value per issue and need a manager).
 */

const Named = z.object({ id: z.number(), name: z.string() });
const CustomValue = z.object({
  id: z.number(),
  name: z.string().optional(),
  value: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
});
const Issue = z.object({
  id: z.number(),
  subject: z.string(),
  description: z.string().nullish(),
  status: Named,
  tracker: Named.optional(),
  estimated_hours: z.number().nullish(),
  custom_fields: z.array(CustomValue).optional(),
});
const IssueBody = z.object({ issue: Issue });
const IssueList = z.object({ issues: z.array(Issue), total_count: z.number().optional() });
const ProjectBody = z.object({
  project: z.object({
    id: z.number(),
    name: z.string(),
    identifier: z.string(),
    trackers: z.array(Named).optional(),
    issue_custom_fields: z.array(Named).optional(),
  }),
});
const TrackerList = z.object({
  trackers: z.array(Named.extend({ enabled_standard_fields: z.array(z.string()).optional() })),
});
const CurrentUser = z.object({ user: z.object({ id: z.number(), login: z.string() }) });

type Issue = z.infer<typeof Issue>;
type EstimateField = { kind: 'hours' } | { kind: 'custom'; id: number };

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new TrackerError(
      502,
      `Redmine's answer to ${what} was not what its REST API describes.`,
      'unavailable',
    );
  return r.data;
}

function estimateField(spec: string | undefined): EstimateField {
  if (!spec || spec === 'estimated_hours') return { kind: 'hours' };
  const m = /^cf:(\d+)$/.exec(spec);
  if (!m)
    throw new TrackerError(
      0,
      `The Redmine estimate field must be "estimated_hours" or "cf:<custom field id>", not "${spec}".`,
      'invalid',
    );
  return { kind: 'custom', id: Number(m[1]) };
}

/** "5" → 5, "2.5" / "2,5" → 2.5; anything else cannot go into a numeric Redmine field. */
function estimateNumber(estimate: string, fieldName: string): number {
  const n = Number(estimate.trim().replace(',', '.'));
  if (!estimate.trim() || !Number.isFinite(n) || n < 0)
    throw new TrackerError(
      0,
      `Redmine's ${fieldName} holds numbers; the estimate "${estimate}" is not one (use a numeric scale for this board).`,
      'invalid',
    );
  return n;
}

/** As the tracker holds it, normalised: 3.0 → "3", "" → null. */
function normalise(v: number | string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? String(n) : String(v);
}

/** The description, readable in Textile, Markdown and CommonMark alike (see the module comment). */
export function redmineDescription(d: IssueDraft): string {
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
  const parts: string[] = [];
  if (d.narrative.trim()) parts.push(d.narrative.trim());
  if (d.criteria.length)
    parts.push(['*Acceptance criteria*', '', ...d.criteria.map((c) => `* [ ] ${oneLine(c)}`)].join('\n'));
  if (d.decisions.length)
    parts.push(['*Decisions*', '', ...d.decisions.map((c) => `* ${oneLine(c)}`)].join('\n'));
  if (d.labels.length) parts.push(`Labels: ${d.labels.map(oneLine).join(' · ')}`);
  parts.push(`Formal story (version ${d.version}): ${d.link}`);
  parts.push(d.marker);
  return parts.join('\n\n');
}

export const createRedmineConnector: ConnectorFactory = (conn, http) => {
  const base = conn.baseUrl.replace(/\/+$/, '');
  const field = estimateField(conn.fields.estimate);
  const fieldName = field.kind === 'hours' ? 'estimated time (estimated_hours)' : `custom field ${field.id}`;
  const project = encodeURIComponent(conn.project);
  let trackerId: Promise<number> | null = null;

  /** Every call, with Redmine's 401 (an empty body) said in words a person can act on. */
  async function call(req: TrackerRequest): Promise<TrackerResponse> {
    try {
      return await http.request({ ...req, headers: { 'X-Redmine-API-Key': conn.token, ...req.headers } });
    } catch (err) {
      if (err instanceof TrackerError && err.status === 401)
        throw new TrackerError(
          401,
          `Redmine answered ${err.message}: the API key was refused (wrong or revoked, or its user is locked; the REST API must be enabled).`,
        );
      throw err;
    }
  }

  function state(i: Issue): IssueState {
    const estimate =
      field.kind === 'hours'
        ? normalise(i.estimated_hours)
        : normalise(
            ((v) => (Array.isArray(v) ? (v[0] ?? null) : v))(
              i.custom_fields?.find((c) => c.id === field.id)?.value,
            ),
          );
    return {
      id: String(i.id),
      key: `#${i.id}`,
      url: `${base}/issues/${i.id}`,
      status: i.status.name,
      title: i.subject,
      description: i.description ?? '',
      estimate,
    };
  }

  /** The first of the project's trackers that has the estimate field (Redmine drops values of disabled fields silently). */
  async function resolveTracker(): Promise<number> {
    const p = parse(
      ProjectBody,
      (await call({ method: 'GET', path: `/projects/${project}.json?include=trackers,issue_custom_fields` }))
        .body,
      'the project',
    );
    const trackers = p.project.trackers ?? [];
    if (!trackers.length)
      throw new TrackerError(422, `Redmine project "${conn.project}" has no trackers enabled.`, 'invalid');
    if (field.kind === 'custom') {
      if (!(p.project.issue_custom_fields ?? []).some((f) => f.id === field.id))
        throw new TrackerError(
          404,
          `Redmine project "${conn.project}" has no issue custom field ${field.id} enabled (its fields: ${(p.project.issue_custom_fields ?? []).map((f) => `${f.id} ${f.name}`).join(', ') || 'none'}).`,
          'not_found',
        );
      return trackers[0]!.id;
    }
    const all = parse(
      TrackerList,
      (await call({ method: 'GET', path: '/trackers.json' })).body,
      'the tracker list',
    );
    const ok = trackers.find((t) => {
      const fields = all.trackers.find((a) => a.id === t.id)?.enabled_standard_fields;
      return !fields || fields.includes('estimated_hours');
    });
    if (!ok)
      throw new TrackerError(
        422,
        `None of Redmine project "${conn.project}"'s trackers (${trackers.map((t) => t.name).join(', ')}) has the Estimated time field enabled.`,
        'invalid',
      );
    return ok.id;
  }

  function tracker(): Promise<number> {
    trackerId ??= resolveTracker().catch((err: unknown) => {
      trackerId = null;
      throw err;
    });
    return trackerId;
  }

  function fieldsOf(d: IssueDraft, clear: boolean): Record<string, unknown> {
    const n = d.estimate === null ? null : estimateNumber(d.estimate, fieldName);
    if (n === null && !clear) return {};
    return field.kind === 'hours'
      ? { estimated_hours: n }
      : { custom_fields: [{ id: field.id, value: n === null ? '' : String(n) }] };
  }

  /** Redmine ignores a value for a field the issue's tracker lacks; say so rather than lose it. */
  function checkEstimate(s: IssueState, d: IssueDraft): IssueState {
    const want = d.estimate === null ? null : String(estimateNumber(d.estimate, fieldName));
    if (s.estimate !== want)
      throw new TrackerError(
        422,
        `Redmine did not keep the estimate in its ${fieldName} for ${s.key} (it holds ${s.estimate ?? 'nothing'}); enable that field for the issue's tracker.`,
        'invalid',
      );
    return s;
  }

  async function read(id: string): Promise<IssueState> {
    const r = await call({ method: 'GET', path: `/issues/${encodeURIComponent(id)}.json` });
    return state(parse(IssueBody, r.body, `issue #${id}`).issue);
  }

  return {
    async verify() {
      parse(
        CurrentUser,
        (await call({ method: 'GET', path: '/users/current.json' })).body,
        'the current user',
      );
      let name: string;
      try {
        const p = parse(
          ProjectBody,
          (await call({ method: 'GET', path: `/projects/${project}.json` })).body,
          'the project',
        );
        name = p.project.name;
      } catch (err) {
        if (err instanceof TrackerError && (err.status === 404 || err.status === 403))
          throw new TrackerError(
            err.status,
            `Redmine answered ${err.status}: project "${conn.project}" not found (or not visible to this key).`,
          );
        throw err;
      }
      trackerId = null;
      await tracker();
      return {
        projectName: name,
        fields: { estimate: field.kind === 'hours' ? 'estimated_hours' : `cf:${field.id}` },
      };
    },

    async find(marker) {
      // Redmine's issue query filters on description ("~" contains); status "*" so closed ones count too.
      const q = new URLSearchParams();
      q.set('project_id', conn.project);
      q.append('f[]', 'status_id');
      q.set('op[status_id]', '*');
      q.append('f[]', 'description');
      q.set('op[description]', '~');
      q.append('v[description][]', marker);
      q.set('sort', 'id');
      q.set('limit', '25');
      const list = parse(
        IssueList,
        (await call({ method: 'GET', path: `/issues.json?${q.toString()}` })).body,
        'the issue search',
      );
      // "contains" also matches a longer marker (…/s1 in …/s10): only a line that is exactly ours counts.
      const hit = list.issues.find((i) =>
        (i.description ?? '').split(/\r?\n/).some((l) => l.trim() === marker),
      );
      return hit ? state(hit) : null;
    },

    async create(d) {
      const issue = {
        project_id: conn.project,
        tracker_id: await tracker(),
        subject: d.title,
        description: redmineDescription(d),
        ...fieldsOf(d, false),
      };
      const r = await call({ method: 'POST', path: '/issues.json', json: { issue } });
      return checkEstimate(state(parse(IssueBody, r.body, 'the new issue').issue), d);
    },

    async update(id, d) {
      const issue = { subject: d.title, description: redmineDescription(d), ...fieldsOf(d, true) };
      // Redmine answers 204 with no body: read the issue back for what it now holds.
      await call({ method: 'PUT', path: `/issues/${encodeURIComponent(id)}.json`, json: { issue } });
      return checkEstimate(await read(id), d);
    },

    read,

    async comment(id, lines) {
      const notes = lines.map((l) => `* ${l.replace(/\s*\n\s*/g, ' ').trim()}`).join('\n');
      await call({
        method: 'PUT',
        path: `/issues/${encodeURIComponent(id)}.json`,
        json: { issue: { notes } },
      });
    },
  };
};
