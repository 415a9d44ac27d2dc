import * as Y from 'yjs';
import { chromium, type Browser } from 'playwright-core';
import { roots } from '../../lib/board/schema';
import { bigBoard, uploadBoard } from '../lib/big-board';
import type { Board, Target } from '../lib/servers';
import { keystrokeFloor } from './browser-floor';
import { visitBoard, type BrowserVisit, type VisitPlan } from './browser-visit';
import { CHROMIUM_ARGS } from '../../e2e/chromium';

export interface BrowserPlan extends VisitPlan {
  /** [stories, notes] */
  sizes: [number, number][];
  rounds: number;
  /** rounds for boards of 2,000 stories or more (slow on the current client) */
  bigRounds: number;
}

export interface BrowserResult {
  chromium: string;
  sizes: { stories: number; notes: number }[];
  rounds: number;
  bigRounds: number;
  peers: number;
  notesPerVisit: number;
  keysPerField: number;
  visits: BrowserVisit[];
  /** per round: keystroke → next frame on a bare textarea (the method's floor), ms */
  floorKeyMs: number[][];
  /** boards that could not be seeded (their size has no visits) */
  seedErrors: string[];
  durationS: number;
}

// The launch options of the e2e suite (Chromium stalls on this closed network without them).
const ARGS = CHROMIUM_ARGS;

const launch = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });

/**
 * The board in a real browser at backlog sizes: each size seeded once through the server's own sync
 * path, then visited in interleaved rounds (round 1: every size, round 2: every size, …) so the
 * machine's noise falls on all sizes alike. One visit = one fresh browser context.
 */
export async function browserAtSize(t: Target, plan: BrowserPlan): Promise<BrowserResult> {
  const started = performance.now();
  const seeded = new Map<number, { board: Board; storyIds: string[] }>();
  const seedErrors: string[] = [];
  // Every board first: building a big board blocks this process for seconds, long enough for the
  // server to close fetch's idle keep-alive socket under the next request ("fetch failed").
  const boards = await Promise.all(plan.sizes.map(([s, n]) => t.newBoard(`Bench ${s}/${n}`)));
  for (const [i, [stories, notes]] of plan.sizes.entries()) {
    try {
      const big = bigBoard(stories, notes);
      const board = boards[i]!;
      await uploadBoard(t, board, big, notes);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, big.update);
      const storyIds = [...roots(doc).stories.keys()].slice(0, 10);
      doc.destroy();
      seeded.set(stories, { board, storyIds });
      console.error(`bench: browser board ${stories}/${notes} seeded`);
    } catch (err) {
      seedErrors.push(`${stories}/${notes}: seeding failed (${(err as Error).message})`);
    }
  }
  const visits: BrowserVisit[] = [];
  const floorKeyMs: number[][] = [];
  let browser: Browser = await launch();
  const version = browser.version();
  try {
    for (let round = 1; round <= plan.rounds; round++) {
      if (!browser.isConnected()) browser = await launch();
      floorKeyMs.push(await keystrokeFloor(browser, plan.keys, plan.timeoutMs).catch(() => []));
      for (const [stories, notes] of plan.sizes) {
        const s = seeded.get(stories);
        if (!s || (stories >= 2000 && round > plan.bigRounds)) continue;
        if (!browser.isConnected()) browser = await launch();
        const t0 = performance.now();
        const v = await visitBoard(
          browser,
          t,
          s.board,
          { stories, notes, round, storyIds: s.storyIds },
          plan,
        );
        visits.push(v);
        console.error(
          `bench: browser ${stories}/${notes} round ${round}: ${((performance.now() - t0) / 1000).toFixed(0)} s` +
            (v.errors.length ? ` — ${v.errors.join('; ')}` : ''),
        );
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  return {
    chromium: version,
    sizes: plan.sizes.map(([stories, notes]) => ({ stories, notes })),
    rounds: plan.rounds,
    bigRounds: plan.bigRounds,
    peers: plan.peers,
    notesPerVisit: plan.notes,
    keysPerField: plan.keys,
    visits,
    floorKeyMs,
    seedErrors,
    durationS: (performance.now() - started) / 1000,
  };
}
