import * as Y from 'yjs';
import WebSocket from 'ws';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStory } from '../lib/board/ops';
import { readStories } from '../lib/board/schema';
import { BoardConnection } from '../lib/realtime/sync-client';
import { createBoard, type TestBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { connect, destroyAll, saved, synced } from './helpers/clients';

/**
 * The client side of the offline copy: a doc that already holds state (as the IndexedDB copy
 * loads it) connects after loading; an edit link sends it, a view link never does.
 */

const srv = useTestServer();
let board: TestBoard;
const extra: BoardConnection[] = [];

beforeAll(async () => {
  board = await createBoard(srv.url, 'Offline client board');
});
afterEach(() => {
  destroyAll();
  for (const c of extra.splice(0)) c.destroy();
});

function open(key: string, doc: Y.Doc, readOnly: boolean, quiet: unknown[] = []): BoardConnection {
  const c = new BoardConnection({
    url: srv.wsUrl,
    boardId: board.id,
    key,
    doc,
    readOnly,
    connect: false,
    quietOrigins: quiet,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  extra.push(c);
  return c;
}

/** A doc with a story that only this browser has, loaded the way the cache loads it. */
function cachedDoc(title: string, cache: object): Y.Doc {
  const scratch = new Y.Doc();
  createStory(scratch, { title, createdBy: 'offline' });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch), cache);
  return doc;
}

describe('offline copy on the wire', () => {
  it('an edit link sends what the copy held; loading it is not a change waiting', async () => {
    const cache = {};
    const c = open(board.team, cachedDoc('Written on the train', cache), false, [cache]);
    expect(c.getStatus().waiting).toBe(0);
    c.connect();
    await saved(c);
    const reader = connect(srv.wsUrl, board.id, board.view);
    await synced(reader);
    await vi.waitFor(() =>
      expect(readStories(reader.doc).map((s) => s.title)).toContain('Written on the train'),
    );
  });

  it('with no network at all from the start, the status says offline rather than connecting forever', async () => {
    const c = new BoardConnection({
      url: 'ws://127.0.0.1:9/sync', // nothing listens on the discard port
      boardId: board.id,
      key: board.team,
      WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    extra.push(c);
    await vi.waitFor(() => expect(c.getStatus().connection).toBe('offline'));
  });

  it('a view link never sends anything, so the server neither gets nor refuses it', async () => {
    const c = open(board.view, cachedDoc('Must not leak', {}), true);
    c.connect();
    await synced(c);
    // Something the server does broadcast arrives, proving the connection is live both ways.
    const writer = connect(srv.wsUrl, board.id, board.team);
    await synced(writer);
    createStory(writer.doc, { title: 'From the team', createdBy: 'team' });
    await saved(writer);
    await vi.waitFor(() => expect(readStories(c.doc).map((s) => s.title)).toContain('From the team'));
    expect(c.getStatus().denied).toBeNull();
    expect(c.getStatus().unsaved).toBe(0);
    const fresh = connect(srv.wsUrl, board.id, board.team);
    await synced(fresh);
    expect(readStories(fresh.doc).map((s) => s.title)).not.toContain('Must not leak');
  });
});
