import type { TrackerKind } from '@/lib/trackers/client';

/** What each field means for each tracker, said where the owner fills it in (docs/trackers.md). */
export interface KindHints {
  label: string;
  baseUrl: { placeholder: string; hint: string };
  project: { label: string; placeholder: string; hint: string };
  token: { label: string; hint: string };
  /** null: this tracker has no estimate field to choose */
  estimate: { placeholder: string; hint: string } | null;
}

export const KIND_HINTS: Record<TrackerKind, KindHints> = {
  jira: {
    label: 'Jira',
    baseUrl: {
      placeholder: 'https://your-team.atlassian.net',
      hint: 'Jira Cloud or Data Center, the address you open Jira at.',
    },
    project: { label: 'Project key', placeholder: 'SHOP', hint: 'The key in issue keys: SHOP for SHOP-12.' },
    token: {
      label: 'API token',
      hint: 'Cloud: email:apiToken (from id.atlassian.com). Data Center: a personal access token.',
    },
    estimate: {
      placeholder: 'customfield_10016',
      hint: 'Leave empty to find "Story Points" / "Story point estimate" by name; or a field id.',
    },
  },
  github: {
    label: 'GitHub',
    baseUrl: {
      placeholder: 'https://api.github.com',
      hint: 'The API address: https://api.github.com, or https://host/api/v3 for GitHub Enterprise.',
    },
    project: {
      label: 'Repository',
      placeholder: 'owner/repo',
      hint: 'owner/repo, as in the repository’s URL.',
    },
    token: { label: 'Token', hint: 'A fine-grained token with Issues: read and write on that repository.' },
    estimate: null,
  },
  gitlab: {
    label: 'GitLab',
    baseUrl: { placeholder: 'https://gitlab.com', hint: 'gitlab.com or your own GitLab’s address.' },
    project: {
      label: 'Project',
      placeholder: 'group/project',
      hint: 'The project’s path (group/project) or its numeric id.',
    },
    token: { label: 'Access token', hint: 'A personal or project access token with the api scope.' },
    estimate: null,
  },
  redmine: {
    label: 'Redmine',
    baseUrl: { placeholder: 'https://redmine.example.com', hint: 'The address you open Redmine at.' },
    project: {
      label: 'Project identifier',
      placeholder: 'shop',
      hint: 'The identifier in the project’s URL (/projects/shop), not its name.',
    },
    token: {
      label: 'API key',
      hint: 'My account → API access key (the REST API must be enabled by an administrator).',
    },
    estimate: {
      placeholder: 'estimated_hours',
      hint: 'estimated_hours (default) or cf:<id> for a custom field such as Story points.',
    },
  },
};

/** How a GitHub / GitLab estimate lands, shown instead of a field override. */
export const ESTIMATE_NOTE: Partial<Record<TrackerKind, string>> = {
  github: 'The estimate becomes a label, "estimate: 5", replacing the previous estimate label.',
  gitlab: 'The estimate becomes the issue’s weight (a label where weights are unavailable).',
};
