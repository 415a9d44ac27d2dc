import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../lib/board/ops';
import type { Ack, SessionState } from '../lib/realtime/events';
import { createBoard, tempDir, type TestBoard } from './helpers/server';
import { spawnServer, type ChildServer } from './helpers/child';
import { rssMiB } from './helpers/rss';
import { connect, saved, synced } from './helpers/clients';
import { joined, sessionClient, type SessionClient } from './helpers/session-client';
import { prng, type Prng } from './fuzz/prng';
import { FUZZ_EVENTS, fuzzPayload } from './fuzz/session-messages';

const EVENTS = Number(process.env.SESSION_FUZZ_EVENTS ?? 10_000);
const BATCH = 50;
const TEAM = 4;
const VIEW = 2;

/**
 * How much the server's resident memory may grow over one seed's run, churn included. Measured:
 * +20 MiB for the first seed (JIT and heap warm-up), +1–2 MiB for the next. A change that keeps
 * 4 KiB per event (checked, then reverted) grows it 42–56 MiB and fails here.
 */
const RSS_GROWTH_MIB = Number(process.env.SESSION_FUZZ_RSS_MIB ?? 32);

// The server runs in its own process, so its memory is measured apart from the test's clients.
// A generous event limit so the fuzzer reaches validation and the state machine, not only the limiter.
let srv: ChildServer;
let board: TestBoard;
let storyIds: string[];
beforeAll(async () => {
  srv = await spawnServer(tempDir(), { SESSION_RATE_PER_SEC: '100000', SESSION_RATE_BURST: '100000' });
  board = await createBoard(srv.url, 'session fuzz');
  const writer = connect(srv.wsUrl, board.id, board.team);
  await synced(writer);
  storyIds = [1, 2, 3].map((i) => createStory(writer.doc, { title: `story ${i}`, createdBy: 'po' }));
  await saved(writer);
  writer.destroy();
});
afterAll(() => srv?.kill());

type Actor = { client: SessionClient; key: string; id: string };

/** Emits with an ack and a timeout: resolves with the ack, or null when none came (socket gone). */
function send(c: SessionClient, event: string, payload: unknown, withAck: boolean): Promise<Ack | null> {
  // Untyped on purpose: the fuzzer sends names and payloads the typed map rules out.
  const target = withAck ? c.timeout(10_000) : c;
  const emit = target.emit as unknown as (...a: unknown[]) => void;
  const args: unknown[] = payload === undefined ? [event] : [event, payload];
  if (!withAck) {
    emit.apply(target, args);
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    emit.apply(target, [...args, (err: Error | null, ack?: Ack) => resolve(err ? null : (ack ?? null))]);
  });
}

/** Every `session:state` this client received, from its decoded packets. */
function states(c: SessionClient): SessionState[] {
  return c.packets
    .map((p) => JSON.parse(p) as { data?: unknown[] })
    .filter((p) => Array.isArray(p.data) && p.data[0] === 'session:state')
    .map((p) => p.data![1] as SessionState);
}

async function fuzz(seed: number) {
  const r: Prng = prng(seed);
  const actors: Actor[] = [
    { key: board.owner, id: 'po' },
    ...Array.from({ length: TEAM }, (_, i) => ({ key: board.team, id: `dev${i}` })),
    ...Array.from({ length: VIEW }, (_, i) => ({ key: board.view, id: `view${i}` })),
  ].map((a) => ({ ...a, client: sessionClient(srv.url, board.id, a.key, { id: a.id, name: a.id }) }));
  const everyClient = actors.map((a) => a.client);
  await Promise.all(everyClient.map(joined));
  const rssBefore = rssMiB(srv.proc.pid!);
  const acks: Ack[] = [];
  let unacked = 0;
  for (let sent = 0; sent < EVENTS;) {
    // Churn between batches (so no ack is pending on it): a socket leaves and comes back, as the
    // same person or a fresh one.
    for (const a of actors.slice(1)) {
      if (r.int(50) !== 0) continue;
      a.client.disconnect();
      const id = r.int(2) === 0 ? a.id : `${a.id}-${seed}-${sent}`;
      a.client = sessionClient(srv.url, board.id, a.key, { id, name: id });
      everyClient.push(a.client);
    }
    const pending: Promise<Ack | null>[] = [];
    for (let i = 0; i < BATCH && sent < EVENTS; i++, sent++) {
      const a = r.pick(actors);
      const event = r.pick(FUZZ_EVENTS);
      const withAck = r.int(10) !== 0;
      if (!withAck) unacked += 1;
      pending.push(send(a.client, event, fuzzPayload(r, event, storyIds), withAck));
    }
    for (const ack of await Promise.all(pending)) if (ack) acks.push(ack);
  }
  // Every event sent with an ack callback was answered, refused ones included: none dropped.
  expect(acks.length).toBe(EVENTS - unacked);
  // Some changed state, many were refused.
  for (const a of acks) expect(typeof a.ok).toBe('boolean');
  expect(acks.some((a) => a.ok)).toBe(true);
  expect(acks.some((a) => !a.ok && a.error.code === 'invalid')).toBe(true);

  // No vote value left the server before reveal, to anyone, the owner included.
  const seen = everyClient.flatMap(states);
  const hidden = seen.filter((s) => s.round && !s.round.revealed);
  for (const s of hidden) {
    expect(s.round!.votes).toBeUndefined();
    expect(s.round!.stats).toBeUndefined();
  }
  expect(hidden.some((s) => s.round!.voterIds.length > 0)).toBe(true); // the check saw real votes

  // The process is up: health answers and a newcomer joins.
  expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  const late = sessionClient(srv.url, board.id, board.view, { id: `late${seed}`, name: 'Late' });
  await joined(late);
  const rssAfter = rssMiB(srv.proc.pid!);
  for (const c of [...everyClient, late]) c.disconnect();
  // Memory stays bounded: measured from the server process, not inferred from timings.
  const rssGrowthMiB = Math.round((rssAfter - rssBefore) * 10) / 10;
  expect(rssGrowthMiB).toBeLessThan(RSS_GROWTH_MIB);
  const rss = `${rssBefore.toFixed(1)} → ${rssAfter.toFixed(1)} MiB`;
  return { acks: acks.length, unacked, states: seen.length, hidden: hidden.length, rss };
}

describe('fuzzed session channel', () => {
  const seeds = [1, Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)];
  for (const seed of seeds) {
    it(
      `survives ${EVENTS} random events from owner, team and view sockets (seed ${seed})`,
      { timeout: 120_000 },
      async () => {
        try {
          const out = await fuzz(seed);
          console.log(`session fuzz seed ${seed}: ${JSON.stringify(out)}`);
        } catch (err) {
          console.error(`SESSION FUZZ FAILURE — replay with FUZZ_SEED=${seed}`);
          throw err;
        }
      },
    );
  }
});
