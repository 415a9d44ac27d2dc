import { addNote, createStory } from '../../lib/board/ops';
import { connectClient, destroyAll, type BenchClient } from '../lib/clients';
import { rssMiB } from '../lib/machine';
import type { Target } from '../lib/servers';
import { sleep, until } from '../lib/stats';

export interface MemoryResult {
  rooms: number;
  emptyRssMiB: number;
  loadedRssMiB: number;
  /** (loaded − empty) / rooms, including the one idle socket that keeps each room loaded */
  perRoomKiB: number;
}

/** RSS with `rooms` small idle boards loaded (one story, one note, one idle client each) vs. none. */
export async function memoryPerRoom(target: Target, rooms: number): Promise<MemoryResult> {
  await sleep(1000);
  const emptyRssMiB = rssMiB(target.pid);
  const clients: BenchClient[] = [];
  try {
    const batch = 50;
    for (let i = 0; i < rooms; i += batch) {
      const boards = await Promise.all(
        Array.from({ length: Math.min(batch, rooms - i) }, () => target.newBoard()),
      );
      const group = boards.map((b) => connectClient(target, b));
      clients.push(...group);
      await until(() => group.every((c) => c.synced), 60_000, 'rooms to load');
    }
    for (const c of clients) {
      const storyId = createStory(c.doc, { title: 'A small story', createdBy: 'bench' });
      addNote(c.doc, { storyId, kind: 'question', text: 'Who owns this?', authorId: 'u', authorName: 'U' });
    }
    // Let writes land and the heap settle before sampling.
    await sleep(3000);
    const loadedRssMiB = rssMiB(target.pid);
    return {
      rooms,
      emptyRssMiB,
      loadedRssMiB,
      perRoomKiB: ((loadedRssMiB - emptyRssMiB) * 1024) / rooms,
    };
  } finally {
    destroyAll(clients);
  }
}
