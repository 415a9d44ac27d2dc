import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { addNote, createStory } from '../lib/board/ops';
import { readNotes, roots } from '../lib/board/schema';
import { createBoard, type TestServer } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { canonical, connect, destroyAll, saved, synced } from './helpers/clients';

const srv = useTestServer({ perTest: true, beforeClose: destroyAll });

/** Root types only appear in toJSON once accessed, so touch them all first. */
function docJson(doc: Y.Doc): string {
  roots(doc);
  return canonical(doc.toJSON());
}

async function storedDoc(s: TestServer, boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const { snapshot, updates } = await s.app.store.loadDoc(boardId);
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('room lifecycle', () => {
  it('loads one room when 20 clients connect at the same instant, and all converge', async () => {
    await srv.start();
    const board = await createBoard(srv.url);
    const clients = Array.from({ length: 20 }, () => connect(srv!.wsUrl, board.id, board.team));
    await Promise.all(clients.map(synced));
    expect(srv.app.rooms.stats.loads).toBe(1);
    expect(srv.app.rooms.size).toBe(1);
    const storyId = createStory(clients[0]!.doc, { title: 'Crowd', why: '', createdBy: 'c0' });
    await vi.waitFor(() => {
      for (const c of clients) expect(roots(c.doc).stories.has(storyId)).toBe(true);
    });
    clients.forEach((c, i) =>
      addNote(c.doc, { storyId, kind: 'idea', text: `n${i}`, authorId: `c${i}`, authorName: `C${i}` }),
    );
    await vi.waitFor(() => {
      for (const c of clients) expect(readNotes(c.doc)).toHaveLength(20);
    });
  });

  it('unloads a room after its last client leaves plus the grace period, and reloads it identically', async () => {
    await srv.start({ ROOM_GRACE_MS: '100' });
    const board = await createBoard(srv.url);
    const a = connect(srv.wsUrl, board.id, board.team);
    await synced(a);
    const storyId = createStory(a.doc, { title: 'Persisted', why: 'yes', createdBy: 'a' });
    addNote(a.doc, { storyId, kind: 'question', text: 'kept?', authorId: 'a', authorName: 'A' });
    await saved(a);
    const expected = docJson(a.doc);
    destroyAll();
    await vi.waitFor(() => expect(srv!.app.rooms.stats.unloads).toBe(1));
    expect(srv.app.rooms.size).toBe(0);
    // Unload folded the log into one snapshot.
    expect((await srv.app.store.logSize(board.id)).count).toBe(0);

    const b = connect(srv.wsUrl, board.id, board.team);
    await synced(b);
    expect(srv.app.rooms.stats.loads).toBe(2);
    expect(docJson(b.doc)).toBe(expected);
  });

  it('a cold room answers fresh clients from its snapshot while a returning client and a writer arrive at once; nothing is lost', async () => {
    await srv.start({ ROOM_GRACE_MS: '50' });
    const board = await createBoard(srv.url);
    const a = connect(srv.wsUrl, board.id, board.team);
    await synced(a);
    const storyId = createStory(a.doc, { title: 'Cold', why: 'load', createdBy: 'a' });
    await saved(a);
    // A returning client keeps its doc and edits it while the room unloads.
    const kept = a.doc;
    a.destroy();
    await vi.waitFor(() => expect(srv!.app.rooms.stats.unloads).toBe(1));
    addNote(kept, { storyId, kind: 'risk', text: 'made offline', authorId: 'a', authorName: 'A' });

    // All at once on the cold room: fresh readers (answered from the snapshot before it is
    // integrated), the returning client, and a fresh writer who types as soon as it is synced.
    const fresh = Array.from({ length: 5 }, () => connect(srv!.wsUrl, board.id, board.team));
    const back = connect(srv.wsUrl, board.id, board.team, kept);
    const writer = connect(srv.wsUrl, board.id, board.team);
    await synced(writer);
    for (let i = 0; i < 10; i++)
      addNote(writer.doc, { storyId, kind: 'idea', text: `w${i}`, authorId: 'w', authorName: 'W' });
    await Promise.all([...fresh, back].map(synced));
    await saved(back);
    await saved(writer);
    const all = [...fresh, back, writer];
    await vi.waitFor(() => {
      for (const c of all) expect(readNotes(c.doc)).toHaveLength(11);
    });
    const expected = docJson(writer.doc);
    for (const c of all) expect(docJson(c.doc)).toBe(expected);
    expect(readNotes(writer.doc).some((n) => n.text === 'made offline')).toBe(true);
    expect(docJson(await storedDoc(srv, board.id))).toBe(expected);
    expect(srv.app.rooms.stats.loads).toBe(2);
  });

  it('a client arriving during the grace period keeps the room', async () => {
    await srv.start({ ROOM_GRACE_MS: '300' });
    const board = await createBoard(srv.url);
    const a = connect(srv.wsUrl, board.id, board.team);
    await synced(a);
    a.destroy();
    const b = connect(srv.wsUrl, board.id, board.team);
    await synced(b);
    await new Promise((r) => setTimeout(r, 500));
    expect(srv.app.rooms.stats.unloads).toBe(0);
    expect(srv.app.rooms.stats.loads).toBe(1);
  });

  it('compacts the update log past a threshold; the board reloads identically after compaction and restart', async () => {
    const dataDir = (await import('./helpers/server')).tempDir();
    await srv.start({ COMPACT_AFTER_UPDATES: '25' }, dataDir);
    const board = await createBoard(srv.url);
    const a = connect(srv.wsUrl, board.id, board.team);
    await synced(a);
    const storyId = createStory(a.doc, { title: 'Many notes', why: '', createdBy: 'a' });
    for (let i = 0; i < 60; i++) {
      addNote(a.doc, { storyId, kind: 'idea', text: `note ${i}`, authorId: 'a', authorName: 'A' });
      await new Promise((r) => setImmediate(r));
    }
    await saved(a);
    const log = await srv.app.store.logSize(board.id);
    expect(log.count).toBeLessThan(25);
    const { snapshot } = await srv.app.store.loadDoc(board.id);
    expect(snapshot).not.toBeNull();
    const expected = docJson(a.doc);
    expect(docJson(await storedDoc(srv, board.id))).toBe(expected);

    destroyAll();
    await srv.close();
    await srv.start({}, dataDir);
    const b = connect(srv.wsUrl, board.id, board.team);
    await synced(b);
    expect(docJson(b.doc)).toBe(expected);
  });

  it('removes a leaving client from presence for everyone at once', async () => {
    await srv.start();
    const board = await createBoard(srv.url);
    const a = connect(srv.wsUrl, board.id, board.team);
    const b = connect(srv.wsUrl, board.id, board.view);
    await Promise.all([synced(a), synced(b)]);
    b.provider.awareness.setLocalState({
      user: { id: 'v', name: 'Viewer', color: '#0090ff', role: 'owner' },
    });
    await vi.waitFor(() => expect(a.provider.awareness.getStates().get(b.doc.clientID)).toBeDefined());
    // The server rewrites the claimed role to the key's real role.
    const state = a.provider.awareness.getStates().get(b.doc.clientID) as { user: { role: string } };
    expect(state.user.role).toBe('view');
    b.destroy();
    await vi.waitFor(() => expect(a.provider.awareness.getStates().get(b.doc.clientID)).toBeUndefined());
  });
});
