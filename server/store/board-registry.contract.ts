import { describe, expect, it } from 'vitest';
import type { FormalStoryVersion } from '../../lib/promote/types';
import { foldUpdates } from '../sync/fold';
import { type Open, freshBoardId, openForTest, textUpdate } from './contract-kit';
import type { BoardRecord, BoardRegistry, DocumentLog, TrackerStore, VersionStore } from './store';
import { pushRecord, trackerConnection } from './tracker-store.contract';

/**
 * The one contract every BoardRegistry passes (SQLite, PostgreSQL). Deleting a board deletes
 * everything stored for it, so this suite observes that through the other two roles.
 */
export function boardRegistryContract(
  name: string,
  open: Open<BoardRegistry & DocumentLog & VersionStore & TrackerStore>,
) {
  describe(`BoardRegistry contract: ${name}`, () => {
    const board = (id: string): BoardRecord => ({
      id,
      title: 'T',
      createdAt: 1,
      keyHashes: { owner: 'a'.repeat(64), team: 'b'.repeat(64), view: 'c'.repeat(64) },
      sealedLinks: 'sealed',
    });

    it('creates, reads, re-keys and deletes boards', async () => {
      const s = await openForTest(open);
      const id = freshBoardId();
      expect(await s.getBoard(id)).toBeNull();
      await s.createBoard(board(id));
      expect(await s.getBoard(id)).toEqual(board(id));
      await expect(s.createBoard(board(id))).rejects.toThrow();
      const rekeyed = { owner: 'd'.repeat(64), team: 'b'.repeat(64), view: 'c'.repeat(64) };
      expect(await s.updateKeys(id, board(id).keyHashes, rekeyed, 'resealed')).toBe(true);
      const b = await s.getBoard(id);
      expect(b?.keyHashes.owner).toBe('d'.repeat(64));
      expect(b?.sealedLinks).toBe('resealed');
      expect(await s.deleteBoard(id)).toBe(true);
      expect(await s.getBoard(id)).toBeNull();
      expect(await s.deleteBoard(id)).toBe(false);
    });

    it('re-keys only while the stored hashes are the ones the caller read (compare-and-set)', async () => {
      const s = await openForTest(open);
      const id = freshBoardId();
      await s.createBoard(board(id));
      const read = board(id).keyHashes;
      // Two rotations that both read `read`, at once: exactly one lands; the other (which would write
      // the old hash of the first one's role back) is refused.
      const teamRotated = { ...read, team: 'e'.repeat(64) };
      const viewRotated = { ...read, view: 'f'.repeat(64) };
      const landed = await Promise.all([
        s.updateKeys(id, read, teamRotated, 'team-sealed'),
        s.updateKeys(id, read, viewRotated, 'view-sealed'),
      ]);
      expect(landed.filter(Boolean)).toHaveLength(1);
      const winner = landed[0] ? teamRotated : viewRotated;
      expect((await s.getBoard(id))?.keyHashes).toEqual(winner);
      // A later rotation that read the old hashes is refused; on what it re-reads it lands, keeping both.
      await s.updateKeys(id, winner, teamRotated, 'team-sealed');
      expect(await s.updateKeys(id, read, viewRotated, 'view-sealed')).toBe(false);
      expect((await s.getBoard(id))?.keyHashes).toEqual(teamRotated);
      const both = { ...teamRotated, view: 'f'.repeat(64) };
      expect(await s.updateKeys(id, teamRotated, both, 'both-sealed')).toBe(true);
      expect((await s.getBoard(id))?.keyHashes).toEqual(both);
      expect(await s.updateKeys(freshBoardId(), read, both, 'x')).toBe(false);
    });

    it("deletes a board's document log, snapshot and versions with it, and nothing of another board", async () => {
      const s = await openForTest(open);
      const [id, other] = [freshBoardId(), freshBoardId()];
      for (const b of [id, other]) {
        await s.createBoard(board(b));
        await s.appendUpdates(b, [textUpdate('x')]);
        await s.compact(b, foldUpdates);
        await s.appendUpdates(b, [textUpdate('y')]);
        await s.publishVersion(version(b), 'h');
        await s.putTrackerConnection(trackerConnection(b), { clearPushes: false });
        await s.recordPush(pushRecord(b, 'st'));
      }
      expect(await s.deleteBoard(id)).toBe(true);
      expect(await s.loadDoc(id)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      expect(await s.latestVersions(id)).toEqual([]);
      expect(await s.getTrackerConnection(id)).toBeNull();
      expect(await s.listPushes(id)).toEqual([]);
      const kept = await s.loadDoc(other);
      expect([kept.snapshot !== null, kept.updates.length]).toEqual([true, 1]);
      expect(await s.latestVersions(other)).toHaveLength(1);
      expect(await s.getTrackerConnection(other)).not.toBeNull();
      expect(await s.listPushes(other)).toHaveLength(1);
    });

    it('purges what landed for a deleted board after its delete, and nothing of a live one', async () => {
      const s = await openForTest(open);
      const gone = freshBoardId();
      const live = freshBoardId();
      await s.createBoard(board(gone));
      await s.createBoard(board(live));
      await s.appendUpdates(live, [textUpdate('kept')]);
      expect(await s.deleteBoard(gone)).toBe(true);
      // An append that was in flight elsewhere when the delete committed.
      await s.appendUpdates(gone, [textUpdate('late'), textUpdate('later')]);
      await s.publishVersion(version(gone), 'h');
      expect(await s.purgeOrphan(gone)).toBe(3);
      expect(await s.loadDoc(gone)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      expect(await s.latestVersions(gone)).toEqual([]);
      expect(await s.purgeOrphan(live)).toBe(0);
      expect((await s.loadDoc(live)).updates).toHaveLength(1);
    });
  });
}

function version(boardId: string): Omit<FormalStoryVersion, 'version'> {
  return {
    boardId,
    storyId: 'st',
    title: 'T',
    narrative: 'n',
    criteria: [],
    decisions: [],
    openQuestions: [],
    estimate: null,
    persona: null,
    value: null,
    effort: null,
    labels: [],
    author: 'po',
    publishedAt: 1,
    discussion: [],
  };
}
