import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addNote, createStory } from '../lib/board/ops';
import { readNotes, readStories, roots, textOf } from '../lib/board/schema';
import { createBoard, tempDir } from './helpers/server';
import { spawnServer, type ChildServer } from './helpers/child';
import { connect, destroyAll, saved, stockProvider, synced } from './helpers/clients';

let child: ChildServer | null = null;
afterEach(async () => {
  destroyAll();
  await child?.kill();
  child = null;
});

describe('durability', () => {
  it('kill -9 at random moments never loses a change another client has seen', async () => {
    const dataDir = tempDir();
    child = await spawnServer(dataDir, { COMPACT_AFTER_UPDATES: '40' });
    const board = await createBoard(child.url);
    const seen = new Set<string>();
    let seq = 0;
    const rounds = 6;

    for (let round = 0; round < rounds; round++) {
      const writer = connect(child.wsUrl, board.id, board.team);
      const observer = stockProvider(child.wsUrl, board.id, board.team);
      await Promise.all([synced(writer), synced(observer)]);
      const storyId = createStory(writer.doc, { title: `Round ${round}`, why: '', createdBy: 'w' });
      const record = () => {
        for (const n of readNotes(observer.doc)) seen.add(n.text);
        for (const s of readStories(observer.doc)) seen.add(s.title);
      };
      roots(observer.doc).notes.observeDeep(record);
      roots(observer.doc).stories.observeDeep(record);

      // Write steadily, then pull the plug at a random moment while writes are in flight.
      const writing = setInterval(() => {
        for (let i = 0; i < 3; i++) {
          addNote(writer.doc, {
            storyId,
            kind: 'idea',
            text: `note-${++seq}`,
            authorId: 'w',
            authorName: 'W',
          });
        }
      }, 2);
      await vi.waitFor(() => expect(seen.size).toBeGreaterThan(round * 10 + 5));
      await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 150)));
      await child.kill('SIGKILL');
      clearInterval(writing);
      record();
      destroyAll();

      child = await spawnServer(dataDir, { COMPACT_AFTER_UPDATES: '40' });
      const fresh = connect(child.wsUrl, board.id, board.view);
      await synced(fresh);
      const have = new Set([
        ...readNotes(fresh.doc).map((n) => n.text),
        ...readStories(fresh.doc).map((s) => s.title),
      ]);
      const lost = [...seen].filter((t) => !have.has(t));
      expect(lost, `round ${round}: lost ${lost.length} of ${seen.size} seen changes`).toEqual([]);
      destroyAll();
    }
    expect(seen.size).toBeGreaterThan(rounds * 10);
  });

  it('clients reconnect after a restart and merge edits made while the server was down', async () => {
    const dataDir = tempDir();
    child = await spawnServer(dataDir);
    const port = child.port;
    const board = await createBoard(child.url);
    const a = connect(child.wsUrl, board.id, board.team);
    const b = connect(child.wsUrl, board.id, board.team);
    await Promise.all([synced(a), synced(b)]);
    const storyId = createStory(a.doc, { title: 'Before restart', why: '', createdBy: 'a' });
    await saved(a);

    await child.kill('SIGKILL');
    await vi.waitFor(() => expect(a.getStatus().connection).toBe('offline'));
    // Both keep editing while the server is gone.
    textOf(roots(a.doc).stories.get(storyId)!, 'why')!.insert(0, 'from A. ');
    addNote(b.doc, { storyId, kind: 'risk', text: 'offline risk from B', authorId: 'b', authorName: 'B' });
    expect(a.getStatus().waiting).toBeGreaterThan(0);

    child = await spawnServer(dataDir, {}, port);
    // While the server was down the clients' reconnect backoff grew, up to y-websocket's 2.5 s cap:
    // wait that out (a bound, not a timed assertion) before asking for "saved", which waits 1 s.
    await vi.waitFor(
      () => expect([a, b].map((c) => c.getStatus().connection)).toEqual(['connected', 'connected']),
      {
        timeout: 10_000,
      },
    );
    await Promise.all([saved(a), saved(b)]);
    await vi.waitFor(() => {
      for (const c of [a, b]) {
        expect(textOf(roots(c.doc).stories.get(storyId)!, 'why')!.toString()).toBe('from A. ');
        expect(readNotes(c.doc).map((n) => n.text)).toContain('offline risk from B');
      }
    });
    const fresh = new Y.Doc();
    const f = connect(child.wsUrl, board.id, board.team, fresh);
    await synced(f);
    expect(readNotes(fresh).map((n) => n.text)).toContain('offline risk from B');
  });
});

describe('graceful shutdown', () => {
  it('SIGTERM closes sockets with 4500 "server restarting" and stores everything first', async () => {
    const dataDir = tempDir();
    child = await spawnServer(dataDir);
    const board = await createBoard(child.url);
    const c = connect(child.wsUrl, board.id, board.team);
    await synced(c);
    const closes: { code: number; reason: string }[] = [];
    c.provider.on('connection-close', (e) => e && closes.push({ code: e.code, reason: e.reason }));
    createStory(c.doc, { title: 'Stored on the way out', why: '', createdBy: 'c' });
    await child.kill('SIGTERM');
    await vi.waitFor(() => expect(closes[0]).toEqual({ code: 4500, reason: 'server restarting' }));
    c.provider.disconnect();
    child = await spawnServer(dataDir);
    const fresh = connect(child.wsUrl, board.id, board.team, new Y.Doc());
    await synced(fresh);
    expect(readStories(fresh.doc).map((s) => s.title)).toContain('Stored on the way out');
  });
});
