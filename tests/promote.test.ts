import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addNote, createStory, deleteStory, setNoteResolved } from '../lib/board/ops';
import { readStories } from '../lib/board/schema';
import { buildDraft } from '../lib/promote/draft';
import { addCriterion, ensureDraft } from '../lib/promote/draft-doc';
import { readNotes } from '../lib/board/schema';
import type { FormalStoryVersion } from '../lib/promote/types';
import { createBoard, type TestBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { connect, destroyAll, saved, stockProvider, synced } from './helpers/clients';

const srv = useTestServer();
let b: TestBoard;
beforeAll(async () => {
  b = await createBoard(srv.url, 'Sprint 14 refinement');
});
afterEach(() => destroyAll());

const call = (path: string, key: string, init: RequestInit = {}) =>
  fetch(`${srv.url}/api/boards/${b.id}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${key}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
  });
const publish = (storyId: string, key = b.owner) =>
  call(`/stories/${storyId}/publish`, key, { method: 'POST', body: JSON.stringify({ author: 'Paula' }) });

async function discussedStory() {
  const po = connect(srv.wsUrl, b.id, b.team);
  await synced(po);
  const id = createStory(po.doc, {
    title: 'Export the backlog to CSV',
    why: 'POs save an hour each sprint',
    createdBy: 'po',
  });
  addNote(po.doc, {
    storyId: id,
    kind: 'criterion',
    text: 'Header matches Jira',
    authorId: 'd',
    authorName: 'Dana',
  });
  const q = addNote(po.doc, {
    storyId: id,
    kind: 'question',
    text: 'Which delimiter?',
    authorId: 'd',
    authorName: 'Dana',
  });
  addNote(po.doc, {
    storyId: id,
    kind: 'decision',
    text: 'Comma, RFC 4180',
    authorId: 'p',
    authorName: 'Paula',
    parentId: q,
  });
  setNoteResolved(po.doc, q, true);
  await saved(po);
  return { po, id };
}

describe('publishing formal stories', () => {
  it('publishes from the discussion; connected clients see "promoted" live; versions are immutable', async () => {
    const { po, id } = await discussedStory();
    const watcher = stockProvider(srv.wsUrl, b.id, b.view);
    await synced(watcher);
    const res = await publish(id);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { storyId: string; version: number; publishedAt: number };
    expect(body).toMatchObject({ storyId: id, version: 1 });
    await vi.waitFor(() =>
      expect(readStories(watcher.doc).find((s) => s.id === id)).toMatchObject({
        status: 'promoted',
        formalId: id,
        formalVersion: 1,
      }),
    );
    const v1 = (await (await call(`/stories/${id}/versions/1`, b.view)).json()) as FormalStoryVersion;
    expect(v1).toMatchObject({
      version: 1,
      narrative: 'As a user, I want to export the backlog to CSV, so that POs save an hour each sprint.',
      criteria: ['Header matches Jira'],
      decisions: ['Comma, RFC 4180'],
      openQuestions: [],
      author: 'Paula',
    });
    expect(v1.discussion.map((n) => [n.kind, n.replies.length])).toEqual([
      ['criterion', 0],
      ['question', 1],
    ]);

    // Co-edited draft: the team rewrites the narrative and adds a criterion; publishing makes v2.
    const draft = ensureDraft(
      po.doc,
      id,
      buildDraft(
        readStories(po.doc).find((s) => s.id === id)!,
        readNotes(po.doc),
      ),
      'po',
    );
    const narrative = draft.get('narrative') as import('yjs').Text;
    narrative.delete(0, narrative.length);
    narrative.insert(0, 'As a PO, I want a CSV export, so that I can import into Jira.');
    addCriterion(po.doc, id, 'Non-ASCII survives');
    await saved(po);
    expect((await publish(id)).status).toBe(201);
    const all = (await (await call(`/stories/${id}/versions`, b.team)).json()) as {
      versions: FormalStoryVersion[];
    };
    expect(all.versions.map((v) => [v.version, v.narrative, v.criteria])).toEqual([
      [1, v1.narrative, ['Header matches Jira']],
      [
        2,
        'As a PO, I want a CSV export, so that I can import into Jira.',
        ['Header matches Jira', 'Non-ASCII survives'],
      ],
    ]);
    const list = (await (await call('/stories', b.view)).json()) as {
      stories: { storyId: string; version: number }[];
    };
    expect(list.stories.find((s) => s.storyId === id)?.version).toBe(2);
  });

  it('a double-click publishes one version, not two', async () => {
    const { id } = await discussedStory();
    const results = await Promise.all([publish(id), publish(id), publish(id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const all = (await (await call(`/stories/${id}/versions`, b.owner)).json()) as { versions: unknown[] };
    expect(all.versions).toHaveLength(1);
  });

  it('publishes without a body as the Product Owner; an invalid body is a 400 naming the issue', async () => {
    const { id } = await discussedStory();
    const bad = await call(`/stories/${id}/publish`, b.owner, {
      method: 'POST',
      body: JSON.stringify({ author: 'x'.repeat(81) }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    expect((await call(`/stories/${id}/publish`, b.owner, { method: 'POST' })).status).toBe(201);
    const v = (await (await call(`/stories/${id}/versions/1`, b.view)).json()) as FormalStoryVersion;
    expect(v.author).toBe('Product Owner');
  });

  it('refuses team and view keys (403), unknown stories (404) and deleted ones (409)', async () => {
    const { po, id } = await discussedStory();
    expect((await publish(id, b.team)).status).toBe(403);
    expect((await publish(id, b.view)).status).toBe(403);
    expect((await publish('nope-nope')).status).toBe(404);
    deleteStory(po.doc, id, 'po');
    await saved(po);
    const r = await publish(id);
    expect(r.status).toBe(409);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/deleted/);
    expect((await call(`/stories/${id}/versions/1`, b.view)).status).toBe(404);
  });
});

describe('exports and import', () => {
  it('serves every export format with the right type and filename; unknown formats list the valid ones', async () => {
    const { id } = await discussedStory();
    await publish(id);
    const get = (f: string) => call(`/export?format=${f}`, b.view);
    const md = await get('md');
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(md.headers.get('content-disposition')).toMatch(
      /attachment; filename="sprint-14-refinement-stories\.md"/,
    );
    expect(await md.text()).toContain('- [ ] Header matches Jira');
    const csv = await get('jira-csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(await csv.text()) as string[][];
    // one `Labels` column per label of the story with the most (Jira takes one label per column)
    expect(rows[0]!.slice(0, 5)).toEqual([
      'Summary',
      'Issue Type',
      'Description',
      'Acceptance Criteria',
      'Story Points',
    ]);
    expect(rows[0]!.slice(5).length).toBeGreaterThan(0);
    expect(new Set(rows[0]!.slice(5))).toEqual(new Set(['Labels']));
    expect(rows.some((r) => r[0] === 'Export the backlog to CSV' && r[3] === '* Header matches Jira')).toBe(
      true,
    );
    const json = (await (await get('json')).json()) as { stories: FormalStoryVersion[] };
    expect(json.stories.some((s) => s.storyId === id && s.discussion.length === 2)).toBe(true);
    const gh = (await (await get('github')).json()) as { title: string; body: string }[];
    expect(gh.some((i) => i.body.includes('- [ ] Header matches Jira'))).toBe(true);
    const bad = await get('xlsx');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /md, jira-csv, json, github/,
    );
  });

  it('summarises today’s session with decisions, open questions and attendees', async () => {
    const { po, id } = await discussedStory();
    po.provider.awareness.setLocalState({
      user: { id: 'po', name: 'Paula', color: '#0090ff', role: 'team' },
    });
    addNote(po.doc, {
      storyId: id,
      kind: 'question',
      text: 'Max file size?',
      authorId: 'd',
      authorName: 'Dana',
    });
    await saved(po);
    await vi.waitFor(async () => {
      const s = (await (await call('/session-summary?format=json', b.view)).json()) as {
        stories: { id: string; openQuestions: string[]; decisions: string[] }[];
        attendees: string[];
      };
      expect(s.attendees).toContain('Paula');
      expect(s.stories.find((x) => x.id === id)).toMatchObject({
        openQuestions: ['Max file size?'],
        decisions: ['Comma, RFC 4180'],
      });
    });
    const md = await call('/session-summary?format=md', b.view);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toContain('Max file size?');
  });

  it('imports a Jira CSV: previews first, lists malformed rows, creates only on commit', async () => {
    const viewer = connect(srv.wsUrl, b.id, b.view);
    await synced(viewer);
    const csv =
      'Summary,Issue Type,Description,Story Points,Labels\r\n"Pay with ""Apple Pay""",Story,"Fewer drop-offs, more revenue",5,checkout\r\n,Story,no title,3,\r\nBulk edit,Story,,many,\r\nDark mode,Story,Night owls,,ui\r\n';
    const preview = (await (
      await call('/import', b.team, {
        method: 'POST',
        body: JSON.stringify({ format: 'jira-csv', content: csv }),
      })
    ).json()) as {
      stories: { title: string }[];
      problems: { line: number; reason: string }[];
      created: string[];
    };
    expect(preview.stories.map((s) => s.title)).toEqual(['Pay with "Apple Pay"', 'Dark mode']);
    expect(preview.problems.map((p) => p.line)).toEqual([3, 4]);
    expect(preview.created).toEqual([]);
    expect(readStories(viewer.doc).map((s) => s.title)).not.toContain('Dark mode');

    expect(
      (
        await call('/import', b.view, {
          method: 'POST',
          body: JSON.stringify({ format: 'markdown', content: '- x' }),
        })
      ).status,
    ).toBe(403);
    const res = await call('/import', b.team, {
      method: 'POST',
      body: JSON.stringify({ format: 'jira-csv', content: csv, commit: true }),
    });
    expect(res.status).toBe(201);
    await vi.waitFor(() => {
      const s = readStories(viewer.doc).find((x) => x.title === 'Pay with "Apple Pay"');
      expect(s).toMatchObject({ why: 'Fewer drop-offs, more revenue', estimate: '5', status: 'shell' });
    });
    const md = await call('/import', b.owner, {
      method: 'POST',
      body: JSON.stringify({
        format: 'markdown',
        content: '# Ideas\n- Saved filters — PMs reuse views\n* Undo: fewer mistakes\n',
      }),
    });
    expect(((await md.json()) as { stories: { title: string; why: string }[] }).stories).toEqual([
      { title: 'Saved filters', why: 'PMs reuse views', estimate: null, labels: [] },
      { title: 'Undo', why: 'fewer mistakes', estimate: null, labels: [] },
    ]);
  });
});
