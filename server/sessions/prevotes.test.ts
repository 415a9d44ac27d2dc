import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite';
import { castPrevote } from './prevotes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shellboard-prevotes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('castPrevote bounds (a real SQLite store)', () => {
  it('refuses a new pre-voter past the per-story and per-board bounds, never a change of one’s own', async () => {
    const store = new SqliteStore(path.join(dir, 'bounds.sqlite'));
    const limits = { perStory: 2, perBoard: 3 };
    const cast = (userId: string, storyId: string, value = '5') =>
      castPrevote(store, 'b1', userId, { storyId, scale: 'fibonacci', value }, null, limits);
    expect(await cast('u1', 's1')).toEqual({ ok: true });
    expect(await cast('u2', 's1')).toEqual({ ok: true });
    expect(await cast('u3', 's1')).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /2 pre-votes/ },
    });
    expect(await cast('u1', 's1', '8')).toEqual({ ok: true }); // changing one's own
    expect(await cast('u3', 's2')).toEqual({ ok: true });
    expect(await cast('u4', 's3')).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /3 pre-votes/ },
    });
    expect(await store.prevoters('b1')).toEqual([
      { storyId: 's1', scale: 'fibonacci', userIds: ['u1', 'u2'] },
      { storyId: 's2', scale: 'fibonacci', userIds: ['u3'] },
    ]);
    expect(await store.takePrevotes('b1', 's1', 'fibonacci')).toEqual({ u1: '8', u2: '5' });
    await store.close();
  });
});
