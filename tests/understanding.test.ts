import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDefinition } from '../lib/board/readiness-ops';
import { getStoryMap, readStories } from '../lib/board/schema';
import { readRounds } from '../lib/session/round-record';
import { readinessReportSchema } from '../lib/validation/readiness';
import { boardWithStories } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { connect, destroyAll, saved, synced } from './helpers/clients';
import { closeSessions, joined, sessionClient } from './helpers/session-client';

/** "Do we understand why?" through the secret-vote machinery, end to end (#17 item 2). */
const srv = useTestServer();
afterEach(() => {
  closeSessions();
  destroyAll();
});

describe('understanding check', () => {
  it('runs as a secret round; accepting stores median and spread (not who voted) and feeds readiness', async () => {
    const {
      board,
      storyIds: [storyId],
    } = await boardWithStories(srv, 'Why check', [{ title: 'Export CSV', why: 'Finance closes faster' }]);
    const ownerDoc = connect(srv.wsUrl, board.id, board.owner);
    await synced(ownerDoc);
    setDefinition(ownerDoc.doc, { rules: [{ id: 'understanding', kind: 'auto', threshold: 4 }] });
    await saved(ownerDoc);

    const owner = sessionClient(srv.url, board.id, board.owner, { id: 'po', name: 'Paula' });
    const dev1 = sessionClient(srv.url, board.id, board.team, { id: 'dev1', name: 'Dana' });
    const dev2 = sessionClient(srv.url, board.id, board.team, { id: 'dev2', name: 'Eli' });
    await Promise.all([owner, dev1, dev2].map(joined));
    owner.packets.length = 0;

    expect(await owner.call('round:start', { storyId, scale: 'understanding' })).toEqual({ ok: true });
    // Only the scale's values: a Fibonacci 8 or a "?" is not a fist of five.
    expect(await dev1.call('round:vote', { value: '8' })).toMatchObject({ error: { code: 'invalid' } });
    expect(await dev1.call('round:vote', { value: '?' })).toMatchObject({ error: { code: 'invalid' } });
    expect(await dev1.call('round:vote', { value: '2' })).toEqual({ ok: true });
    expect(await dev2.call('round:vote', { value: '5' })).toEqual({ ok: true });
    expect(await owner.call('round:vote', { value: '4' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(owner.state()!.round?.voterIds).toHaveLength(3));
    const before = owner.packets.join('\n');
    for (const v of ['"2"', '"5"', '"4"', 'votes']) expect(before).not.toContain(v);

    expect(await owner.call('round:reveal')).toEqual({ ok: true });
    await vi.waitFor(() =>
      expect(dev1.state()!.round?.stats).toMatchObject({ median: '4', min: '2', max: '5' }),
    );
    expect(await owner.call('round:accept', { value: '4' })).toEqual({ ok: true });

    await vi.waitFor(() => {
      const m = getStoryMap(ownerDoc.doc, storyId!);
      expect(m?.get('understanding')).toMatchObject({ median: 4, spread: 3 });
    });
    const story = readStories(ownerDoc.doc)[0]!;
    // An understanding check never sizes the story.
    expect(story.estimate).toBeNull();
    expect(story.understanding).toMatchObject({ median: 4, spread: 3 });
    const rounds = readRounds(getStoryMap(ownerDoc.doc, storyId!)?.get('rounds'));
    expect(rounds).toEqual([
      {
        scale: 'understanding',
        distribution: [
          { value: '2', count: 1 },
          { value: '4', count: 1 },
          { value: '5', count: 1 },
        ],
        accepted: '4',
        at: expect.any(Number),
      },
    ]);
    // Nobody's vote is kept on the board.
    const kept = getStoryMap(ownerDoc.doc, storyId!);
    expect(JSON.stringify([kept?.get('rounds'), kept?.get('understanding')])).not.toMatch(/dev1|dev2|po/);

    const res = await fetch(`${srv.url}/api/boards/${board.id}/readiness`, {
      headers: { Authorization: `Bearer ${board.view}` },
    });
    expect(readinessReportSchema.parse(await res.json()).stories).toEqual([
      { storyId, ready: true, missing: [] },
    ]);
  });

  it('an estimate round keeps its record too, and sets the estimate', async () => {
    const {
      board,
      storyIds: [storyId],
    } = await boardWithStories(srv, 'History', [{ title: 'Sized', why: 'so we can plan' }]);
    const owner = sessionClient(srv.url, board.id, board.owner, { id: 'po', name: 'Paula' });
    await joined(owner);
    const doc = connect(srv.wsUrl, board.id, board.view);
    await synced(doc);
    for (let i = 0; i < 3; i++) {
      await owner.call('round:start', { storyId, scale: 'fibonacci' });
      await owner.call('round:vote', { value: i % 2 ? '3' : '5' });
      await owner.call('round:reveal');
      expect(await owner.call('round:accept', { value: i % 2 ? '3' : '5' })).toEqual({ ok: true });
    }
    await vi.waitFor(() => expect(readStories(doc.doc)[0]?.estimate).toBe('5'));
    await vi.waitFor(() => {
      const rounds = readRounds(getStoryMap(doc.doc, storyId!)?.get('rounds'));
      expect(rounds.map((r) => r.accepted)).toEqual(['5', '3', '5']);
      expect(rounds.at(-1)).toMatchObject({ scale: 'fibonacci', distribution: [{ value: '5', count: 1 }] });
    });
    expect(readStories(doc.doc)[0]?.understanding).toBeNull();
  });
});
