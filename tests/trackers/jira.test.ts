import { createCloudClient } from 'jira.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createTrackerHttp } from '../../server/trackers/http';
import { adfText } from '../../server/trackers/jira-format';
import { createJiraConnector, markerLabel } from '../../server/trackers/jira';
import { connectorFor } from '../../server/trackers/registry';
import { TrackerError, type IssueDraft, type TrackerConnection } from '../../server/trackers/types';
import { startJiraFake, type Flavor, type JiraFake } from './jira-fake';

const TOKENS: Record<Flavor, string> = { cloud: 'pat@example.com:ATATT3xFfGF0', dc: 'NjM4OTk1MjQ1NDI3OlPAT' };

const fakes: JiraFake[] = [];
afterEach(async () => {
  const done = fakes.splice(0);
  await Promise.all(done.map((f) => f.close()));
  // every response the fake sent and every request it got matched jira.js's schemas
  for (const f of done) expect(f.problems).toEqual([]);
});

async function setup(flavor: Flavor, conn: Partial<TrackerConnection> = {}) {
  const fake = await startJiraFake({
    flavor,
    token: TOKENS[flavor],
    projects: [
      { key: 'SHB', name: 'Shellboard', storyPoints: true },
      { key: 'BARE', name: 'No points', storyPoints: false },
    ],
  });
  fakes.push(fake);
  const waits: number[] = [];
  const http = createTrackerHttp({ baseUrl: fake.baseUrl, sleep: async (ms) => void waits.push(ms) });
  const connection: TrackerConnection = {
    kind: 'jira',
    baseUrl: fake.baseUrl,
    project: 'SHB',
    token: TOKENS[flavor],
    fields: {},
    ...conn,
  };
  return { fake, waits, jira: createJiraConnector(connection, http) };
}

const draft = (over: Partial<IssueDraft> = {}): IssueDraft => ({
  title: 'Export the board',
  narrative: 'As a facilitator I want to export the board so that the team keeps a record.',
  criteria: ['CSV opens in a spreadsheet', 'Line one\n  line two  \n\nline three'],
  decisions: ['Use RFC 4180'],
  link: 'https://board.example/b/abc/stories/s1',
  marker: 'shellboard:abc/s1',
  estimate: '5',
  labels: ['Data export', 'Facilitator, lead'],
  version: 1,
  ...over,
});

const fail = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('Jira connector', () => {
  it('is the registry’s connector for kind jira', () => {
    expect(connectorFor('jira')).toBe(createJiraConnector);
  });

  for (const flavor of ['cloud', 'dc'] as const) {
    const api = flavor === 'cloud' ? '/rest/api/3' : '/rest/api/2';

    describe(flavor, () => {
      it('verify discovers the story-points field by name (random id per fake)', async () => {
        const { fake, jira } = await setup(flavor);
        expect(fake.storyPointsField).toMatch(/^customfield_1\d{4}$/);
        const v = await jira.verify();
        expect(v).toEqual({ projectName: 'Shellboard', fields: { estimate: fake.storyPointsField } });
        const paths = fake.requests.map((r) => r.path.split('?')[0]);
        expect(paths).toEqual([
          '/rest/api/2/serverInfo',
          `${api}/myself`,
          `${api}/project/SHB`,
          `${api}/issue/createmeta/SHB/issuetypes`,
          `${api}/issue/createmeta/SHB/issuetypes/10001`,
        ]);
      });

      it('verify: a wrong token → 401 in the tracker’s words', async () => {
        const { jira } = await setup(flavor, {
          token: flavor === 'cloud' ? 'pat@example.com:wrong' : 'wrong',
        });
        const err = await fail(jira.verify());
        expect(err).toBeInstanceOf(TrackerError);
        expect(err).toMatchObject({ status: 401, reason: 'unauthorized' });
        expect((err as Error).message).toContain('Client must be authenticated');
      });

      it('verify: an unknown project → 404 naming it', async () => {
        const { jira } = await setup(flavor, { project: 'NOPE' });
        const err = await fail(jira.verify());
        expect(err).toMatchObject({ status: 404, reason: 'not_found' });
        expect((err as Error).message).toContain("No project could be found with key 'NOPE'");
      });

      it('verify: a project whose create screen lacks story points → a clear error', async () => {
        const { jira } = await setup(flavor, { project: 'BARE' });
        const err = await fail(jira.verify());
        expect(err).toMatchObject({ reason: 'invalid' });
        expect((err as Error).message).toBe(
          'Jira project BARE has no Story Points field on issue type Story; add it to the screen or set fields.estimate.',
        );
      });

      it('verify: fields.estimate overrides with a field id that must exist in the metadata', async () => {
        const missing = await setup(flavor, { fields: { estimate: 'customfield_99999' } });
        expect(((await fail(missing.jira.verify())) as Error).message).toBe(
          'Jira project SHB has no field customfield_99999 on issue type Story; check fields.estimate against the create screen.',
        );
        const { fake } = await setup(flavor, { project: 'BARE' });
        const jira = createJiraConnector(
          {
            kind: 'jira',
            baseUrl: fake.baseUrl,
            project: 'BARE',
            token: TOKENS[flavor],
            fields: { estimate: fake.otherNumberField },
          },
          createTrackerHttp({ baseUrl: fake.baseUrl }),
        );
        expect(await jira.verify()).toEqual({
          projectName: 'No points',
          fields: { estimate: fake.otherNumberField },
        });
        const created = await jira.create(draft({ estimate: '8' }));
        expect(created.estimate).toBe('8');
        const post = fake.requests.find((r) => r.method === 'POST' && r.path === `${api}/issue`);
        expect(post?.body).toMatchObject({ fields: { [fake.otherNumberField]: 8 } });
      });

      it('create: description in the deployment’s format, labels without spaces, estimate in the discovered field', async () => {
        const { fake, jira } = await setup(flavor);
        const state = await jira.create(draft());
        expect(state).toMatchObject({
          key: 'SHB-1',
          url: `${fake.baseUrl}/browse/SHB-1`,
          status: 'To Do',
          title: 'Export the board',
          estimate: '5',
        });
        const stored = fake.issues.get(state.id)!;
        expect(stored.fields[fake.storyPointsField]).toBe(5);
        expect(stored.fields.labels).toEqual([
          'Data_export',
          'Facilitator,_lead',
          markerLabel('shellboard:abc/s1'),
        ]);
        const sent = fake.requests.find((r) => r.method === 'POST' && r.path === `${api}/issue`)?.body as {
          fields: Record<string, unknown>;
        };
        expect(sent.fields).toMatchObject({ project: { key: 'SHB' }, issuetype: { id: '10001' } });
        if (flavor === 'cloud') {
          const doc = stored.fields.description as { type: string; content: { type: string }[] };
          expect(doc.type).toBe('doc');
          expect(doc.content.map((n) => n.type)).toEqual([
            'heading',
            'paragraph',
            'heading',
            'bulletList',
            'heading',
            'bulletList',
            'paragraph',
            'paragraph',
          ]);
          // a multi-line criterion keeps its lines (hardBreak), trimmed, blank runs dropped
          expect(JSON.stringify(doc)).toContain(
            '{"type":"text","text":"☐ Line one"},{"type":"hardBreak"},{"type":"text","text":"line two"},{"type":"hardBreak"},{"type":"text","text":"line three"}',
          );
          expect(JSON.stringify(doc)).toContain(
            '"marks":[{"type":"link","attrs":{"href":"https://board.example/b/abc/stories/s1"}}]',
          );
          expect(state.description).toBe(adfText(doc));
          expect(state.description).toContain('shellboard:abc/s1');
        } else {
          expect(stored.fields.description).toBe(
            [
              'h3. Story',
              'As a facilitator I want to export the board so that the team keeps a record.',
              '',
              'h3. Acceptance criteria',
              '* ☐ CSV opens in a spreadsheet',
              '* ☐ Line one \\\\ line two \\\\ line three',
              '',
              'h3. Decisions',
              '* Use RFC 4180',
              '',
              '[Formal story on Shellboard|https://board.example/b/abc/stories/s1]',
              '',
              '{{shellboard:abc/s1}}',
            ].join('\n'),
          );
          expect(state.description).toBe(stored.fields.description);
        }
      });

      it('create: a non-numeric estimate is refused before Jira is asked to create', async () => {
        const { fake, jira } = await setup(flavor);
        const err = await fail(jira.create(draft({ estimate: 'M' })));
        expect((err as Error).message).toContain('Jira story points are numbers; the estimate "M"');
        expect(fake.issues.size).toBe(0);
      });

      it('update changes the same issue; read shows the tracker’s status and estimate', async () => {
        const { fake, jira } = await setup(flavor);
        const first = await jira.create(draft());
        const second = await jira.update(
          first.id,
          draft({ title: 'Export the whole board', estimate: '8', version: 2 }),
        );
        expect(fake.issues.size).toBe(1);
        expect(second).toMatchObject({
          id: first.id,
          key: 'SHB-1',
          title: 'Export the whole board',
          estimate: '8',
        });
        expect(fake.requests.some((r) => r.method === 'PUT' && r.path === `${api}/issue/${first.id}`)).toBe(
          true,
        );
        // someone moves it in Jira
        fake.issues.get(first.id)!.fields.status = {
          name: 'In Progress',
          id: '3',
          self: `${fake.baseUrl}/status/3`,
        };
        fake.issues.get(first.id)!.fields[fake.storyPointsField] = 3.0;
        const read = await jira.read(first.id);
        expect(read).toMatchObject({ status: 'In Progress', estimate: '3' });
        const q = fake.requests.at(-1)!.path;
        expect(q).toBe(`${api}/issue/${first.id}?fields=summary,status,description,${fake.storyPointsField}`);
      });

      it('find locates the issue by its marker label, in this project only', async () => {
        const { fake, jira } = await setup(flavor);
        expect(await jira.find('shellboard:abc/s1')).toBeNull();
        const made = await jira.create(draft());
        await jira.create(draft({ marker: 'shellboard:abc/other' }));
        const found = await jira.find('shellboard:abc/s1');
        expect(found).toMatchObject({ id: made.id, key: made.key });
        const search = fake.requests.filter((r) => r.method === 'POST' && r.path.includes('/search'));
        expect(search.map((r) => r.path)[0]).toBe(
          flavor === 'cloud' ? '/rest/api/3/search/jql' : '/rest/api/2/search',
        );
        expect((search[0]!.body as { jql: string }).jql).toBe(
          `project = "SHB" AND labels = "${markerLabel('shellboard:abc/s1')}" ORDER BY created ASC`,
        );
      });

      it('comment posts a bullet list in the deployment’s format', async () => {
        const { fake, jira } = await setup(flavor);
        const made = await jira.create(draft());
        await jira.comment(made.id, ['Criterion added: Works offline', 'Criterion removed: Old one']);
        const c = fake.issues.get(made.id)!.comments[0];
        if (flavor === 'cloud')
          expect(adfText(c)).toBe('Criterion added: Works offline\nCriterion removed: Old one');
        else expect(c).toBe('* Criterion added: Works offline\n* Criterion removed: Old one');
      });

      it('429 is retried, waiting what Retry-After asks', async () => {
        const { fake, jira, waits } = await setup(flavor);
        fake.throttle(1, 2);
        await jira.verify();
        expect(waits).toEqual([2000]);
        expect(fake.requests[0]!.path).toBe('/rest/api/2/serverInfo');
        expect(fake.requests[1]!.path).toBe('/rest/api/2/serverInfo');
      });
    });
  }

  it('the fake itself refuses requests off jira.js’s schemas (so a passing test means something)', async () => {
    const { fake } = await setup('cloud');
    const auth = {
      Authorization: `Basic ${Buffer.from(TOKENS.cloud).toString('base64')}`,
      'Content-Type': 'application/json',
    };
    const res = await fetch(`${fake.baseUrl}/rest/api/3/issue`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ fields: { summary: 'x' }, unknownTopLevel: true }),
    });
    expect(res.status).toBe(400);
    expect(fake.problems.splice(0).join()).toContain('request POST issue');
    const spaced = await fetch(`${fake.baseUrl}/rest/api/3/issue`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        fields: { project: { key: 'SHB' }, issuetype: { id: '10001' }, summary: 'x', labels: ['a b'] },
      }),
    });
    expect(await spaced.json()).toEqual({
      errorMessages: [],
      errors: { labels: "The label can't contain spaces." },
    });
  });

  it('jira.js’s own Cloud client, with schema mismatch set to throw, reads every answer the fake gives', async () => {
    const { fake, jira } = await setup('cloud');
    const made = await jira.create(draft());
    await jira.comment(made.id, ['Criterion added: x']);
    const [email, apiToken] = TOKENS.cloud.split(':') as [string, string];
    const client = createCloudClient({
      host: fake.baseUrl,
      auth: { type: 'basic', email, apiToken },
      onSchemaMismatch: 'throw',
    });
    expect((await client.myself.getCurrentUser()).displayName).toBe('Pat Owner');
    expect((await client.projects.getProject({ projectIdOrKey: 'SHB' })).name).toBe('Shellboard');
    const types = await client.issues.getCreateIssueMetaIssueTypes({ projectIdOrKey: 'SHB' });
    expect(types.issueTypes?.map((t) => t.name)).toEqual(['Story', 'Sub-task']);
    const fields = await client.issues.getCreateIssueMetaIssueTypeId({
      projectIdOrKey: 'SHB',
      issueTypeId: '10001',
    });
    expect(fields.fields?.some((f) => f.fieldId === fake.storyPointsField)).toBe(true);
    const issue = await client.issues.getIssue({ issueIdOrKey: made.id });
    expect(issue.key).toBe('SHB-1');
    const found = await client.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql: `project = "SHB" AND labels = "${markerLabel('shellboard:abc/s1')}"`,
      fields: ['summary'],
    });
    expect(found.issues?.map((i) => i.key)).toEqual(['SHB-1']);
    const created = await client.issues.createIssue({
      fields: { project: { key: 'SHB' }, issuetype: { id: '10001' }, summary: 'Made by jira.js' },
    });
    expect(created.key).toBe('SHB-2');
    const c = await client.issueComments.addComment({
      issueIdOrKey: made.id,
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }],
      },
    });
    expect(c.id).toBeTruthy();
  });

  it('a Cloud site with a bearer token is refused with the email:apiToken advice', async () => {
    const { jira } = await setup('cloud', { token: 'justatoken' });
    const err = await fail(jira.verify());
    expect((err as Error).message).toContain('the token must be "email:apiToken"');
  });
});
