import * as Y from 'yjs';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addNote, createStory, deleteStory, restoreStory, setStoryStatus } from '../lib/board/ops';
import { getStoryMap, readStories, roots, textOf } from '../lib/board/schema';
import { LocalOrigin, createUndoManager } from '../lib/board/undo';
import { discardDraft, ensureDraft, getDraftMap } from '../lib/promote/draft-doc';
import { CLOSE, MSG_SYNC, SYNC_STEP2, decodeAuthMessage } from '../lib/realtime/wire';
import { encodeSyncStep1, encodeSyncStep2FromUpdate, encodeUpdate } from '../server/sync/protocol';
import { MISSING_REASON } from '../server/sync/write-gate';
import { createBoard, startServer, tempDir, type TestServer } from './helpers/server';
import { connect, destroyAll, saved, stockProvider, synced } from './helpers/clients';

/**
 * Issue #14's hostile-client findings, each against a real server with real y-websocket clients:
 * parked updates, a team link doing the owner's things through the document, a stock view client
 * refused for nothing, a refused update acknowledged, and an over-limit message closed with 1009.
 */
let srv: TestServer | null = null;
afterEach(async () => {
  destroyAll();
  vi.restoreAllMocks();
  await srv?.close();
  srv = null;
});

/** A socket that records every frame it is sent. */
class Raw {
  readonly frames: Uint8Array[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d: Buffer) => this.frames.push(new Uint8Array(d)));
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, r) => resolve({ code, reason: r.toString() })),
    );
  }
  static open(url: string): Promise<Raw> {
    const raw = new Raw(new WebSocket(url));
    raw.ws.on('error', () => undefined);
    return new Promise((resolve) => raw.ws.once('open', () => resolve(raw)));
  }
  get denied(): string[] {
    return this.frames.flatMap((f) => {
      const m = decodeAuthMessage(f);
      return m?.kind === 'permission-denied' ? [m.reason] : [];
    });
  }
  get acks(): number[] {
    return this.frames.flatMap((f) => {
      const m = decodeAuthMessage(f);
      return m?.kind === 'persisted' ? [m.count] : [];
    });
  }
  get step2s(): Uint8Array[] {
    return this.frames.flatMap((f) => {
      const d = decoding.createDecoder(f);
      if (decoding.readVarUint(d) !== MSG_SYNC || decoding.readVarUint(d) !== SYNC_STEP2) return [];
      return [decoding.readVarUint8Array(d)];
    });
  }
}

async function storedBytes(boardId: string): Promise<number> {
  const { snapshot, updates } = await srv!.app.store.loadDoc(boardId);
  return (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0);
}

describe('problem 1: parked updates', () => {
  it('an update with missing dependencies is refused and said so: never pending, stored, acked or served', async () => {
    srv = await startServer();
    const b = await createBoard(srv.url);
    const before = await storedBytes(b.id);
    const orphanDoc = new Y.Doc();
    orphanDoc.getText('orphan').insert(0, 'a');
    const sv = Y.encodeStateVector(orphanDoc);
    orphanDoc.getText('orphan').insert(1, 'b'.repeat(200_000));
    const orphan = Y.encodeStateAsUpdate(orphanDoc, sv);
    const raw = await Raw.open(`${srv.wsUrl}/${b.id}?key=${b.team}`);
    for (let i = 0; i < 3; i++) raw.ws.send(encodeUpdate(orphan));
    await vi.waitFor(() => expect(raw.denied).toEqual([MISSING_REASON, MISSING_REASON, MISSING_REASON]));
    // A later message on the same socket is answered, and the orphans were never counted.
    raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())));
    await vi.waitFor(() => expect(raw.acks).toEqual([1]));
    const room = await srv.app.rooms.acquire(b.id);
    try {
      expect(room.doc.store.pendingStructs).toBeNull();
      await room.whenClean();
    } finally {
      srv.app.rooms.release(room);
    }
    expect(await storedBytes(b.id)).toBe(before);
    // A fresh client's step 2 holds nothing of the orphan's client.
    const fresh = await Raw.open(`${srv.wsUrl}/${b.id}?key=${b.view}`);
    fresh.ws.send(encodeSyncStep1(new Y.Doc()));
    await vi.waitFor(() => expect(fresh.step2s).toHaveLength(1));
    const { structs } = Y.decodeUpdate(fresh.step2s[0]!);
    expect(structs.some((s) => s.id.client === orphanDoc.clientID)).toBe(false);
  });
});

describe('problem 2: the team link cannot do the owner’s things through the document', () => {
  it('hard delete, restore, promote, formal id and version, estimate, draft discard: each refused whole', async () => {
    srv = await startServer();
    const b = await createBoard(srv.url);
    const owner = connect(srv.wsUrl, b.id, b.owner);
    await synced(owner);
    const story = createStory(owner.doc, { title: 'Live', createdBy: 'po' });
    const trashed = createStory(owner.doc, { title: 'Trashed', createdBy: 'po' });
    deleteStory(owner.doc, trashed, 'po');
    const drafted = createStory(owner.doc, { title: 'Drafted', createdBy: 'po' });
    ensureDraft(
      owner.doc,
      drafted,
      {
        narrative: 'n',
        criteria: ['c'],
        decisions: [],
        estimate: null,
        openQuestions: [],
        whyMissing: false,
      },
      'po',
    );
    await saved(owner);
    const attempts: [string, (doc: Y.Doc) => void, RegExp][] = [
      ['hard delete', (d) => roots(d).stories.delete(story), /delete a story for good/],
      ['restore', (d) => restoreStory(d, trashed), /restore from Trash/],
      ['promote', (d) => setStoryStatus(d, story, 'promoted'), /marks a story promoted/],
      ['formalId', (d) => getStoryMap(d, story)!.set('formalId', story), /formalId/],
      ['formalVersion', (d) => getStoryMap(d, story)!.set('formalVersion', 3), /formalVersion/],
      ['estimate', (d) => getStoryMap(d, story)!.set('estimate', '13'), /facilitator's accept/],
      ['discard draft', (d) => discardDraft(d, drafted), /discard a promotion draft/],
    ];
    for (const [name, attempt, reason] of attempts) {
      const team = connect(srv.wsUrl, b.id, b.team);
      await synced(team);
      attempt(team.doc);
      await vi.waitFor(() => expect(team.getStatus().denied, name).toMatch(reason));
      expect(team.getStatus().unsaved, name).toBe(1); // never acknowledged
      team.destroy();
    }
    // Nothing of it reached the owner or the store; a team edit still works.
    const team = connect(srv.wsUrl, b.id, b.team);
    await synced(team);
    addNote(team.doc, { storyId: story, kind: 'idea', text: 'fine', authorId: 't', authorName: 'T' });
    await saved(team);
    const fresh = connect(srv.wsUrl, b.id, b.view);
    await synced(fresh);
    const s = readStories(fresh.doc);
    expect(s.find((x) => x.id === story)).toMatchObject({
      status: 'refining',
      estimate: null,
      formalId: null,
    });
    expect(s.find((x) => x.id === trashed)?.deletedAt).not.toBeNull();
    expect(getDraftMap(fresh.doc, drafted)).not.toBeNull();
  });
});

/**
 * A team connection (publishing its presence, as the browser does: awareness id = Yjs client id)
 * that created a story and a note on a fresh board, with an undo manager over its edits.
 */
async function teamWithOwnNote() {
  const server = (srv = await startServer());
  const b = await createBoard(server.url);
  const team = connect(server.wsUrl, b.id, b.team);
  team.provider.awareness.setLocalStateField('user', { id: 'dev', name: 'Dana', color: '#0ea5e9' });
  await synced(team);
  const origin = new LocalOrigin('dev');
  const undo = createUndoManager(team.doc, origin);
  const story = createStory(team.doc, { title: 'Mine', createdBy: 'dev' }, origin);
  undo.stopCapturing();
  const noteId = addNote(
    team.doc,
    { storyId: story, kind: 'idea', text: 'oops', authorId: 'dev', authorName: 'D' },
    origin,
  );
  await saved(team);
  return { server, b, team, origin, undo, story, noteId };
}

describe('what the team link may still do through the document', () => {
  it('undo its own new note and its own soft delete: stored, never refused', async () => {
    const { server, b, team, origin, undo, story, noteId } = await teamWithOwnNote();
    undo.stopCapturing();
    deleteStory(team.doc, story, 'dev', origin);
    await saved(team);
    undo.undo(); // the soft delete
    undo.undo(); // the note
    await saved(team);
    expect(team.getStatus().denied).toBeNull();
    const fresh = connect(server.wsUrl, b.id, b.view);
    await synced(fresh);
    expect(readStories(fresh.doc).find((s) => s.id === story)?.deletedAt).toBeNull();
    expect(roots(fresh.doc).notes.has(noteId)).toBe(false);
  });
  it('undo its own new note after a reconnect: the same tab, known by its presence, is not refused', async () => {
    const { server, b, team, undo, story, noteId } = await teamWithOwnNote();
    // The network blips: a new connection, whose first write is the undo (a deletion, no structs).
    team.provider.disconnect();
    team.provider.connect();
    await synced(team);
    undo.undo();
    await saved(team);
    expect(team.getStatus().denied).toBeNull();
    const fresh = connect(server.wsUrl, b.id, b.view);
    await synced(fresh);
    expect(roots(fresh.doc).notes.has(noteId)).toBe(false);
    // Someone else's connection still may not remove it.
    const other = connect(server.wsUrl, b.id, b.team);
    await synced(other);
    other.doc.transact(() => roots(other.doc).stories.delete(story));
    await vi.waitFor(() => expect(other.getStatus().denied).not.toBeNull());
    expect(readStories(fresh.doc).some((s) => s.id === story)).toBe(true);
  });
});

describe('problem 4: a read-only stock client is never refused for nothing', () => {
  it('a stock view provider holding the board, through a server restart, never receives permission-denied', async () => {
    const dataDir = tempDir();
    srv = await startServer({}, dataDir);
    const port = new URL(srv.url).port;
    const b = await createBoard(srv.url);
    const owner = connect(srv.wsUrl, b.id, b.owner);
    await synced(owner);
    const id = createStory(owner.doc, { title: 'Typo', why: 'because', createdBy: 'po' });
    textOf(getStoryMap(owner.doc, id)!, 'title')!.delete(0, 2); // the doc now has a delete set
    await saved(owner);
    const warn = vi.spyOn(console, 'warn');
    const viewer = stockProvider(srv.wsUrl, b.id, b.view);
    await synced(viewer);
    await srv.close();
    srv = await startServer({ PORT: port }, dataDir);
    await vi.waitFor(() => expect(viewer.wsconnected && viewer.synced).toBe(true), { timeout: 10_000 });
    const owner2 = connect(srv.wsUrl, b.id, b.owner);
    await synced(owner2);
    createStory(owner2.doc, { title: 'After restart', createdBy: 'po' });
    await vi.waitFor(() => expect(readStories(viewer.doc).map((s) => s.title)).toContain('After restart'));
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('Permission denied'))).toEqual([]);
  });

  it('a view client that echoes what it received is not refused', async () => {
    srv = await startServer();
    const b = await createBoard(srv.url);
    const owner = connect(srv.wsUrl, b.id, b.owner);
    await synced(owner);
    const echo = await Raw.open(`${srv.wsUrl}/${b.id}?key=${b.view}`);
    echo.ws.send(encodeSyncStep1(new Y.Doc()));
    await vi.waitFor(() => expect(echo.step2s).toHaveLength(1));
    echo.ws.send(encodeSyncStep2FromUpdate(echo.step2s[0]!));
    createStory(owner.doc, { title: 'x', createdBy: 'po' });
    await saved(owner);
    await vi.waitFor(() => expect(echo.frames.length).toBeGreaterThan(3));
    for (const f of echo.frames.splice(0)) if (f[0] === MSG_SYNC && f[1] === 2) echo.ws.send(f);
    await vi.waitFor(() => expect(echo.acks.at(-1)).toBe(2));
    expect(echo.denied).toEqual([]);
  });
});

describe('problem 5: a refused update is never acknowledged', () => {
  it('the persisted count skips the refused update', async () => {
    srv = await startServer();
    const b = await createBoard(srv.url);
    const viewer = await Raw.open(`${srv.wsUrl}/${b.id}?key=${b.view}`);
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 1);
    viewer.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc))); // refused
    viewer.ws.send(encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()))); // adds nothing: accepted
    await vi.waitFor(() => expect(viewer.acks.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 50));
    expect(viewer.denied).toHaveLength(1);
    expect(viewer.acks).toEqual([1]);
  });
});

describe('problem 6: one close code per limit', () => {
  it('a 2 MiB message is closed with 4413 and a reason, like a slightly over-limit one', async () => {
    srv = await startServer();
    const b = await createBoard(srv.url);
    for (const size of [2 * 1024 * 1024, 1024 * 1024 + 10]) {
      const raw = await Raw.open(`${srv.wsUrl}/${b.id}?key=${b.team}`);
      raw.ws.send(new Uint8Array(size));
      expect(await raw.closed).toEqual({ code: CLOSE.tooLarge, reason: 'message too large' });
    }
  });
});
