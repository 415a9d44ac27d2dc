import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newUserSecret, userIdFor } from '../lib/presence/user-id';
import { boardWithStories, type TestBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { destroyAll } from './helpers/clients';
import {
  closeSessions,
  connectError,
  joined,
  sessionClient,
  type SessionClient,
  uid,
  uids,
} from './helpers/session-client';

// Issue #15 item 4: the session's user id is derived from a per-browser secret, never taken
// from the handshake, so nobody can vote (or raise a hand) as someone else.
const srv = useTestServer();
let board: TestBoard;
let storyId: string;

beforeEach(async () => {
  ({
    board,
    storyIds: [storyId],
  } = await boardWithStories(srv, 'Identity board', [{ title: 'Estimate me', why: '' }]));
});
afterEach(() => {
  closeSessions();
  destroyAll();
});

async function round(owner: SessionClient) {
  expect(await owner.call('round:start', { storyId: storyId!, scale: 'tshirt' })).toEqual({ ok: true });
}

async function revealed(owner: SessionClient): Promise<Record<string, string>> {
  expect(await owner.call('round:reveal')).toEqual({ ok: true });
  await vi.waitFor(() => expect(owner.state()!.round?.revealed).toBe(true));
  return owner.state()!.round!.votes!;
}

describe('session identity', () => {
  it("a second team socket claiming another person's id cannot replace their vote", async () => {
    const owner = sessionClient(srv.url, board.id, board.owner, { id: 'po', name: 'Paula' });
    const dana = sessionClient(srv.url, board.id, board.team, { id: 'dana', name: 'Dana' });
    await Promise.all([owner, dana].map(joined));
    await round(owner);
    expect(await dana.call('round:vote', { value: 'XL' })).toEqual({ ok: true });

    // Eve saw Dana's id in the participant list and claims it, with her own secret.
    const eve = sessionClient(srv.url, board.id, board.team, {
      id: 'eve',
      name: 'Dana',
      claimId: uid('dana'),
    });
    await joined(eve);
    expect(await eve.call('round:vote', { value: 'XS' })).toEqual({ ok: true });
    // Her hand is hers too, not Dana's.
    expect(await eve.call('hand:set', { raised: true })).toEqual({ ok: true });
    await vi.waitFor(() => expect(owner.state()!.hands).toEqual([uid('eve')]));
    expect(
      owner
        .state()!
        .participants.map((p) => p.id)
        .sort(),
    ).toEqual(uids('dana', 'eve', 'po'));

    expect(await revealed(owner)).toEqual({ [uid('dana')]: 'XL', [uid('eve')]: 'XS' });
  });

  it("a different secret is a different person, even one using Dana's id as its secret", async () => {
    const owner = sessionClient(srv.url, board.id, board.owner, { id: 'po', name: 'Paula' });
    const dana = sessionClient(srv.url, board.id, board.team, { id: 'dana', name: 'Dana' });
    // Her public id is 43 url-safe characters, so it passes as a secret: it hashes to someone else.
    const eve = sessionClient(srv.url, board.id, board.team, { id: 'eve', name: 'Eve', secret: uid('dana') });
    await Promise.all([owner, dana, eve].map(joined));
    await round(owner);
    expect(await dana.call('round:vote', { value: 'M' })).toEqual({ ok: true });
    expect(await eve.call('round:vote', { value: 'S' })).toEqual({ ok: true });
    const votes = await revealed(owner);
    expect(votes[uid('dana')]).toBe('M');
    expect(Object.keys(votes)).toHaveLength(2);
  });

  it('the same secret on two tabs is one person: one participant, one vote, updated', async () => {
    const owner = sessionClient(srv.url, board.id, board.owner, { id: 'po', name: 'Paula' });
    const tab1 = sessionClient(srv.url, board.id, board.team, { id: 'dana', name: 'Dana' });
    const tab2 = sessionClient(srv.url, board.id, board.team, { id: 'dana', name: 'Dana' });
    await Promise.all([owner, tab1, tab2].map(joined));
    await vi.waitFor(() =>
      expect(
        owner
          .state()!
          .participants.map((p) => p.id)
          .sort(),
      ).toEqual(uids('dana', 'po')),
    );
    await round(owner);
    expect(await tab1.call('round:vote', { value: 'XL' })).toEqual({ ok: true });
    expect(await tab2.call('round:vote', { value: 'S' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(owner.state()!.round?.voterIds).toEqual([uid('dana')]));
    expect(await revealed(owner)).toEqual({ [uid('dana')]: 'S' });
  });

  it('names a browser by the id it computes itself (Web Crypto), so presence and session line up', async () => {
    const secret = newUserSecret();
    const me = sessionClient(srv.url, board.id, board.team, { id: 'me', name: 'Me', secret });
    const st = await joined(me);
    expect(st.participants.map((p) => p.id)).toEqual([await userIdFor(secret)]);
  });

  it('refuses a handshake with an id but no secret, or a short secret, with a clear connect error', async () => {
    const old = sessionClient(srv.url, board.id, board.team, {
      id: 'x',
      name: 'Old',
      secret: null,
      claimId: 'dana',
    });
    const e = await connectError(old);
    expect(e.data?.code).toBe('invalid');
    expect(e.message).toMatch(/secret/);
    expect(e.message).toMatch(/user id is not accepted/);

    const short = sessionClient(srv.url, board.id, board.team, { id: 'x', name: 'Short', secret: 'abc' });
    const e2 = await connectError(short);
    expect(e2.data?.code).toBe('invalid');
    expect(e2.message).toMatch(/Invalid handshake/);
  });
});
