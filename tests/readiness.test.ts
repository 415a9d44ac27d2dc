import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addNote, createStory, setNoteResolved } from '../lib/board/ops';
import { VIEW_ONLY } from '../lib/board/rules';
import { readBoardDefinition, setCheck, setDefinition } from '../lib/board/readiness-ops';
import { getStoryMap, readStories } from '../lib/board/schema';
import { readinessReportSchema, type ReadinessReport } from '../lib/validation/readiness';
import { createBoard, type TestBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { connect, destroyAll, saved, synced } from './helpers/clients';

/** The readiness API over the live doc, with real Yjs clients writing notes and ticks. */
const srv = useTestServer();
let b: TestBoard;
beforeAll(async () => {
  b = await createBoard(srv.url, 'Readiness');
});
afterEach(() => destroyAll());

const get = (key: string, boardId = b.id) =>
  fetch(`${srv.url}/api/boards/${boardId}/readiness`, { headers: { Authorization: `Bearer ${key}` } });

async function report(key: string): Promise<ReadinessReport> {
  const res = await get(key);
  expect(res.status).toBe(200);
  // strict: exactly the documented keys, nothing more
  return readinessReportSchema.parse(await res.json());
}

const author = { authorId: 'dana', authorName: 'Dana' };

describe('GET /api/boards/:id/readiness', () => {
  it('lists the rules and each story’s missing rules, live; a view link cannot tick, the team can', async () => {
    const owner = connect(srv.wsUrl, b.id, b.owner);
    await synced(owner);
    setDefinition(owner.doc, {
      rules: [
        { id: 'why', kind: 'auto' },
        { id: 'criteria', kind: 'auto', min: 1 },
        { id: 'questions', kind: 'auto' },
        { id: 'm-demo', kind: 'manual', label: 'Demo data agreed' },
      ],
    });
    const a = createStory(owner.doc, { title: 'Export CSV', why: 'Finance closes faster', createdBy: 'po' });
    const c = createStory(owner.doc, { title: 'Dark mode', createdBy: 'po' });
    addNote(owner.doc, { storyId: a, kind: 'criterion', text: 'Header row matches Jira', ...author });
    const q = addNote(owner.doc, { storyId: a, kind: 'question', text: 'Which delimiter?', ...author });
    await saved(owner);

    const first = await report(b.view);
    expect(first.rules).toEqual([
      { id: 'why', label: 'Why present', kind: 'auto' },
      { id: 'criteria', label: 'At least 1 acceptance criterion', kind: 'auto' },
      { id: 'questions', label: 'No open questions', kind: 'auto' },
      { id: 'm-demo', label: 'Demo data agreed', kind: 'manual' },
    ]);
    expect(first.stories).toEqual([
      { storyId: a, ready: false, missing: ['questions', 'm-demo'] },
      { storyId: c, ready: false, missing: ['why', 'criteria', 'm-demo'] },
    ]);

    // A view link's tick is refused by the server's write gate: never stored, never relayed.
    const viewer = connect(srv.wsUrl, b.id, b.view);
    await synced(viewer);
    setCheck(viewer.doc, a, 'm-demo', { by: 'vic', name: 'Vic' });
    await vi.waitFor(() => expect(viewer.getStatus().denied).toBe(VIEW_ONLY));
    expect(viewer.getStatus().unsaved).toBeGreaterThan(0);
    expect((await report(b.team)).stories[0]).toEqual({
      storyId: a,
      ready: false,
      missing: ['questions', 'm-demo'],
    });
    expect(readStories(owner.doc).find((s) => s.id === a)?.checks).toEqual({});

    // The team resolves the question and ticks the item (who and when kept): the story is ready.
    const team = connect(srv.wsUrl, b.id, b.team);
    await synced(team);
    setNoteResolved(team.doc, q, true);
    setCheck(team.doc, a, 'm-demo', { by: 'dana', name: 'Dana' });
    await saved(team);
    expect(team.getStatus().denied).toBeNull();
    const after = await report(b.owner);
    expect(after.stories[0]).toEqual({ storyId: a, ready: true, missing: [] });
    await vi.waitFor(() =>
      expect(readStories(owner.doc).find((s) => s.id === a)?.checks['m-demo']).toMatchObject({
        by: 'dana',
        name: 'Dana',
        at: expect.any(Number),
      }),
    );
  });

  it('the definition and the understanding result are the owner’s: team writes are refused whole', async () => {
    const owner = connect(srv.wsUrl, b.id, b.owner);
    await synced(owner);
    const s = createStory(owner.doc, { title: 'Owner things', createdBy: 'po' });
    await saved(owner);
    const before = readBoardDefinition(owner.doc);

    const t1 = connect(srv.wsUrl, b.id, b.team);
    await synced(t1);
    setDefinition(t1.doc, { rules: [] });
    await vi.waitFor(() => expect(t1.getStatus().denied).toMatch(/settings \(readiness\)/));
    t1.destroy();

    const t2 = connect(srv.wsUrl, b.id, b.team);
    await synced(t2);
    getStoryMap(t2.doc, s)!.set('understanding', { median: 5, spread: 0, at: 1 });
    await vi.waitFor(() => expect(t2.getStatus().denied).toMatch(/understanding round/));

    const fresh = connect(srv.wsUrl, b.id, b.view);
    await synced(fresh);
    expect(readBoardDefinition(fresh.doc)).toEqual(before);
    expect(readStories(fresh.doc).find((x) => x.id === s)?.understanding).toBeNull();
    expect((await report(b.view)).rules.length).toBe(before.rules.length);
  });

  it('needs a key of the board; an unknown board is 404', async () => {
    expect((await get('nope')).status).toBe(401);
    expect((await fetch(`${srv.url}/api/boards/${b.id}/readiness`)).status).toBe(401);
    expect((await get(b.owner, 'no-such-board')).status).toBe(404);
  });
});
