/**
 * What the GitLab fake (./gitlab-fake.ts) answers with: an issue as Entities::Issue presents it and a
 * project as `GET /projects/:id` does, laid out as the documented example payloads with our values.
 */

export interface Issue {
  id: number;
  iid: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  labels: string[];
  weight: number | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  notes: number;
}

export const WEB = 'https://gitlab.example.com';
/** `author` / `closed_by` as the docs' example shows them */
export const AUTHOR = {
  id: 18,
  username: 'eileen.lowe',
  name: 'Alexandra Bashirian',
  state: 'active',
  avatar_url: null,
  web_url: `${WEB}/eileen.lowe`,
};

export function gitlabBodies(o: {
  projectId: number;
  path: string;
  weights: boolean;
  accessLevel: number | null;
  issuesEnabled: boolean | undefined;
  issues: ReadonlyMap<number, Issue>;
}) {
  const { projectId, path, weights, accessLevel, issues } = o;
  const issuesEnabled = o.issuesEnabled ?? true;
  /** Entities::Issue, laid out as the docs' "New issue" example response. */
  const present = (i: Issue) => ({
    id: i.id,
    iid: i.iid,
    project_id: projectId,
    title: i.title,
    description: i.description,
    state: i.state,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    closed_by: i.state === 'closed' ? AUTHOR : null,
    labels: [...i.labels].sort(),
    milestone: null,
    assignees: [],
    assignee: null,
    author: AUTHOR,
    type: 'ISSUE',
    user_notes_count: i.notes,
    merge_requests_count: 0,
    upvotes: 0,
    downvotes: 0,
    due_date: null,
    confidential: false,
    discussion_locked: null,
    issue_type: 'issue',
    web_url: `${WEB}/${path}/-/issues/${i.iid}`,
    time_stats: {
      time_estimate: 0,
      total_time_spent: 0,
      human_time_estimate: null,
      human_total_time_spent: null,
    },
    task_completion_status: { count: 0, completed_count: 0 },
    has_tasks: false,
    _links: {
      self: `${WEB}/api/v4/projects/${projectId}/issues/${i.iid}`,
      notes: `${WEB}/api/v4/projects/${projectId}/issues/${i.iid}/notes`,
      award_emoji: `${WEB}/api/v4/projects/${projectId}/issues/${i.iid}/award_emoji`,
      project: `${WEB}/api/v4/projects/${projectId}`,
    },
    references: { short: `#${i.iid}`, relative: `#${i.iid}`, full: `${path}#${i.iid}` },
    subscribed: true,
    // EE exposes weight only where the licence has issue weights
    ...(weights ? { weight: i.weight } : {}),
  });

  const project = () => ({
    id: projectId,
    description: null,
    name: path.split('/').pop(),
    name_with_namespace: path.split('/').join(' / '),
    path: path.split('/').pop(),
    path_with_namespace: path,
    created_at: '2013-09-30T13:46:02Z',
    default_branch: 'main',
    web_url: `${WEB}/${path}`,
    visibility: 'private',
    issues_enabled: issuesEnabled,
    issues_access_level: issuesEnabled ? 'enabled' : 'disabled',
    merge_requests_enabled: true,
    wiki_enabled: true,
    open_issues_count: [...issues.values()].filter((i) => i.state === 'opened').length,
    permissions: {
      project_access: accessLevel === null ? null : { access_level: accessLevel, notification_level: 3 },
      group_access: null,
    },
  });

  return { present, project };
}
