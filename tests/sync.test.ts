import * as Y from 'yjs';
import WebSocket from 'ws';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addNote, createStory } from '../lib/board/ops';
import { readNotes, readStories, roots, textOf } from '../lib/board/schema';
import { upgradeStatus } from './helpers/upgrade';
import { createBoard, type TestBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { connect, destroyAll, saved, sameState, stockProvider, synced } from './helpers/clients';

const srv = useTestServer();
let board: TestBoard;

beforeAll(async () => {
  board = await createBoard(srv.url, 'Sync board');
});
afterEach(() => destroyAll());

function rawSocket(boardId: string, key: string): WebSocket {
  return new WebSocket(`${srv.wsUrl}/${boardId}?key=${encodeURIComponent(key)}`);
}

describe('sync server', () => {
  it('an unmodified y-websocket provider syncs both ways with our client', async () => {
    const ours = connect(srv.wsUrl, board.id, board.team);
    const outside = stockProvider(srv.wsUrl, board.id, board.team);
    await Promise.all([synced(ours), synced(outside)]);
    // The board title written at creation is in the doc.
    expect(outside.doc.getMap('meta').get('title')).toBe('Sync board');

    const storyId = createStory(ours.doc, {
      title: 'Export to CSV',
      why: 'POs save an hour',
      createdBy: 'u1',
    });
    await vi.waitFor(() => expect(readStories(outside.doc).map((s) => s.id)).toContain(storyId));

    // The outside client writes a note following the documented schema; ours sees it.
    outside.doc.transact(() => {
      const m = new Y.Map<unknown>();
      const t = new Y.Text();
      t.insert(0, 'Which columns?');
      m.set('storyId', storyId);
      m.set('kind', 'question');
      m.set('text', t);
      m.set('authorId', 'outside');
      m.set('authorName', 'Outside bot');
      m.set('createdAt', Date.now());
      m.set('resolved', false);
      m.set('plus', new Y.Map());
      roots(outside.doc).notes.set('outside-note-1', m);
    });
    await vi.waitFor(() =>
      expect(readNotes(ours.doc).find((n) => n.id === 'outside-note-1')?.text).toBe('Which columns?'),
    );
    await saved(ours);
  });

  it('five clients converge on concurrent edits, including typing into the same text at once', async () => {
    const clients = Array.from({ length: 5 }, () => connect(srv.wsUrl, board.id, board.team));
    await Promise.all(clients.map(synced));
    const storyId = createStory(clients[0]!.doc, { title: 'Shared title', why: '', createdBy: 'u0' });
    await vi.waitFor(() => {
      for (const c of clients) expect(textOf(roots(c.doc).stories.get(storyId)!, 'why')).not.toBeNull();
    });
    // Everyone types into the same Y.Text and adds notes in the same tick.
    clients.forEach((c, i) => {
      const why = textOf(roots(c.doc).stories.get(storyId)!, 'why')!;
      for (let k = 0; k < 20; k++) why.insert(why.length, String(i));
      addNote(c.doc, {
        storyId,
        kind: 'idea',
        text: `idea ${i}`,
        authorId: `u${i}`,
        authorName: `User ${i}`,
      });
    });
    await vi.waitFor(() => {
      for (const c of clients) {
        const why = textOf(roots(c.doc).stories.get(storyId)!, 'why')!.toString();
        expect(why).toHaveLength(100);
        for (let i = 0; i < 5; i++) expect(why.split(String(i)).length - 1).toBe(20);
        expect(readNotes(c.doc).filter((n) => n.storyId === storyId)).toHaveLength(5);
      }
    });
    await vi.waitFor(() => {
      for (const c of clients.slice(1)) expect(sameState(c.doc, clients[0]!.doc)).toBe(true);
    });
    await Promise.all(clients.map(saved));
  });

  it('refuses unknown boards with 404 and bad keys with 401 before upgrading', async () => {
    expect(await upgradeStatus(srv.wsUrl, 'nosuchboard123', board.team)).toBe(404);
    expect(await upgradeStatus(srv.wsUrl, board.id, 'x'.repeat(32))).toBe(401);
    expect(await upgradeStatus(srv.wsUrl, board.id, '')).toBe(401);
    expect(await upgradeStatus(srv.wsUrl, 'a%2F..%2Fb', board.team)).toBe(404);
  });

  it('drops writes from a view link, answers permission-denied, and never relays or stores them', async () => {
    const team = connect(srv.wsUrl, board.id, board.team);
    const viewer = connect(srv.wsUrl, board.id, board.view);
    await Promise.all([synced(team), synced(viewer)]);
    const before = await srv.app.store.logSize(board.id);

    createStory(viewer.doc, { title: 'Sneaky view write', why: '', createdBy: 'viewer' });
    await vi.waitFor(() => expect(viewer.getStatus().denied).toMatch(/view-only/));

    // A team write made after it arrives, proving the view write had its chance to be relayed.
    const legit = createStory(team.doc, { title: 'Legit', why: '', createdBy: 'team' });
    await vi.waitFor(() => expect(readStories(viewer.doc).map((s) => s.id)).toContain(legit));
    await saved(team);
    expect(readStories(team.doc).map((s) => s.title)).not.toContain('Sneaky view write');
    const after = await srv.app.store.logSize(board.id);
    expect(after.count).toBe(before.count + 1);

    // A fresh client loading from the server does not see it either.
    const fresh = connect(srv.wsUrl, board.id, board.team);
    await synced(fresh);
    expect(readStories(fresh.doc).map((s) => s.title)).not.toContain('Sneaky view write');
  });

  it('closes a connection that sends a malformed message with 44xx, and others carry on', async () => {
    const bystander = connect(srv.wsUrl, board.id, board.team);
    await synced(bystander);
    const bad = rawSocket(board.id, board.team);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      bad.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((r) => bad.on('open', r));
    bad.send(Buffer.from([0x00, 0x02, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    const { code, reason } = await closed;
    expect(code).toBeGreaterThanOrEqual(4400);
    expect(code).toBeLessThan(4500);
    expect(reason).toMatch(/malformed/);

    const garbage = rawSocket(board.id, board.team);
    const closed2 = new Promise<number>((resolve) => garbage.on('close', (c) => resolve(c)));
    await new Promise((r) => garbage.on('open', r));
    garbage.send(Buffer.from([0x63, 0x01, 0x02]));
    expect(await closed2).toBe(4400);

    const storyId = createStory(bystander.doc, { title: 'Still works', why: '', createdBy: 'b' });
    const other = connect(srv.wsUrl, board.id, board.team);
    await vi.waitFor(() => expect(readStories(other.doc).map((s) => s.id)).toContain(storyId));
  });

  it('reports "saved" only once the server has stored the change', async () => {
    const c = connect(srv.wsUrl, board.id, board.team);
    await saved(c);
    createStory(c.doc, { title: 'Track me', why: 'because', createdBy: 'u' });
    expect(c.saved).toBe(false);
    await saved(c);
    const fresh = new Y.Doc();
    const { snapshot, updates } = await srv.app.store.loadDoc(board.id);
    if (snapshot) Y.applyUpdate(fresh, snapshot);
    for (const u of updates) Y.applyUpdate(fresh, u);
    expect(readStories(fresh).map((s) => s.title)).toContain('Track me');
  });
});
