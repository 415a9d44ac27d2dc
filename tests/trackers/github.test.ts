import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noAutolink } from '../../lib/export/markdown';
import { createGithubConnector, markerComment, parseGithubProject } from '../../server/trackers/github';
import { createTrackerHttp } from '../../server/trackers/http';
import { connectorFor } from '../../server/trackers/registry';
import { TrackerError, type IssueDraft, type TrackerConnector } from '../../server/trackers/types';
import { startGithubFake, type GithubFake } from './github-fake';

let gh: GithubFake;
let waits: number[];

beforeEach(async () => {
  gh = await startGithubFake();
  waits = [];
});

afterEach(async () => {
  // every request the connector sent was valid against GitHub's OpenAPI description
  const violations = gh.violations;
  await gh.close();
  expect(violations).toEqual([]);
});

function connector(token = gh.token, project = `${gh.owner}/${gh.repo}`): TrackerConnector {
  const http = createTrackerHttp({
    baseUrl: gh.baseUrl,
    backoffMs: 5,
    sleep: async (ms) => void waits.push(ms),
  });
  return createGithubConnector({ kind: 'github', baseUrl: gh.baseUrl, project, token, fields: {} }, http);
}

const draft = (over: Partial<IssueDraft> = {}): IssueDraft => ({
  title: 'Export the sprint as CSV',
  narrative: 'As a *planner* I want a CSV so that see https://evil.example/login',
  criteria: ['The file opens in a spreadsheet', 'Columns are [named](https://evil.example)'],
  decisions: ['Semicolons, not commas'],
  link: 'https://board.example/b/b1/stories/s1?v=1',
  marker: 'shellboard:b1/s1',
  estimate: '5',
  labels: ['Reporting, exports', 'Team lead'],
  version: 1,
  ...over,
});

const labelsOf = (n: number) => (gh.issues.get(n)?.labels ?? []).map((l) => l.name).sort();

describe('GitHub connector against a spec-checked fake', () => {
  it('is registered for kind github', () => {
    expect(connectorFor('github')).toBe(createGithubConnector);
  });

  it('verifies a good token and repository', async () => {
    await expect(connector().verify()).resolves.toEqual({ projectName: 'octo-org/planning', fields: {} });
  });

  it('names a bad token (401) and a missing or hidden repository (404)', async () => {
    const bad = (await connector('ghp_wrong')
      .verify()
      .catch((e: unknown) => e)) as TrackerError;
    expect(bad).toBeInstanceOf(TrackerError);
    expect(bad.status).toBe(401);
    expect(bad.message).toContain('Bad credentials');
    const missing = (await connector(gh.token, 'octo-org/nope')
      .verify()
      .catch((e: unknown) => e)) as TrackerError;
    expect(missing.status).toBe(404);
    expect(missing.message).toMatch(/does not exist, or the token may not see it/);
  });

  it('catches a read-only token at verify', async () => {
    gh.push = false;
    const err = (await connector()
      .verify()
      .catch((e: unknown) => e)) as TrackerError;
    expect(err.reason).toBe('forbidden');
    expect(err.message).toMatch(/may only read/);
  });

  it('says so when the base URL is GitHub’s web address or answers something else', async () => {
    // refused before any request is sent
    const web = createGithubConnector(
      { kind: 'github', baseUrl: 'https://github.com', project: 'o/r', token: 't', fields: {} },
      createTrackerHttp({ baseUrl: 'https://github.com' }),
    );
    await expect(web.verify()).rejects.toThrow(/the API's is https:\/\/api\.github\.com/);
    // a sign-in page (a proxy in front of GitHub Enterprise) where GitHub's JSON should be
    const proxy = http.createServer((_q, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Sign in</html>'),
    );
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/v3`;
      const c = createGithubConnector(
        { kind: 'github', baseUrl: base, project: 'o/r', token: 't', fields: {} },
        createTrackerHttp({ baseUrl: base }),
      );
      const err = (await c.read('1').catch((e: unknown) => e)) as TrackerError;
      expect(err).toBeInstanceOf(TrackerError);
      expect(err.status).toBe(502);
      expect(err.message).toMatch(/not what its API sends/);
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  it('refuses a project that is not owner/repo', async () => {
    const err = (await connector(gh.token, 'planning')
      .verify()
      .catch((e: unknown) => e)) as TrackerError;
    expect(err.reason).toBe('invalid');
    expect(err.message).toMatch(/owner\/repo/);
    expect(gh.requests).toHaveLength(0);
    for (const p of ['planning', 'a/b/c', '-x/y', 'x/..', 'o/r r'])
      expect(() => parseGithubProject(p), p).toThrow(TrackerError);
    expect(parseGithubProject('octo-org/plan.ning_2')).toEqual({ owner: 'octo-org', repo: 'plan.ning_2' });
  });

  it('creates an issue with labels, a checklist, the link and the marker', async () => {
    const state = await connector().create(draft());
    expect(state).toMatchObject({
      id: '1',
      key: 'octo-org/planning#1',
      status: 'open',
      estimate: '5',
      title: 'Export the sprint as CSV',
    });
    expect(state.url).toMatch(/\/octo-org\/planning\/issues\/1$/);
    expect(labelsOf(1)).toEqual(['Reporting, exports', 'Team lead', 'estimate: 5', 'shellboard'].sort());
    const body = gh.issues.get(1)?.body ?? '';
    expect(body).toContain('- [ ] The file opens in a spreadsheet');
    expect(body).toContain('- [ ] Columns are \\[named\\]\\(https:\u2060//evil.example\\)');
    expect(body).toContain('- Semicolons, not commas');
    expect(body).toContain(
      '[View the formal story on Shellboard](https://board.example/b/b1/stories/s1?v=1)',
    );
    expect(body).toContain('<!-- shellboard:b1/s1 -->');
    // user text: escaped, and the bare URL no longer autolinks
    expect(body).toContain('As a \\*planner\\* I want');
    expect(body).not.toMatch(/https:\/\/evil/);
  });

  it('creates missing labels once and takes "already exists" as fine', async () => {
    gh.addIssue({ title: 'made in GitHub', labels: ['shellboard'] });
    const c = connector();
    await c.create(draft());
    await c.create(draft({ marker: 'shellboard:b1/s2' }));
    const labelPosts = gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels'));
    // four names; `shellboard` existed (422 already_exists); the second create asks for none
    expect(labelPosts).toHaveLength(4);
    expect(gh.labels.get('estimate: 5')?.name).toBe('estimate: 5');
  });

  it('cuts long label names to GitHub’s 50 characters and refuses an oversized body before sending', async () => {
    const c = connector();
    const long = 'A value stream whose name goes on and on and on past fifty characters';
    await c.create(draft({ labels: [long] }));
    expect(labelsOf(1)).toContain(long.slice(0, 50));
    const err = (await c
      .create(draft({ labels: ['Fresh stream'], criteria: ['x'.repeat(70_000)] }))
      .catch((e: unknown) => e)) as TrackerError;
    expect(err.reason).toBe('invalid');
    expect(err.message).toMatch(/at most 65536/);
    // one create reached GitHub; the oversized one sent nothing (not even its labels)
    expect(gh.requests.filter((r) => r.path.endsWith('/issues')).length).toBe(1);
    expect(gh.labels.has('fresh stream')).toBe(false);
  });

  it('update replaces the estimate label and keeps a label someone added', async () => {
    const c = connector();
    const created = await c.create(draft());
    const issue = gh.issues.get(1);
    const bug = { ...(issue?.labels[0] ?? {}), name: 'bug' };
    gh.labels.set('bug', bug);
    issue?.labels.push(bug);
    const updated = await c.update(
      created.id,
      draft({ estimate: '8', version: 2, title: 'Export the sprint', criteria: ['Only this one'] }),
    );
    expect(updated.estimate).toBe('8');
    expect(labelsOf(1)).toEqual(
      ['Reporting, exports', 'Team lead', 'bug', 'estimate: 8', 'shellboard'].sort(),
    );
    expect(gh.issues.get(1)?.title).toBe('Export the sprint');
    expect(gh.issues.get(1)?.body).toContain('- [ ] Only this one');
    expect(gh.issues.get(1)?.body).not.toContain('spreadsheet');
    expect(gh.issues.size).toBe(1);
  });

  it('reads the status after the issue is closed in GitHub', async () => {
    const c = connector();
    const { id } = await c.create(draft());
    expect((await c.read(id)).status).toBe('open');
    const issue = gh.issues.get(1);
    if (issue) Object.assign(issue, { state: 'closed', state_reason: 'not_planned' });
    const read = await c.read(id);
    expect(read.status).toBe('closed (not planned)');
    expect(read.description).toContain(markerComment('shellboard:b1/s1'));
  });

  it('finds an issue by its marker across pages', async () => {
    const c = connector();
    await c.create(draft({ marker: 'shellboard:b1/target' }));
    for (let i = 0; i < 230; i++)
      gh.addIssue({ title: `other ${i}`, body: `<!-- shellboard:b1/x${i} -->`, labels: ['shellboard'] });
    gh.addIssue({ title: 'not ours', body: '<!-- shellboard:b1/target -->' }); // no label: not listed
    const found = await c.find('shellboard:b1/target');
    expect(found?.key).toBe('octo-org/planning#1');
    const pages = gh.requests.filter((r) => r.method === 'GET' && r.path.includes('/issues?'));
    expect(pages.map((r) => new URL(r.path, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(await c.find('shellboard:b1/absent')).toBeNull();
  });

  it('still finds an issue whose shellboard label someone removed in GitHub (through the search API)', async () => {
    const c = connector();
    const made = await c.create(draft({ marker: 'shellboard:b1/unlabelled' }));
    for (let i = 0; i < 3; i++)
      gh.addIssue({ title: `other ${i}`, body: `<!-- shellboard:b1/x${i} -->`, labels: ['shellboard'] });
    const issue = gh.issues.get(Number(made.id))!;
    issue.labels = issue.labels.filter((l) => l.name !== 'shellboard');
    const found = await c.find('shellboard:b1/unlabelled');
    expect(found?.id).toBe(made.id);
    // Ours first (fresh, no search lag), then the search for the marker in this repository's bodies.
    const searches = gh.requests.filter((r) => r.path.startsWith('/api/v3/search/issues'));
    expect(searches).toHaveLength(1);
    expect(new URL(searches[0]!.path, 'http://x').searchParams.get('q')).toBe(
      'repo:octo-org/planning is:issue in:body "shellboard:b1/unlabelled"',
    );
    // A body that only starts like the marker is not it: the exact comment must be in the body.
    gh.addIssue({ title: 'near miss', body: '<!-- shellboard:b1/unlabelled-2 -->' });
    expect((await c.find('shellboard:b1/unlabelled-2'))?.key).toBe('octo-org/planning#5');
    expect(await c.find('shellboard:b1/unlabelled-')).toBeNull();
  });

  it('lists every issue when the search is rate-limited, so a lost create is still found', async () => {
    const c = connector();
    const made = await c.create(draft({ marker: 'shellboard:b1/limited' }));
    const issue = gh.issues.get(Number(made.id))!;
    issue.labels = [];
    for (let i = 0; i < 120; i++) gh.addIssue({ title: `people's ${i}` });
    gh.searchLimited = true;
    expect((await c.find('shellboard:b1/limited'))?.id).toBe(made.id);
    const unfiltered = gh.requests.filter(
      (r) => r.path.includes('/repos/octo-org/planning/issues?') && !r.path.includes('labels='),
    );
    expect(unfiltered.map((r) => new URL(r.path, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
    expect(await c.find('shellboard:b1/nowhere')).toBeNull();
  });

  it('comments as a bullet list', async () => {
    const c = connector();
    const { id } = await c.create(draft());
    await c.comment(id, ['Criterion added: Export works offline', 'See www.evil.example']);
    expect(gh.comments).toEqual([
      { issue: 1, body: '- Criterion added: Export works offline\n- See www\u2060.evil.example' },
    ]);
  });

  it('honours a 429 Retry-After and a 5xx, then succeeds', async () => {
    gh.failNext(429, 3);
    gh.failNext(502);
    await expect(connector().verify()).resolves.toMatchObject({ projectName: 'octo-org/planning' });
    expect(waits).toEqual([3000, 10]);
    expect(gh.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
  });

  it('reports GitHub’s 403 rate limit as unavailable, not as a missing right', async () => {
    gh.failNext(403);
    const err = (await connector()
      .verify()
      .catch((e: unknown) => e)) as TrackerError;
    expect(err.reason).toBe('unavailable');
    expect(err.message).toMatch(/rate-limiting.*API rate limit exceeded/);
  });

  it('the fake rejects a request GitHub’s spec rejects (the validator bites)', async () => {
    const res = await fetch(`${gh.baseUrl}/repos/${gh.owner}/${gh.repo}/issues`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${gh.token}`,
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'Content-Type': 'application/json',
      },
      // no title (required), a label that is neither a string nor a label object
      body: JSON.stringify({ body: 'x', labels: [42] }),
    });
    expect(res.status).toBe(400);
    expect(gh.violations).toHaveLength(1);
    expect(gh.violations[0]).toMatch(/issues\/create.*title/);
    expect(gh.issues.size).toBe(0);
    gh.violations.length = 0; // seen and asserted; afterEach checks the rest
  });
});

describe('noAutolink', () => {
  it('keeps bare URLs and www. names from becoming links, leaving the text readable', () => {
    expect(noAutolink('go to https://a.example and HTTP://b.example or www.c.example')).toBe(
      'go to https:\u2060//a.example and HTTP:\u2060//b.example or www\u2060.c.example',
    );
    expect(noAutolink('mailto:x and a:b and wwwx.example')).toBe('mailto:x and a:b and wwwx.example');
    expect(noAutolink('https://x'.replace(/\u2060/g, '')).replace(/\u2060/g, '')).toBe('https://x');
  });
});
