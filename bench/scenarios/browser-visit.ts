import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Board, Target } from '../lib/servers';
import { sleep } from '../lib/stats';
import { PROBE_SCRIPT } from './browser-probe';
import {
  createLateStory,
  joinPeers,
  type Peer,
  leave,
  startCoTyping,
  startTyping,
  writeNotes,
} from './browser-peers';

/** One visit's figures; a step that failed leaves its figures null and names itself in `errors`. */
export interface BrowserVisit {
  stories: number;
  notes: number;
  round: number;
  firstStoryMs: number | null;
  connectedMs: number | null;
  repeatFirstStoryMs: number | null;
  repeatConnectedMs: number | null;
  scrollMs: number | null;
  searchMs: number | null;
  heapMiB: number | null;
  /** note write (Node) → its text in the panel (page), ms */
  noteMs: number[];
  notesMissing: number;
  composerKeyMs: number[];
  titleKeyMs: number[];
  /** what went wrong, naming the size and step (a failed step ends the visit, missing notes do not) */
  errors: string[];
}

export interface VisitPlan {
  peers: number;
  notes: number;
  keys: number;
  /** ms to wait for a load, a search, a scroll, the notes */
  timeoutMs: number;
  /** ms a field's keystrokes may take in all (a page that takes seconds per key gets fewer) */
  keysTimeoutMs: number;
}

export interface Ctx {
  page: Page;
  label: string;
  timeoutMs: number;
}

/**
 * Polls `expr` in the page until it is not null and returns it, or fails naming the step. A loop of
 * page.evaluate (CDP Runtime.evaluate) rather than waitForFunction, whose string predicates the
 * board's Content-Security-Policy (no 'unsafe-eval') refuses.
 */
async function waitValue<T>(c: Ctx, step: string, expr: string, timeoutMs = c.timeoutMs): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const v = await c.page.evaluate<T | null>(expr);
      if (v !== null && v !== undefined && v !== false) return v;
    } catch (err) {
      last = ` (last error: ${(err as Error).message.split('\n')[0]})`; // e.g. during navigation
    }
    if (Date.now() > end) throw new Error(`${c.label}: ${step} not seen within ${timeoutMs} ms${last}`);
    await sleep(100);
  }
}

/** Runs a Playwright step with a timeout and a message naming the size and step. */
async function stepDo<T>(c: Ctx, step: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new Error(`${c.label}: ${step} failed (${(err as Error).message.split('\n')[0]})`);
  }
}

async function newVisitor(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const userId = `bench-browser-${Math.random().toString(36).slice(2, 10)}`;
  await context.addInitScript(
    `try { localStorage.setItem('shellboard:name', 'Bench visitor'); localStorage.setItem('shellboard:userId', '${userId}'); } catch {}`,
  );
  await context.addInitScript(PROBE_SCRIPT);
  return context;
}

/** Navigates and waits for the first card on screen and "Connected"; ms since navigation start. */
async function load(c: Ctx, link: string, what: string): Promise<{ first: number; connected: number }> {
  await stepDo(c, `${what} navigation`, () =>
    c.page.goto(link, { waitUntil: 'commit', timeout: c.timeoutMs }),
  );
  const first = await waitValue<number>(
    c,
    `${what}: first story card`,
    'window.__bench && window.__bench.firstCard',
  );
  const connected = await waitValue<number>(
    c,
    `${what}: "Connected"`,
    'window.__bench && window.__bench.connected',
  );
  return { first, connected };
}

/**
 * BENCH_BROWSER_PROFILE=1: a CPU profile of the page while `fn` runs, written to
 * bench/results/profile-<name>.cpuprofile (for DevTools; build with SHELLBOARD_SOURCE_MAPS=1 to see
 * our own function names).
 */
async function profiled<T>(
  context: BrowserContext,
  page: Page,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (process.env.BENCH_BROWSER_PROFILE !== '1') return fn();
  const profiler = await context.newCDPSession(page);
  await profiler.send('Profiler.enable');
  await profiler.send('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await profiler.send('Profiler.stop');
    const out = `bench/results/profile-${name}.cpuprofile`;
    fs.writeFileSync(out, JSON.stringify(profile));
    console.error(`bench: wrote ${out}`);
    await profiler.detach();
  }
}

/** `count` keystrokes 40–70 ms apart (fewer if the page takes longer than its timeout to accept them). */
export async function keystrokes(c: Ctx, count: number, timeoutMs: number): Promise<number[]> {
  await c.page.evaluate('window.__bench.armKeys()');
  const chars = 'the import keeps duplicate rows apart ';
  const end = Date.now() + timeoutMs;
  for (let i = 0; i < count && Date.now() < end; i++) {
    await c.page.keyboard.type(chars[i % chars.length]!);
    await sleep(40 + Math.random() * 30);
  }
  await sleep(300); // the last keystrokes' frames
  const keys = await c.page.evaluate<number[]>('window.__bench.keys.slice()');
  await c.page.evaluate('window.__bench.keys = null');
  return keys;
}

/**
 * One visit of a seeded board by a person who has never been there (fresh context: no IndexedDB
 * copy), with `plan.peers` collaborators present. Every figure is taken in the order a person meets
 * them: load, scroll to the end, search for the newest story, open it, receive notes, type.
 */
export async function visitBoard(
  browser: Browser,
  target: Target,
  board: Board,
  size: { stories: number; notes: number; round: number; storyIds: string[] },
  plan: VisitPlan,
): Promise<BrowserVisit> {
  const v: BrowserVisit = {
    stories: size.stories,
    notes: size.notes,
    round: size.round,
    firstStoryMs: null,
    connectedMs: null,
    repeatFirstStoryMs: null,
    repeatConnectedMs: null,
    scrollMs: null,
    searchMs: null,
    heapMiB: null,
    noteMs: [],
    notesMissing: 0,
    composerKeyMs: [],
    titleKeyMs: [],
    errors: [],
  };
  const label = `${size.stories}/${size.notes} round ${size.round}`;
  const link = `http://127.0.0.1:${target.port}/b/${board.room}#k=${board.key}`;
  const stops: (() => void)[] = [];
  let context: BrowserContext | null = null;
  // the phase under way, for errors thrown outside a named step (a crashed page, a closed target)
  let phase = 'peers join';
  let crashed = false;
  let peers: Peer[] = [];
  try {
    peers = await joinPeers(target, board, plan.peers, size.storyIds, 60_000);
    // A distinctive word no seeded title, why or note contains, so the search narrows to this story.
    const word = WORDS[(size.round - 1) % WORDS.length]!;
    const title = `Late story ${word} marigold`;
    const perStory = Math.round(size.notes / size.stories);
    const storyId = await createLateStory(peers[1]!, peers[2]!, title, perStory, 60_000);

    context = await newVisitor(browser);
    const page = await context.newPage();
    page.on('crash', () => (crashed = true));
    phase = 'cold load';
    const c: Ctx = { page, label, timeoutMs: plan.timeoutMs };
    const cold = await load(c, link, 'cold load');
    v.firstStoryMs = cold.first;
    v.connectedMs = cold.connected;

    phase = 'JS heap';
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    v.heapMiB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
    await cdp.detach();

    phase = 'scroll to the end';
    await page.evaluate(`window.__bench.scrollToEnd(${JSON.stringify(word)})`);
    v.scrollMs = await waitValue<number>(c, 'scroll to the end: late story card', 'window.__bench.elapsed()');
    await page.evaluate('window.__bench.unwatch(); window.__bench.scrollToTop()');

    phase = 'search';
    const search = page.getByLabel('Search stories');
    await stepDo(c, 'focus search', () => search.click({ timeout: plan.timeoutMs }));
    await page.evaluate(`window.__bench.watch(${JSON.stringify(word)}, true)`);
    await stepDo(c, 'type search', () => page.keyboard.type(`${word} marigold`));
    v.searchMs = await waitValue<number>(c, 'search: late story card', 'window.__bench.elapsed()');
    await page.evaluate('window.__bench.unwatch()');

    const card = page.getByTestId('story-card').filter({ hasText: title });
    await stepDo(c, 'open the late story', () => card.getByRole('link').click({ timeout: plan.timeoutMs }));
    const panel = page.getByTestId('story-panel');
    await stepDo(c, 'story panel', () => panel.waitFor({ state: 'visible', timeout: plan.timeoutMs }));
    // The rest runs against the whole backlog again, as a refinement session does.
    await stepDo(c, 'clear search', async () => {
      await search.fill('', { timeout: plan.timeoutMs });
      await page
        .getByTestId('story-card')
        .filter({ hasNotText: word })
        .first()
        .waitFor({ state: 'visible', timeout: plan.timeoutMs });
    });

    phase = 'notes';
    stops.push(startTyping(peers[0]!, storyId));
    await page.evaluate('window.__bench.watchNotes()');
    const sent = await writeNotes(peers[1]!, storyId, plan.notes, size.round.toString(36));
    const seen = await waitValue<boolean>(
      c,
      'notes in the panel',
      `Object.keys(window.__bench.notes).length >= ${sent.size}`,
      plan.timeoutMs,
    ).then(
      () => true,
      () => false,
    );
    const at = await page.evaluate<Record<string, number>>('window.__bench.notes');
    for (const [token, t0] of sent) if (at[token] !== undefined) v.noteMs.push(at[token]! - t0);
    v.notesMissing = sent.size - v.noteMs.length;
    if (!seen) {
      v.errors.push(
        `${label}: ${v.notesMissing} of ${sent.size} notes not shown within ${plan.timeoutMs} ms`,
      );
    }
    // The keystrokes are timed with the co-typist below only (a steady typist's presence stays put).
    for (const s of stops.splice(0)) s();

    phase = 'composer keystrokes';
    await stepDo(c, 'focus note composer', () =>
      panel.getByLabel('Add a note').click({ timeout: plan.timeoutMs }),
    );
    v.composerKeyMs = await profiled(context, page, `composer-${size.stories}-r${size.round}`, () =>
      keystrokes(c, plan.keys, plan.keysTimeoutMs),
    );
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');

    phase = 'title keystrokes';
    stops.push(startCoTyping(peers[2]!, storyId, 300));
    await stepDo(c, 'focus story title', async () => {
      await panel.getByLabel('Story title').click({ timeout: plan.timeoutMs });
      await page.keyboard.press('End');
    });
    v.titleKeyMs = await profiled(context, page, `title-${size.stories}-r${size.round}`, () =>
      keystrokes(c, plan.keys, plan.keysTimeoutMs),
    );
    for (const s of stops.splice(0)) s();

    // The same person comes back: this context holds the board's IndexedDB copy.
    phase = 'repeat visit';
    await page.close();
    const again = await context.newPage();
    again.on('crash', () => (crashed = true));
    const warm = await load({ ...c, page: again }, link, 'repeat visit');
    v.repeatFirstStoryMs = warm.first;
    v.repeatConnectedMs = warm.connected;
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0]!;
    const where = msg.startsWith(label) ? msg : `${label}: ${phase}: ${msg}`;
    v.errors.push(crashed ? `${where} (the page crashed)` : where);
  } finally {
    for (const s of stops) s();
    await context?.close().catch(() => undefined);
    leave(peers);
  }
  return v;
}

const WORDS = ['quokka', 'zephyr', 'tundra', 'saffron', 'obelisk', 'juniper', 'walrus', 'pelican', 'kumquat'];
