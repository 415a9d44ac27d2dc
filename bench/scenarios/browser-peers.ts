import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { addNote, createStory } from '../../lib/board/ops';
import { NOTE_KINDS } from '../../lib/board/types';
import { getStoryMap, roots } from '../../lib/board/schema';
import type { Board, Target } from '../lib/servers';
import { sleep, until } from '../lib/stats';

/** A collaborator in Node: the stock y-websocket provider with a presence state, like a browser tab. */
export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  userId: string;
}

const COLORS = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4d7c0f'];

/** `n` peers on the board, each present (awareness `{ user, storyId, typing }`) on one of `storyIds`. */
export async function joinPeers(
  target: Target,
  board: Board,
  n: number,
  storyIds: string[],
  timeoutMs: number,
): Promise<Peer[]> {
  const peers: Peer[] = [];
  for (let i = 0; i < n; i++) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(target.wsBase, board.room, doc, {
      params: board.key ? { key: board.key } : {},
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const userId = `bench-peer-${i}`;
    provider.awareness.setLocalState({
      user: { id: userId, name: `Peer ${i}`, color: COLORS[i % COLORS.length]!, role: 'team' },
      storyId: storyIds[i % storyIds.length] ?? null,
      typing: false,
    });
    peers.push({ doc, provider, userId });
  }
  try {
    await until(() => peers.every((p) => p.provider.synced), timeoutMs, `${n} peers to sync`, 20);
  } catch (err) {
    leave(peers);
    throw err;
  }
  return peers;
}

export function leave(peers: Peer[]): void {
  for (const p of peers) {
    p.provider.awareness.setLocalState(null);
    p.provider.destroy();
    p.doc.destroy();
  }
}

/**
 * Creates the "late" story (the newest, last in rank) with `notes` ordinary notes through `writer`,
 * and waits until `reader` has it, so the server holds it before the browser loads the board.
 */
export async function createLateStory(
  writer: Peer,
  reader: Peer,
  title: string,
  notes: number,
  timeoutMs: number,
): Promise<string> {
  const id = createStory(writer.doc, {
    title,
    why: 'Measured by the browser bench.',
    createdBy: writer.userId,
  });
  for (let i = 0; i < notes; i++) {
    addNote(writer.doc, {
      storyId: id,
      kind: NOTE_KINDS[i % NOTE_KINDS.length]!,
      text: `Earlier note ${i} on the late story`,
      authorId: writer.userId,
      authorName: 'Peer 1',
    });
  }
  await until(
    () => [...roots(reader.doc).notes.values()].filter((m) => m.get('storyId') === id).length >= notes,
    timeoutMs,
    'the late story to reach another client',
    20,
  );
  return id;
}

/** Starts `peer` "typing" on `storyId`: its awareness flips every 100 ms (10 updates a second). */
export function startTyping(peer: Peer, storyId: string): () => void {
  let on = false;
  const a = peer.provider.awareness;
  a.setLocalStateField('storyId', storyId);
  const timer = setInterval(() => {
    on = !on;
    a.setLocalStateField('typing', on);
  }, 100);
  return () => {
    clearInterval(timer);
    a.setLocalStateField('typing', false);
  };
}

/**
 * `peer` types into the story's title Y.Text, one character at its start every `everyMs`, "typing"
 * on in its presence for the whole stretch (a steady typist's presence does not flicker).
 */
export function startCoTyping(peer: Peer, storyId: string, everyMs: number): () => void {
  const a = peer.provider.awareness;
  a.setLocalStateField('storyId', storyId);
  a.setLocalStateField('typing', true);
  const timer = setInterval(() => {
    const t = getStoryMap(peer.doc, storyId)?.get('title');
    if (t instanceof Y.Text && t.length < 280) t.insert(0, 'x');
  }, everyMs);
  return () => {
    clearInterval(timer);
    a.setLocalStateField('typing', false);
  };
}

/**
 * `count` notes on `storyId` from `peer`, with the real op, each carrying a unique `bnote-…` token,
 * 150–250 ms apart. Returns token → Date.now() just before the write.
 */
export async function writeNotes(
  peer: Peer,
  storyId: string,
  count: number,
  tag: string,
): Promise<Map<string, number>> {
  const sent = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const token = `bnote-${tag}${i.toString(36)}x${Math.random().toString(36).slice(2, 8)}`;
    sent.set(token, Date.now());
    addNote(peer.doc, {
      storyId,
      kind: 'question',
      text: `${token} does this still hold with the real import file?`,
      authorId: peer.userId,
      authorName: 'Peer 1',
    });
    await sleep(150 + Math.random() * 100);
  }
  return sent;
}
