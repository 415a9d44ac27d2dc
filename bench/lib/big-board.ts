import * as Y from 'yjs';
import { addNote, createStory } from '../../lib/board/ops';
import { NOTE_KINDS } from '../../lib/board/types';
import { roots } from '../../lib/board/schema';
import { connectClient, type BenchClient } from './clients';
import type { Board, Target } from './servers';
import { sleep, until } from './stats';

export interface BigBoard {
  /** the whole board as one update */
  update: Uint8Array;
  /** the same board as the successive updates of its growth, each well under MAX_MESSAGE_BYTES */
  chunks: Uint8Array[];
}

const cache = new Map<string, BigBoard>();
const CHUNK_ENTITIES = 500;

/** A realistic board built with the UI's own ops: `stories` stories, `notes` notes spread over them. */
export function bigBoard(stories: number, notes: number): BigBoard {
  const cacheKey = `${stories}/${notes}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const doc = new Y.Doc();
  const ids: string[] = [];
  const chunks: Uint8Array[] = [];
  let sv = Y.encodeStateVector(doc);
  let made = 0;
  const cut = (force = false) => {
    if (!force && ++made % CHUNK_ENTITIES !== 0) return;
    chunks.push(Y.encodeStateAsUpdate(doc, sv));
    sv = Y.encodeStateVector(doc);
  };
  for (let i = 0; i < stories; i++) {
    ids.push(
      createStory(doc, {
        title: `As a facilitator I want story ${i} refined so the team can commit`,
        why: 'So that sprint planning starts from stories everyone understands.',
        createdBy: `user-${i % 7}`,
      }),
    );
    cut();
  }
  for (let i = 0; i < notes; i++) {
    addNote(doc, {
      storyId: ids[i % ids.length]!,
      kind: NOTE_KINDS[i % NOTE_KINDS.length]!,
      text: `Note ${i}: what happens when the import file has duplicate rows?`,
      authorId: `user-${i % 7}`,
      authorName: `Person ${i % 7}`,
    });
    cut();
  }
  cut(true);
  const board = { update: Y.encodeStateAsUpdate(doc), chunks };
  doc.destroy();
  cache.set(cacheKey, board);
  return board;
}

export function noteCount(doc: Y.Doc): number {
  return roots(doc).notes.size;
}

/**
 * Stores the board through the server's own sync path: one client grows it chunk by chunk (as a
 * long session would), waits until a fresh client receives the full board, then both leave.
 */
export async function uploadBoard(target: Target, board: Board, big: BigBoard, notes: number): Promise<void> {
  const doc = new Y.Doc();
  const uploader = connectClient(target, board, doc);
  let check: BenchClient | null = null;
  try {
    await until(() => uploader.synced, 60_000, 'uploader sync');
    for (const chunk of big.chunks) {
      Y.applyUpdate(doc, chunk);
      await sleep(50);
    }
    check = connectClient(target, board);
    await until(() => check!.synced && noteCount(check!.doc) >= notes, 60_000, 'board upload');
  } finally {
    uploader.destroy();
    check?.destroy();
  }
}
