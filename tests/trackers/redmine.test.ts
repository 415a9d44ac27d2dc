import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrackerHttp } from '../../server/trackers/http';
import { createRedmineConnector } from '../../server/trackers/redmine';
import { connectorFor } from '../../server/trackers/registry';
import { TrackerError, type IssueDraft, type TrackerConnection } from '../../server/trackers/types';

// Against a REAL Redmine (Debian's package, started by scripts/redmine/start.sh, which writes
// these variables to /tmp/shellboard-redmine.env; .ci/run sources it, and tests/ci-guard.test.ts
// makes sure CI never skips this).
const URL_ = process.env.TEST_REDMINE_URL;
const KEY = process.env.TEST_REDMINE_KEY ?? '';
const KEY2 = process.env.TEST_REDMINE_KEY2 ?? '';
const USER2 = process.env.TEST_REDMINE_USER2 ?? '';
const PROJECT = process.env.TEST_REDMINE_PROJECT ?? '';
const CF = process.env.TEST_REDMINE_CF ?? '';

if (!URL_)
  console.warn(
    'tests/trackers/redmine.test.ts: skipped — TEST_REDMINE_URL is not set. Start Redmine with `bash scripts/redmine/start.sh` and `set -a; . /tmp/shellboard-redmine.env; set +a`.',
  );

function connector(over: Partial<TrackerConnection> = {}) {
  const conn: TrackerConnection = {
    kind: 'redmine',
    baseUrl: URL_ ?? '',
    project: PROJECT,
    token: KEY,
    fields: {},
    ...over,
  };
  return createRedmineConnector(conn, createTrackerHttp({ baseUrl: conn.baseUrl, backoffMs: 50 }));
}

/** Redmine's own API, as a person (the admin) would edit through it. */
async function redmine(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${URL_}${path}`, {
    method,
    headers: { 'X-Redmine-API-Key': KEY, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function draft(over: Partial<IssueDraft> = {}): IssueDraft {
  const id = randomUUID().slice(0, 8);
  return {
    title: `Export the backlog ${id}`,
    narrative: 'As a product owner I want to export the backlog so that the team can plan offline.',
    criteria: ['CSV has one row per story', 'Labels survive\nline breaks'],
    decisions: ['Semicolons are not supported'],
    link: `http://board.example/boards/b-${id}/stories/s-${id}`,
    marker: `shellboard:b-${id}/s-${id}`,
    estimate: '5',
    labels: ['Value stream: checkout, EU', 'Persona: Pat'],
    version: 1,
    ...over,
  };
}

async function rejection(p: Promise<unknown>): Promise<TrackerError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TrackerError);
  return err as TrackerError;
}

describe.skipIf(!URL_)(
  URL_
    ? 'Redmine connector against a real Redmine'
    : 'Redmine connector (skipped: TEST_REDMINE_URL unset; run `bash scripts/redmine/start.sh`)',
  () => {
    afterAll(async () => {
      // the revoked-key test locks the second user; leave it usable for the next run
      if (USER2) await redmine('PUT', `/users/${USER2}.json`, { user: { status: 1 } });
    });

    it('is the registry entry for kind "redmine"', () => {
      expect(connectorFor('redmine')).toBe(createRedmineConnector);
    });

    it('verifies a good key and project (estimated_hours and the custom field)', async () => {
      await expect(connector().verify()).resolves.toEqual({
        projectName: 'Shellboard test',
        fields: { estimate: 'estimated_hours' },
      });
      await expect(connector({ fields: { estimate: `cf:${CF}` } }).verify()).resolves.toEqual({
        projectName: 'Shellboard test',
        fields: { estimate: `cf:${CF}` },
      });
    });

    it('names Redmine’s 401 for a wrong key', async () => {
      const err = await rejection(connector({ token: 'not-a-key' }).verify());
      expect(err.status).toBe(401);
      expect(err.reason).toBe('unauthorized');
      expect(err.message).toMatch(/^Redmine answered 401: Unauthorized/);
    });

    it('names Redmine’s 404 for an unknown project', async () => {
      const err = await rejection(connector({ project: 'no-such-project' }).verify());
      expect(err.status).toBe(404);
      expect(err.message).toContain('project "no-such-project" not found');
    });

    it('refuses an unknown custom field, and a malformed field spec', async () => {
      const err = await rejection(connector({ fields: { estimate: 'cf:99999' } }).verify());
      expect(err.status).toBe(404);
      expect(err.message).toContain('no issue custom field 99999');
      expect(err.message).toContain('Story points');
      expect(() => connector({ fields: { estimate: 'story_points' } })).toThrow(/estimated_hours.*cf:/);
    });

    it('creates an issue and reads it back: status New, estimate, description with the marker', async () => {
      const c = connector();
      const d = draft();
      const made = await c.create(d);
      expect(made).toMatchObject({ status: 'New', title: d.title, estimate: '5', key: `#${made.id}` });
      expect(made.url).toBe(`${URL_}/issues/${made.id}`);
      const read = await c.read(made.id);
      expect(read).toEqual(made);
      const lines = read.description.split(/\r?\n/);
      expect(lines).toContain('* [ ] CSV has one row per story');
      expect(lines).toContain('* [ ] Labels survive line breaks');
      expect(lines).toContain('* Semicolons are not supported');
      expect(lines).toContain('Labels: Value stream: checkout, EU · Persona: Pat');
      expect(lines.at(-1)).toBe(d.marker);
      expect(read.description).toContain(d.link);
    });

    it('puts the estimate in the Story points custom field when configured', async () => {
      const c = connector({ fields: { estimate: `cf:${CF}` } });
      const made = await c.create(draft({ estimate: '8' }));
      expect(made.estimate).toBe('8');
      const raw = (await (await redmine('GET', `/issues/${made.id}.json`)).json()) as {
        issue: { estimated_hours: number | null; custom_fields: { id: number; value: string }[] };
      };
      expect(raw.issue.custom_fields.find((f) => f.id === Number(CF))?.value).toBe('8');
      expect(raw.issue.estimated_hours).toBeNull();
      const updated = await c.update(made.id, draft({ marker: `x-${made.id}`, estimate: '2.5' }));
      expect(updated.estimate).toBe('2.5');
    });

    it('refuses a non-numeric estimate with a clear error, creating nothing', async () => {
      const c = connector();
      const d = draft({ estimate: 'M' });
      const err = await rejection(c.create(d));
      expect(err.reason).toBe('invalid');
      expect(err.message).toContain('holds numbers');
      expect(err.message).toContain('"M"');
      expect(await c.find(d.marker)).toBeNull();
    });

    it('updates the same issue (title, description, estimate) and comments on it', async () => {
      const c = connector();
      const d = draft();
      const made = await c.create(d);
      const next = draft({
        title: `${d.title} (v2)`,
        marker: d.marker,
        criteria: [...d.criteria, 'Exports UTF-8'],
        estimate: '3',
        version: 2,
      });
      const updated = await c.update(made.id, next);
      expect(updated).toMatchObject({ id: made.id, title: next.title, estimate: '3', status: 'New' });
      expect(updated.description).toContain('* [ ] Exports UTF-8');
      expect(updated.description).toContain('version 2');

      await c.comment(made.id, ['Version 2 pushed.', 'Criterion added: Exports UTF-8']);
      const withJournals = (await (
        await redmine('GET', `/issues/${made.id}.json?include=journals`)
      ).json()) as {
        issue: { journals: { notes: string | null }[] };
      };
      const notes = withJournals.issue.journals.map((j) => j.notes ?? '');
      expect(notes).toContain('* Version 2 pushed.\n* Criterion added: Exports UTF-8');

      const cleared = await c.update(made.id, { ...next, estimate: null });
      expect(cleared.estimate).toBeNull();
    });

    it('finds an issue by its marker after a crash between create and our record', async () => {
      const c = connector();
      const d = draft();
      const made = await c.create(d); // …and the process died before recording it
      // a longer marker that merely contains ours is not a match
      const other = await c.create(draft({ marker: `${d.marker}0` }));
      await redmine('PUT', `/issues/${made.id}.json`, { issue: { status_id: 5 } }); // closed counts too
      const found = await c.find(d.marker);
      expect(found?.id).toBe(made.id);
      expect(found?.status).toBe('Closed');
      expect((await c.find(`${d.marker}0`))?.id).toBe(other.id);
      expect(await c.find(`shellboard:none/${randomUUID()}`)).toBeNull();
    });

    it('reads drift: estimate and subject edited through Redmine’s own API', async () => {
      const c = connector();
      const made = await c.create(draft());
      const res = await redmine('PUT', `/issues/${made.id}.json`, {
        issue: { subject: 'Renamed in Redmine', estimated_hours: 13, status_id: 2 },
      });
      expect(res.status).toBe(204);
      const read = await c.read(made.id);
      expect(read).toMatchObject({ title: 'Renamed in Redmine', estimate: '13', status: 'In Progress' });
      expect(read.description).toBe(made.description);
    });

    it('answers 401 with Redmine’s words once the key’s user is locked', async () => {
      const c = connector({ token: KEY2 });
      await expect(c.verify()).resolves.toMatchObject({ projectName: 'Shellboard test' });
      const made = await c.create(draft());
      const lock = await redmine('PUT', `/users/${USER2}.json`, { user: { status: 3 } });
      expect(lock.status).toBe(204);
      try {
        const err = await rejection(c.read(made.id));
        expect(err.status).toBe(401);
        expect(err.message).toMatch(/^Redmine answered 401: Unauthorized.*locked/);
        expect((await rejection(c.verify())).status).toBe(401);
      } finally {
        await redmine('PUT', `/users/${USER2}.json`, { user: { status: 1 } });
      }
    });
  },
);
