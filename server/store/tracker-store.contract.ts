import { describe, expect, it } from 'vitest';
import { type Open, freshBoardId, openForTest } from './contract-kit';
import type { PushRecord, TrackerConnectionRecord, TrackerStore } from './store';

export const trackerConnection = (boardId: string, over: Partial<TrackerConnectionRecord> = {}) =>
  ({
    boardId,
    kind: 'redmine',
    baseUrl: 'https://redmine.example',
    project: 'shop',
    fields: { estimate: 'estimated_hours' },
    sealedToken: 'v1.sealed',
    createdAt: 1,
    updatedAt: 1,
    ...over,
  }) satisfies TrackerConnectionRecord;

export const pushRecord = (boardId: string, storyId: string, over: Partial<PushRecord> = {}): PushRecord => ({
  boardId,
  storyId,
  issueId: '17',
  key: '#17',
  url: 'https://redmine.example/issues/17',
  pushedVersion: 1,
  pushedAt: 10,
  pushed: { title: 'T', description: 'D', estimate: '5' },
  seen: null,
  ...over,
});

/** The one contract every TrackerStore passes (SQLite, PostgreSQL). */
export function trackerStoreContract(name: string, open: Open<TrackerStore>) {
  describe(`TrackerStore contract: ${name}`, () => {
    it('keeps one connection per board; replacing it may clear the push records in the same step', async () => {
      const s = await openForTest(open);
      const id = freshBoardId();
      expect(await s.getTrackerConnection(id)).toBeNull();
      await s.putTrackerConnection(trackerConnection(id), { clearPushes: false });
      expect(await s.getTrackerConnection(id)).toEqual(trackerConnection(id));
      await s.recordPush(pushRecord(id, 'st'));
      // Same tracker, new token: the records stay; createdAt is the first connection's.
      await s.putTrackerConnection(
        trackerConnection(id, { sealedToken: 'v1.new', createdAt: 5, updatedAt: 5 }),
        {
          clearPushes: false,
        },
      );
      expect(await s.getTrackerConnection(id)).toMatchObject({
        sealedToken: 'v1.new',
        createdAt: 1,
        updatedAt: 5,
      });
      expect(await s.getPush(id, 'st')).not.toBeNull();
      // Another project: the records go.
      await s.putTrackerConnection(trackerConnection(id, { project: 'other', fields: {} }), {
        clearPushes: true,
      });
      expect(await s.getTrackerConnection(id)).toMatchObject({ project: 'other', fields: {} });
      expect(await s.getPush(id, 'st')).toBeNull();
      await s.recordPush(pushRecord(id, 'st'));
      expect(await s.deleteTrackerConnection(id)).toBe(true);
      expect(await s.getTrackerConnection(id)).toBeNull();
      expect(await s.listPushes(id)).toEqual([]);
      expect(await s.deleteTrackerConnection(id)).toBe(false);
    });

    it('records pushes per story, replacing the record on a later push, and per board', async () => {
      const s = await openForTest(open);
      const [id, other] = [freshBoardId(), freshBoardId()];
      expect(await s.getPush(id, 'st')).toBeNull();
      await s.recordPush(pushRecord(id, 'st'));
      await s.recordPush(
        pushRecord(id, 'st2', { issueId: '18', pushed: { title: 'U', description: '', estimate: null } }),
      );
      await s.recordPush(pushRecord(other, 'st'));
      expect(await s.getPush(id, 'st')).toEqual(pushRecord(id, 'st'));
      const later = pushRecord(id, 'st', {
        pushedVersion: 2,
        pushedAt: 20,
        pushed: { title: 'T2', description: 'D2', estimate: null },
      });
      await s.recordPush(later);
      expect(await s.getPush(id, 'st')).toEqual(later);
      expect((await s.listPushes(id)).map((p) => [p.storyId, p.pushedVersion, p.pushed.estimate])).toEqual([
        ['st', 2, null],
        ['st2', 1, null],
      ]);
      expect(await s.listPushes(freshBoardId())).toEqual([]);
    });

    it('keeps what the tracker last said: from the push, then from newer reads of the same issue only', async () => {
      const s = await openForTest(open);
      const id = freshBoardId();
      // Nothing known (a record from before migration 5 reads the same way).
      await s.recordPush(pushRecord(id, 'st'));
      expect((await s.getPush(id, 'st'))?.seen).toBeNull();
      const pushed = pushRecord(id, 'st', {
        pushedAt: 100,
        seen: { status: 'New', estimate: '5', drift: [], at: 100 },
      });
      await s.recordPush(pushed);
      expect(await s.getPush(id, 'st')).toEqual(pushed);
      // A read of the issue: its status, estimate and drift replace the push's.
      const read = {
        status: 'In Progress',
        estimate: '8',
        drift: ['estimate' as const, 'title' as const],
        at: 150,
      };
      expect(await s.recordSeen(id, 'st', '17', read)).toBe(true);
      expect(await s.getPush(id, 'st')).toEqual({ ...pushed, seen: read });
      expect((await s.listPushes(id))[0]?.seen).toEqual(read);
      // A read that began earlier (before the push or the read above) never overwrites a newer answer.
      expect(await s.recordSeen(id, 'st', '17', { ...read, status: 'Old', at: 120 })).toBe(false);
      // Another issue (the record was replaced meanwhile) or no record at all: nothing written.
      expect(await s.recordSeen(id, 'st', '99', { ...read, status: 'Other', at: 200 })).toBe(false);
      expect(await s.recordSeen(id, 'nope', '17', { ...read, at: 200 })).toBe(false);
      expect((await s.getPush(id, 'st'))?.seen).toEqual(read);
      // A later push answers afresh and clears the drift.
      const again = pushRecord(id, 'st', {
        pushedVersion: 2,
        pushedAt: 300,
        seen: { status: 'In Progress', estimate: '5', drift: [], at: 300 },
      });
      await s.recordPush(again);
      expect(await s.getPush(id, 'st')).toEqual(again);
      // A read with a null estimate and no drift round-trips as such.
      const bare = { status: 'Closed', estimate: null, drift: [], at: 400 };
      expect(await s.recordSeen(id, 'st', '17', bare)).toBe(true);
      expect((await s.getPush(id, 'st'))?.seen).toEqual(bare);
    });

    it('serialises pushes of one story under the push lock, not of different stories', async () => {
      const s = await openForTest(open);
      const id = freshBoardId();
      const events: string[] = [];
      const hold = (tag: string, storyId: string) =>
        s.withPushLock(id, storyId, async () => {
          events.push(`${tag}:in`);
          await new Promise((r) => setTimeout(r, 30));
          events.push(`${tag}:out`);
          return tag;
        });
      const out = await Promise.all([hold('a', 'st'), hold('b', 'st')]);
      expect(out).toEqual(['a', 'b']);
      expect(events).toEqual(['a:in', 'a:out', 'b:in', 'b:out']);
      events.length = 0;
      await Promise.all([hold('x', 'st'), hold('y', 'other')]);
      expect(events.slice(0, 2).sort()).toEqual(['x:in', 'y:in']);
      // A failing holder releases the lock.
      await expect(s.withPushLock(id, 'st', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await hold('c', 'st')).toBe('c');
    });
  });
}
