import type { FormalStoryVersion } from '../promote/types';
import { escapeMd, inline, listItem, storyLink } from './markdown';

export interface GithubIssue {
  title: string;
  body: string;
  labels: string[];
}

/** One GitHub issue per story: the narrative, a task list of criteria, decisions, a link back. */
export function exportGithub(stories: readonly FormalStoryVersion[], baseUrl?: string): GithubIssue[] {
  return stories.map((s) => {
    const body = [
      escapeMd(s.narrative),
      '',
      '## Acceptance criteria',
      ...(s.criteria.length ? s.criteria.map((c) => listItem('- [ ]', c)) : ['_None yet._']),
    ];
    if (s.decisions.length) body.push('', '## Decisions', ...s.decisions.map((d) => `- ${inline(d)}`));
    body.push(
      '',
      `Estimate: ${s.estimate ? escapeMd(s.estimate) : '—'} · Value: ${s.value ?? '—'} · Effort: ${s.effort ?? '—'}`,
    );
    const link = storyLink(baseUrl, s);
    if (link) body.push('', `Formal story v${s.version}: ${link}`);
    return { title: s.title, body: body.join('\n'), labels: s.labels };
  });
}
