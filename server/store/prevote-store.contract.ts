import { describe, expect, it } from 'vitest';
import { type Open, freshBoardId, openForTest } from './contract-kit';
import type { BoardRegistry, PrevoteStore } from './store';

/** The one contract every PrevoteStore passes (SQLite, PostgreSQL). */
export function prevoteStoreContract(name: string, open: Open<PrevoteStore & BoardRegistry>) {
  describe(`PrevoteStore contract: ${name}`, () => {
    it('keeps one pre-vote per person, story and scale; tells who, never what', async () => {
      const s = await openForTest(open);
      const b = freshBoardId();
      await s.castPrevote(b, { storyId: 's1', scale: 'fibonacci', userId: 'u2', value: '5', at: 1 });
      await s.castPrevote(b, { storyId: 's1', scale: 'fibonacci', userId: 'u1', value: '3', at: 2 });
      await s.castPrevote(b, { storyId: 's1', scale: 'fibonacci', userId: 'u1', value: '8', at: 3 }); // changed
      await s.castPrevote(b, { storyId: 's1', scale: 'tshirt', userId: 'u1', value: 'M', at: 4 });
      await s.castPrevote(b, { storyId: 's2', scale: 'fibonacci', userId: 'u3', value: '1', at: 5 });
      await s.castPrevote(freshBoardId(), {
        storyId: 's1',
        scale: 'fibonacci',
        userId: 'u9',
        value: '1',
        at: 5,
      });
      expect(await s.prevoters(b)).toEqual([
        { storyId: 's1', scale: 'fibonacci', userIds: ['u1', 'u2'] },
        { storyId: 's1', scale: 'tshirt', userIds: ['u1'] },
        { storyId: 's2', scale: 'fibonacci', userIds: ['u3'] },
      ]);
      expect(JSON.stringify(await s.prevoters(b))).not.toMatch(/"(8|5|M|1)"/);
    });

    it('a round takes the pre-votes of its story and scale once; others stay', async () => {
      const s = await openForTest(open);
      const b = freshBoardId();
      await s.castPrevote(b, { storyId: 's1', scale: 'fibonacci', userId: 'u1', value: '8', at: 1 });
      await s.castPrevote(b, { storyId: 's1', scale: 'fibonacci', userId: 'u2', value: '5', at: 1 });
      await s.castPrevote(b, { storyId: 's1', scale: 'tshirt', userId: 'u1', value: 'M', at: 1 });
      const [first, second] = await Promise.all([
        s.takePrevotes(b, 's1', 'fibonacci'),
        s.takePrevotes(b, 's1', 'fibonacci'),
      ]);
      // Exactly one of two racing rounds gets them.
      expect([first, second].filter((x) => Object.keys(x).length > 0)).toEqual([{ u1: '8', u2: '5' }]);
      expect(await s.prevoters(b)).toEqual([{ storyId: 's1', scale: 'tshirt', userIds: ['u1'] }]);
    });

    it('goes with the board', async () => {
      const s = await openForTest(open);
      const b = freshBoardId();
      await s.createBoard({
        id: b,
        title: 'T',
        createdAt: 1,
        keyHashes: { owner: 'a'.repeat(64), team: 'b'.repeat(64), view: 'c'.repeat(64) },
        sealedLinks: 'sealed',
      });
      await s.castPrevote(b, { storyId: 's1', scale: 'fibonacci', userId: 'u1', value: '8', at: 1 });
      expect(await s.deleteBoard(b)).toBe(true);
      expect(await s.prevoters(b)).toEqual([]);
      await s.castPrevote(b, { storyId: 's1', scale: 'fibonacci', userId: 'u1', value: '8', at: 2 }); // late
      expect(await s.purgeOrphan(b)).toBe(1);
      expect(await s.prevoters(b)).toEqual([]);
    });
  });
}
