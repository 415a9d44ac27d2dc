import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitlabConnector } from '../../server/trackers/gitlab';
import { createTrackerHttp } from '../../server/trackers/http';
import { connectorFor } from '../../server/trackers/registry';
import { TrackerError, type IssueDraft, type TrackerConnection } from '../../server/trackers/types';
import { startGitlabFake, type Exchange, type GitlabFake, type GitlabFakeOptions } from './gitlab-fake';

/*
 * The GitLab connector against a local fake of GitLab's documented REST API (./gitlab-fake.ts).
 * Every exchange is compared with a golden file in __golden__/gitlab/; after a deliberate change,
 * rewrite them with UPDATE_GOLDEN=1 and review the diff.
 */

const GOLDEN = path.join(__dirname, '__golden__', 'gitlab');
const PROJECT = 'my-group/sub/my-project';
const TOKEN = 'glpat-test-token';

function golden(name: string, exchanges: Exchange[]) {
  const file = path.join(GOLDEN, `${name}.json`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, JSON.stringify(exchanges, null, 2) + '\n');
    return;
  }
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(JSON.parse(JSON.stringify(exchanges))).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

const fakes: GitlabFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(opts: GitlabFakeOptions = {}, conn: Partial<TrackerConnection> = {}) {
  const fake = await startGitlabFake({ token: TOKEN, projectPath: PROJECT, ...opts });
  fakes.push(fake);
  const waits: number[] = [];
  const http = createTrackerHttp({
    baseUrl: fake.base,
    backoffMs: 10,
    sleep: async (ms) => void waits.push(ms),
  });
  const connection: TrackerConnection = {
    kind: 'gitlab',
    baseUrl: fake.base,
    project: PROJECT,
    token: TOKEN,
    fields: {},
    ...conn,
  };
  return { fake, waits, connector: createGitlabConnector(connection, http) };
}

const draft = (over: Partial<IssueDraft> = {}): IssueDraft => ({
  title: 'Checkout with saved cards',
  narrative: 'As a returning shopper I want to pay with a saved card so that checkout is quick.',
  criteria: ['Saved cards are listed', 'A card can be removed,\nafter a confirmation'],
  decisions: ['Visa and Mastercard first'],
  link: 'https://board.example/b/abc/stories/s1',
  marker: 'shellboard:abc/s1',
  estimate: '5',
  labels: ['Payments, EU', 'Returning shopper'],
  version: 1,
  ...over,
});

const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(TrackerError);
      return e as TrackerError;
    },
  );

describe('GitLab connector: verify', () => {
  it('is the registry’s gitlab connector', () => {
    expect(connectorFor('gitlab')).toBe(createGitlabConnector);
  });

  it('accepts a token with the Reporter role or more, the project path sent as one encoded segment', async () => {
    const { fake, connector } = await setup();
    await expect(connector.verify()).resolves.toEqual({
      projectName: 'my-group / sub / my-project',
      fields: {},
    });
    expect(fake.exchanges.map((e) => e.request.path)).toEqual([
      '/api/v4/user',
      '/api/v4/personal_access_tokens/self',
      '/api/v4/projects/my-group%2Fsub%2Fmy-project',
    ]);
    golden('verify-ok', fake.exchanges);
  });

  it('accepts a numeric project id', async () => {
    const { connector } = await setup({ projectId: 4 }, { project: '4' });
    await expect(connector.verify()).resolves.toMatchObject({ projectName: 'my-group / sub / my-project' });
  });

  it('takes the API root pasted as the base URL', async () => {
    const fake = await startGitlabFake({ token: TOKEN, projectPath: PROJECT });
    fakes.push(fake);
    const connector = createGitlabConnector(
      { kind: 'gitlab', baseUrl: `${fake.base}/api/v4/`, project: PROJECT, token: TOKEN, fields: {} },
      createTrackerHttp({ baseUrl: `${fake.base}/api/v4/` }),
    );
    await expect(connector.verify()).resolves.toMatchObject({ projectName: 'my-group / sub / my-project' });
  });

  it('refuses a read_api token before saving, and passes a token that cannot read its scopes', async () => {
    const readOnly = await setup({ scopes: ['read_api', 'read_user'] });
    const err = await fail(readOnly.connector.verify());
    expect(err.status).toBe(403);
    expect(err.message).toContain('read_api, read_user');
    expect(err.message).toContain('"api" scope');
    golden('verify-read-api', readOnly.fake.exchanges);
    const oauth = await setup({ scopes: null });
    await expect(oauth.connector.verify()).resolves.toMatchObject({ fields: {} });
  });

  it('names GitLab’s 401 and the scope a token needs', async () => {
    const { fake, connector } = await setup({}, { token: 'glpat-revoked' });
    const err = await fail(connector.verify());
    expect(err.status).toBe(401);
    expect(err.reason).toBe('unauthorized');
    expect(err.message).toContain('401 Unauthorized');
    expect(err.message).toContain('"api" scope');
    golden('verify-401', fake.exchanges);
  });

  it('names GitLab’s 404 for a project the token cannot see', async () => {
    const { fake, connector } = await setup({}, { project: 'my-group/typo' });
    const err = await fail(connector.verify());
    expect(err.status).toBe(404);
    expect(err.reason).toBe('not_found');
    expect(err.message).toContain('404 Project Not Found');
    expect(err.message).toContain('my-group/typo');
    golden('verify-404', fake.exchanges);
  });

  it('refuses a project whose issues are turned off', async () => {
    const { connector } = await setup({ issuesEnabled: false });
    const err = await fail(connector.verify());
    expect(err.reason).toBe('invalid');
    expect(err.message).toContain('Issues are turned off');
  });

  it('refuses a Guest, saying the Reporter role is needed', async () => {
    const guest = await setup({ accessLevel: 10 });
    const err = await fail(guest.connector.verify());
    expect(err.status).toBe(403);
    expect(err.message).toContain('Reporter role (20)');
    const stranger = await setup({ accessLevel: null });
    expect((await fail(stranger.connector.verify())).message).toContain('no membership');
  });
});

describe('GitLab connector: issues', () => {
  it('creates the issue with the weight, labels, checklist, link and marker', async () => {
    const { fake, connector } = await setup();
    const issue = await connector.create(draft());
    expect(issue).toMatchObject({
      id: '1',
      key: `${PROJECT}#1`,
      url: `https://gitlab.example.com/${PROJECT}/-/issues/1`,
      status: 'opened',
      title: 'Checkout with saved cards',
      estimate: '5',
    });
    const stored = fake.issue(1);
    expect(stored?.weight).toBe(5);
    // the value stream's comma would split it into two labels in GitLab
    expect(stored?.labels.sort()).toEqual(['Payments; EU', 'Returning shopper', 'shellboard']);
    expect(stored?.description).toContain(
      '- [ ] Saved cards are listed\n- [ ] A card can be removed,\n  after a confirmation',
    );
    expect(stored?.description).toContain('## Decisions\n\n- Visa and Mastercard first');
    expect(stored?.description).toContain(
      '[Formal story on Shellboard](https://board.example/b/abc/stories/s1)',
    );
    expect(stored?.description).toContain('<!-- shellboard:abc/s1 -->');
    expect(fake.exchanges).toHaveLength(1);
    golden('create', fake.exchanges);
  });

  it('puts a non-numeric estimate in an estimate:: label even where weights exist', async () => {
    const { fake, connector } = await setup();
    const issue = await connector.create(draft({ estimate: 'M' }));
    expect(issue.estimate).toBe('M');
    expect(fake.issue(1)?.weight).toBeNull();
    expect(fake.issue(1)?.labels).toContain('estimate::M');
    expect(fake.exchanges[0]?.request.body).not.toHaveProperty('weight');
  });

  it('falls back to an estimate:: label when GitLab drops the weight (Free tier)', async () => {
    const { fake, connector } = await setup({ weights: false });
    const first = await connector.create(draft());
    expect(first.estimate).toBe('5');
    expect(fake.issue(1)?.labels).toContain('estimate::5');
    // learnt: the next create sends the label at once, no weight, no second request
    const second = await connector.create(draft({ marker: 'shellboard:abc/s2', estimate: '3' }));
    expect(second.estimate).toBe('3');
    expect(fake.exchanges.map((e) => `${e.request.method} ${e.request.path}`)).toEqual([
      `POST /api/v4/projects/my-group%2Fsub%2Fmy-project/issues`,
      `PUT /api/v4/projects/my-group%2Fsub%2Fmy-project/issues/1`,
      `POST /api/v4/projects/my-group%2Fsub%2Fmy-project/issues`,
    ]);
    expect(fake.exchanges[2]?.request.body).not.toHaveProperty('weight');
    expect((await connector.read('1')).estimate).toBe('5');
    golden('free-tier', fake.exchanges);
  });

  it('updates the same issue, keeping the labels people added and dropping only ours', async () => {
    const { fake, connector } = await setup();
    await connector.create(draft());
    fake.edit(1, { addLabels: ['needs-design', 'estimate::2'] });
    const issue = await connector.update(
      '1',
      draft({
        title: 'Checkout with saved cards and wallets',
        labels: ['Payments', 'Returning shopper'],
        criteria: ['Saved cards are listed', 'Wallets are offered'],
        estimate: '8',
        version: 2,
      }),
    );
    expect(issue).toMatchObject({ id: '1', key: `${PROJECT}#1`, estimate: '8' });
    const stored = fake.issue(1);
    expect(stored?.title).toBe('Checkout with saved cards and wallets');
    expect(stored?.weight).toBe(8);
    expect(stored?.labels.sort()).toEqual(['Payments', 'Returning shopper', 'needs-design', 'shellboard']);
    expect(stored?.description).toContain('- [ ] Wallets are offered');
    expect(stored?.description).toContain('(version 2)');
    const put = fake.exchanges.find((e) => e.request.method === 'PUT');
    expect(put?.request.body).not.toHaveProperty('labels'); // `labels` would replace the people's ones
    golden('update', fake.exchanges);
  });

  it('clears the weight and our estimate labels when the story has no estimate any more', async () => {
    const { fake, connector } = await setup();
    await connector.create(draft());
    await connector.update('1', draft({ estimate: 'L', version: 2 }));
    expect(fake.issue(1)).toMatchObject({ weight: null });
    expect(fake.issue(1)?.labels).toContain('estimate::L');
    const issue = await connector.update('1', draft({ estimate: null, version: 3 }));
    expect(issue.estimate).toBeNull();
    expect(fake.issue(1)?.labels.filter((l) => l.startsWith('estimate::'))).toEqual([]);
  });

  it('reads the issue back with GitLab’s status', async () => {
    const { fake, connector } = await setup();
    await connector.create(draft());
    fake.edit(1, { state: 'closed', weight: 3 });
    const issue = await connector.read('1');
    expect(issue).toMatchObject({ status: 'closed', estimate: '3', key: `${PROJECT}#1` });
    expect(issue.description).toContain('<!-- shellboard:abc/s1 -->');
    golden('read-closed', fake.exchanges);
  });

  it('says which issue a bad id is before asking GitLab', async () => {
    const { fake, connector } = await setup();
    await fail(connector.read('../../user'));
    expect(fake.exchanges).toHaveLength(0);
    expect((await fail(connector.read('9'))).status).toBe(404);
  });

  it('finds an issue by its marker, paging with x-next-page, never a marker it merely starts', async () => {
    const { fake, connector } = await setup();
    const made = await connector.create(draft());
    // 150 newer issues whose markers begin with ours: the one we want is on page 2
    fake.seed(150, (n) => ({
      title: `Story ${n}`,
      description: `x\n\n<!-- shellboard:abc/s1${n} -->`,
      labels: ['shellboard'],
    }));
    const before = fake.exchanges.length;
    const found = await connector.find('shellboard:abc/s1');
    expect(found).toEqual(made);
    const pages = fake.exchanges.slice(before);
    expect(pages.map((e) => e.request.query.page)).toEqual(['1', '2']);
    expect(pages[0]?.request.query).toMatchObject({ search: 'shellboard:abc/s1', in: 'description' });
    expect(pages[0]?.request.query.labels).toBeUndefined();
    expect(pages[0]?.response.headers['x-next-page']).toBe('2');
    expect(pages[1]?.response.headers['x-next-page']).toBe('');
    await expect(connector.find('shellboard:abc/zzz')).resolves.toBeNull();
    // golden keeps the small exchanges (the two pages of 100 issues are checked above)
    golden(
      'find',
      [fake.exchanges[0], fake.exchanges.at(-1)].filter((e) => e !== undefined),
    );
  });

  it('finds our issue after someone removed its shellboard label in GitLab', async () => {
    const { fake, connector } = await setup();
    const made = await connector.create(draft());
    const stored = fake.issue(Number(made.id))!;
    stored.labels = stored.labels.filter((l) => l !== 'shellboard');
    await expect(connector.find('shellboard:abc/s1')).resolves.toMatchObject({ id: made.id, key: made.key });
  });

  it('comments as a bullet list', async () => {
    const { fake, connector } = await setup();
    await connector.create(draft());
    await connector.comment('1', [
      'Criterion added: Wallets are offered',
      'Criterion removed: A card can be removed',
    ]);
    expect(fake.issue(1)?.notes).toBe(1);
    const note = fake.exchanges.at(-1);
    expect(note?.request.path).toBe('/api/v4/projects/my-group%2Fsub%2Fmy-project/issues/1/notes');
    expect(note?.request.body).toEqual({
      body: '- Criterion added: Wallets are offered\n- Criterion removed: A card can be removed',
    });
    expect(note?.response.status).toBe(201);
    golden('comment', fake.exchanges);
  });

  it('waits what a 429’s Retry-After asks and tries again', async () => {
    const { fake, connector, waits } = await setup();
    await connector.create(draft());
    fake.throttle(1, 2);
    await expect(connector.read('1')).resolves.toMatchObject({ status: 'opened' });
    expect(waits).toEqual([2000]);
    expect(fake.exchanges.slice(1).map((e) => e.response.status)).toEqual([429, 200]);
    golden('retry-429', fake.exchanges);
  });
});

describe('GitLab fake', () => {
  it('answers 400 for a wrong type or an undeclared parameter, like a strict GitLab', async () => {
    const fake = await startGitlabFake({ token: TOKEN, projectPath: PROJECT });
    fakes.push(fake);
    const post = (json: unknown) =>
      fetch(`${fake.base}/api/v4/projects/${encodeURIComponent(PROJECT)}/issues`, {
        method: 'POST',
        headers: { 'PRIVATE-TOKEN': TOKEN, 'Content-Type': 'application/json' },
        body: JSON.stringify(json),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
    await expect(post({ title: 'x', weight: '5' })).resolves.toEqual({
      status: 400,
      body: { error: 'weight is invalid' },
    });
    await expect(post({ title: 'x', weigth: 5 })).resolves.toMatchObject({ status: 400 });
    await expect(post({ description: 'no title' })).resolves.toEqual({
      status: 400,
      body: { error: 'title is missing' },
    });
    await expect(post({ title: 'ok', labels: 'a,b' })).resolves.toMatchObject({
      status: 201,
      body: { labels: ['a', 'b'] },
    });
    const unencoded = await fetch(`${fake.base}/api/v4/projects/${PROJECT}`, {
      headers: { 'PRIVATE-TOKEN': TOKEN },
    });
    expect(unencoded.status).toBe(404);
  });
});
