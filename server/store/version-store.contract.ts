import { describe, expect, it } from 'vitest';
import type { FormalStoryVersion } from '../../lib/promote/types';
import { type Open, freshBoardId, openForTest } from './contract-kit';
import type { VersionStore } from './store';

/** The one contract every VersionStore passes (SQLite, PostgreSQL). */
export function versionStoreContract(name: string, open: Open<VersionStore>) {
  describe(`VersionStore contract: ${name}`, () => {
    it('keeps formal story versions immutable and numbered; identical content publishes once', async () => {
      const s = await openForTest(open);
      const id = freshBoardId();
      const v = (narrative: string, at: number): Omit<FormalStoryVersion, 'version'> => ({
        boardId: id,
        storyId: 'st',
        title: 'T',
        narrative,
        criteria: ['c'],
        decisions: [],
        openQuestions: [],
        estimate: '3',
        persona: null,
        value: null,
        effort: null,
        labels: [],
        author: 'po',
        publishedAt: at,
        discussion: [],
      });
      const first = await s.publishVersion(v('one', 1), 'h1');
      expect(first).toMatchObject({ created: true, version: { version: 1, narrative: 'one' } });
      const again = await s.publishVersion(v('one', 2), 'h1');
      expect(again).toMatchObject({ created: false, version: { version: 1, publishedAt: 1 } });
      const second = await s.publishVersion(v('two', 3), 'h2');
      expect(second.version.version).toBe(2);
      // Concurrent publishes of the same content create one version.
      const racing = await Promise.all([
        s.publishVersion(v('three', 4), 'h3'),
        s.publishVersion(v('three', 4), 'h3'),
      ]);
      expect(racing.filter((r) => r.created)).toHaveLength(1);
      expect((await s.storyVersions(id, 'st')).map((x) => [x.version, x.narrative])).toEqual([
        [1, 'one'],
        [2, 'two'],
        [3, 'three'],
      ]);
      expect((await s.storyVersion(id, 'st', 1))?.narrative).toBe('one');
      expect(await s.storyVersion(id, 'st', 9)).toBeNull();
      await s.publishVersion({ ...v('other', 5), storyId: 'st2' }, 'x');
      expect((await s.latestVersions(id)).map((x) => [x.storyId, x.version])).toEqual([
        ['st', 3],
        ['st2', 1],
      ]);
      // Versions belong to their board.
      expect(await s.latestVersions(freshBoardId())).toEqual([]);
      expect(await s.storyVersions(freshBoardId(), 'st')).toEqual([]);
    });
  });
}
