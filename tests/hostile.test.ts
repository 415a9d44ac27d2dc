import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import { createStory } from '../lib/board/ops';
import { readStories, roots, textOf } from '../lib/board/schema';
import { createBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { connect, destroyAll, saved, synced } from './helpers/clients';

const srv = useTestServer({ perTest: true, beforeClose: destroyAll });

function openRaw(boardId: string, key: string): Promise<WebSocket> {
  const ws = new WebSocket(`${srv!.wsUrl}/${boardId}?key=${key}`);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, r) => resolve({ code, reason: r.toString() })));
}

function awarenessMessage(clientId: number, state: unknown, clock = 1): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

describe('limits', () => {
  it('closes a connection that sends an over-limit message with 4413; others are unaffected', async () => {
    await srv.start({ MAX_MESSAGE_BYTES: '2000' });
    const b = await createBoard(srv.url);
    const bystander = connect(srv.wsUrl, b.id, b.team);
    await synced(bystander);
    const ws = await openRaw(b.id, b.team);
    const closed = closeOf(ws);
    ws.send(new Uint8Array(5000));
    expect(await closed).toEqual({ code: 4413, reason: 'message too large' });
    createStory(bystander.doc, { title: 'still fine', createdBy: 'x' });
    await saved(bystander);
  });

  it('refuses connections past the per-board limit with 4429', async () => {
    await srv.start({ MAX_CONNECTIONS_PER_BOARD: '2' });
    const b = await createBoard(srv.url);
    await openRaw(b.id, b.team);
    await openRaw(b.id, b.team);
    const third = await openRaw(b.id, b.team);
    expect((await closeOf(third)).code).toBe(4429);
    const other = await createBoard(srv.url);
    const elsewhere = connect(srv.wsUrl, other.id, other.team);
    await synced(elsewhere);
  });

  it('keeps view links below the cap: owner and team get in, and a writer at a full board sheds a view', async () => {
    await srv.start({ MAX_CONNECTIONS_PER_BOARD: '10' }); // a fifth (2) is reserved for writers
    const b = await createBoard(srv.url);
    const views: WebSocket[] = [];
    for (let i = 0; i < 8; i++) views.push(await openRaw(b.id, b.view));
    const closes = views.map(closeOf);
    expect((await closeOf(await openRaw(b.id, b.view))).code).toBe(4429);
    const owner = connect(srv.wsUrl, b.id, b.owner);
    const team = connect(srv.wsUrl, b.id, b.team);
    await Promise.all([synced(owner), synced(team)]);
    // The board is full (8 views + 2 writers): one more writer takes the newest view's place.
    const late = connect(srv.wsUrl, b.id, b.team);
    await synced(late);
    expect(await closes[7]).toEqual({
      code: 4429,
      reason: 'board is full: a view link made room for the team',
    });
    expect(views.slice(0, 7).map((v) => v.readyState)).toEqual(Array(7).fill(WebSocket.OPEN));
    createStory(late.doc, { title: 'the team is in', createdBy: 'x' });
    await saved(late);
  });

  it('bounds the attendees a board remembers while view sockets cycle fresh ids', async () => {
    await srv.start();
    const b = await createBoard(srv.url);
    const paula = connect(srv.wsUrl, b.id, b.team);
    paula.provider.awareness.setLocalState({
      user: { id: 'paula', name: 'Paula', color: '#0090ff', role: 'team' },
    });
    await synced(paula);
    const sockets = await Promise.all([0, 1, 2, 3].map(() => openRaw(b.id, b.view)));
    sockets.forEach((ws, s) => {
      // 400 fresh ids each (within the rate burst), every tenth an 8 KiB one as in the report.
      for (let i = 0; i < 400; i++) {
        const id = i % 10 === 9 ? `big${s}-${i}-`.padEnd(8000, 'x') : `cycle${s}-${i}`;
        const user = { id, name: `n${s}-${i}`, color: '#000000', role: 'view' };
        ws.send(awarenessMessage(1000 + s, { user }, i + 1));
      }
    });
    const summary = async () => {
      const res = await fetch(`${srv.url}/api/boards/${b.id}/session-summary?format=json`, {
        headers: { Authorization: `Bearer ${b.view}` },
      });
      return ((await res.json()) as { attendees: string[] }).attendees;
    };
    await vi.waitFor(async () => expect(await summary()).toContain('n3-398'), { timeout: 5000 });
    const attendees = await summary();
    expect(attendees.length).toBeLessThanOrEqual(500); // MAX_ATTENDEES_PER_BOARD
    expect(attendees).toContain('Paula'); // still present: never the one forgotten
    // An 8 KiB id is not an identity: none of them is listed.
    expect(attendees.filter((n) => /^n\d-\d*9$/.test(n))).toEqual([]);
    expect(sockets.every((ws) => ws.readyState === WebSocket.OPEN)).toBe(true);
  });

  it('closes an awareness state over 8 KiB with 4413', async () => {
    await srv.start();
    const b = await createBoard(srv.url);
    const ws = await openRaw(b.id, b.team);
    const closed = closeOf(ws);
    ws.send(
      awarenessMessage(12345, { user: { id: 'u', name: 'x'.repeat(9000), color: '#000000', role: 'team' } }),
    );
    expect((await closed).code).toBe(4413);
  });

  it('rate-limits a flooding connection with 4430', async () => {
    await srv.start({ RATE_PER_SEC: '10', RATE_BURST: '20' });
    const b = await createBoard(srv.url);
    const ws = await openRaw(b.id, b.team);
    const closed = closeOf(ws);
    for (let i = 0; i < 200; i++) ws.send(new Uint8Array([3]));
    expect(await closed).toEqual({ code: 4430, reason: 'rate limit exceeded' });
  });

  it('refuses an update that would grow the document past its limit; the board stays usable', async () => {
    await srv.start({ MAX_DOC_BYTES: '20000' });
    const b = await createBoard(srv.url);
    const writer = connect(srv.wsUrl, b.id, b.team);
    await synced(writer);
    const id = createStory(writer.doc, { title: 'Big', createdBy: 'w' });
    await saved(writer);
    textOf(roots(writer.doc).stories.get(id)!, 'why')!.insert(0, 'x'.repeat(30_000));
    await vi.waitFor(() => expect(writer.getStatus().closed?.code).toBe(4414));
    const reader = connect(srv.wsUrl, b.id, b.team);
    await synced(reader);
    expect(readStories(reader.doc).map((s) => s.title)).toEqual(['Big']);
    expect(readStories(reader.doc)[0]!.why).toBe('');
    createStory(reader.doc, { title: 'Small edits still work', createdBy: 'r' });
    await saved(reader);
  });

  it('limits board creation per address with 429', async () => {
    await srv.start();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await fetch(`${srv.url}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `b${i}` }),
      });
      statuses.push(r.status);
    }
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(30);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('heartbeat', () => {
  it('cuts a socket that stops answering pings and removes its presence for everyone', async () => {
    await srv.start({ HEARTBEAT_MS: '100' });
    const b = await createBoard(srv.url);
    const watcher = connect(srv.wsUrl, b.id, b.team);
    await synced(watcher);
    const ghost = await openRaw(b.id, b.team);
    ghost.send(awarenessMessage(777, { user: { id: 'g', name: 'Ghost', color: '#000000', role: 'team' } }));
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().has(777)).toBe(true));
    // Stop reading from the socket: pings go unanswered, like a laptop whose lid closed.
    (ghost as unknown as { _socket: { pause(): void } })._socket.pause();
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().has(777)).toBe(false), {
      timeout: 5000,
    });
    // The healthy client, which answers pings, is still connected.
    expect(watcher.getStatus().connection).toBe('connected');
  });
});
