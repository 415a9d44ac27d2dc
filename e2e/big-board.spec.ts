import WebSocket from 'ws';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dragStep as step, openBoard, storyCard } from './helpers';
import { BoardConnection } from '../lib/realtime/sync-client';
import { addNote, applyRanks, createStory } from '../lib/board/ops';
import { planMove } from '../lib/board/ordering';
import { readStories } from '../lib/board/schema';
import { liveStories } from '../lib/board/summary';

// A board at real backlog size: 500 stories, seeded through the real server by a Node Yjs client.
// The backlog is windowed (components/backlog/windowed-list.tsx): only cards near the screen are
// in the DOM, yet the list reads as 500 long, scrolls to its end, searches, drags and moves.

const COUNT = 500;
const title = (n: number) =>
  n === 480 ? 'Story 480 refund ledger export' : `Story ${String(n).padStart(3, '0')}`;
const WHYS = [
  '',
  'Short reason.',
  'A longer reason that wraps onto a second line in the card, so the cards differ in height and the list has to measure them rather than assume one size for all of them.',
];

/** A collaborator outside the browser, who also seeds the board (in a few big transactions). */
async function seededBoard(baseURL: string | undefined, id: string, teamLink: string) {
  const client = new BoardConnection({
    url: `${(baseURL ?? '').replace(/^http/, 'ws')}/sync`,
    boardId: id,
    key: new URL(teamLink).hash.replace('#k=', ''),
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  await expect.poll(() => client.getStatus().synced).toBe(true);
  const ids: string[] = [];
  for (let batch = 0; batch < COUNT; batch += 100) {
    client.doc.transact(() => {
      for (let n = batch + 1; n <= batch + 100; n++)
        ids.push(createStory(client.doc, { title: title(n), why: WHYS[n % 3], createdBy: 'seed' }));
    });
  }
  await expect.poll(() => client.getStatus().unsaved, { timeout: 20_000 }).toBe(0);
  const order = () => liveStories(readStories(client.doc)).map((s) => s.title);
  return { client, ids, order };
}

const cards = (page: Page) => page.getByTestId('story-card');
const order = (page: Page) => cards(page).locator('h3');

/** Each rendered card's aria-posinset, in DOM order. */
const positions = (page: Page) =>
  cards(page).evaluateAll((els) => els.map((el) => Number(el.getAttribute('aria-posinset'))));

test('a 500-story board opens windowed, scrolls to its end, finds a late story, shows a collaborator’s note', async ({
  po,
  createBoard,
  baseURL,
}) => {
  const { id, links } = await createBoard('Real size');
  const { client, ids } = await seededBoard(baseURL, id, links.team);
  try {
    const { page } = po;
    await openBoard(page, links.owner);
    await expect(storyCard(page, 'Story 001')).toBeVisible();
    await expect(page.getByRole('heading', { name: /Backlog/ })).toContainText(`${COUNT}`);

    // Far fewer than 500 cards in the DOM, each telling assistive tech where it is in the 500.
    const rendered = await cards(page).count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    await expect(cards(page).first()).toHaveAttribute('aria-setsize', `${COUNT}`);
    expect(await positions(page)).toEqual(Array.from({ length: rendered }, (_, i) => i + 1));

    // Scrolling to the bottom renders the last stories (the window follows the scroll).
    await expect(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(storyCard(page, 'Story 500')).toBeInViewport({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(storyCard(page, 'Story 500')).toHaveAttribute('aria-posinset', `${COUNT}`);
    expect(await cards(page).count()).toBeLessThan(60);
    await expect(storyCard(page, 'Story 001')).toHaveCount(0);

    // Halfway down, the collaborator moves three stories from far above to the end: the card the
    // person was looking at stays where it was on screen (the list keeps their place).
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    // The first card wholly on screen, once the window has settled after the jump.
    const firstOnScreen = () =>
      cards(page).evaluateAll((els) => {
        const el = els.find((e) => e.getBoundingClientRect().top >= 0);
        return el
          ? ([el.getAttribute('data-story-id')!, Number(el.getAttribute('aria-posinset'))] as const)
          : null;
      });
    await expect.poll(async () => (await firstOnScreen())?.[1] ?? 0).toBeGreaterThan(100);
    const [seenId, seenAt] = (await firstOnScreen())!;
    const watched = page.locator(`[data-story-id="${seenId}"]`);
    const yBefore = (await watched.boundingBox())!.y;
    client.doc.transact(() => {
      for (const n of [0, 1, 2]) {
        const sorted = liveStories(readStories(client.doc));
        applyRanks(
          client.doc,
          planMove(
            sorted,
            sorted.find((s) => s.id === ids[n])!,
            sorted.length,
          ),
        );
      }
    });
    await expect(watched).toHaveAttribute('aria-posinset', `${seenAt - 3}`);
    expect(Math.abs((await watched.boundingBox())!.y - yBefore)).toBeLessThan(4);

    // Search finds a late story; the filtered list is one long.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByLabel('Search stories').fill('refund ledger');
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page)).toHaveAttribute('aria-setsize', '1');
    await storyCard(page, 'refund ledger').getByRole('link').click();
    const panel = page.getByTestId('story-panel');
    await expect(panel.getByLabel('Story title')).toHaveValue('Story 480 refund ledger export');

    // The collaborator's note on it appears in the open panel.
    addNote(client.doc, {
      storyId: ids[479]!,
      kind: 'question',
      text: 'Which ledger, the old one or the new?',
      authorId: 'bot',
      authorName: 'Ledger bot',
    });
    await expect(panel.getByTestId('note').filter({ hasText: 'Which ledger' })).toContainText('Ledger bot');
  } finally {
    client.destroy();
  }
});

test('keyboard moves in the windowed list: Alt+End takes the first card to the end of 500, focus follows it', async ({
  po,
  createBoard,
  baseURL,
}) => {
  const { id, links } = await createBoard('Real size keys');
  const { client, ids, order: serverOrder } = await seededBoard(baseURL, id, links.team);
  try {
    const { page } = po;
    await openBoard(page, links.owner);
    const first = page.locator(`[data-testid="story-card"][data-story-id="${ids[0]}"]`);
    await first.getByRole('link').focus();
    await page.keyboard.press('Alt+End');

    await expect.poll(() => serverOrder().at(-1)).toBe('Story 001');
    await expect(first).toHaveAttribute('aria-posinset', `${COUNT}`);
    await expect(first).toBeInViewport();
    await expect(first.getByRole('link')).toBeFocused();
    await expect(page.getByTestId('reorder-status')).toHaveText(`Moved “Story 001” to position 500 of 500.`);

    // And back to the top: still the same card in focus, on screen, first in the list.
    await page.keyboard.press('Alt+Home');
    await expect.poll(() => serverOrder()[0]).toBe('Story 001');
    await expect(first).toHaveAttribute('aria-posinset', '1');
    await expect(first).toBeInViewport();
    await expect(first.getByRole('link')).toBeFocused();
    await expect(order(page).first()).toHaveText('Story 001');

    // The lanes view is windowed too: all 500 are in the No stream lane, few of them rendered.
    await page.getByRole('radio', { name: 'Lanes' }).click();
    const lane = page.getByRole('region', { name: 'No stream lane' });
    await expect(lane.getByTestId('story-card').first()).toHaveAttribute('aria-setsize', `${COUNT}`);
    expect(await lane.getByTestId('story-card').count()).toBeLessThan(60);
    const inLane = lane.locator(`[data-story-id="${ids[1]}"]`);
    await inLane.getByRole('link').focus();
    await page.keyboard.press('Alt+End');
    await expect.poll(() => serverOrder().at(-1)).toBe('Story 002');
    await expect(inLane).toHaveAttribute('aria-posinset', `${COUNT}`);
    await expect(inLane).toBeInViewport();
    await expect(inLane.getByRole('link')).toBeFocused();
  } finally {
    client.destroy();
  }
});

test('two people reorder the windowed 500-story list at once, one dragging, one from the keyboard', async ({
  po,
  dev,
  createBoard,
  baseURL,
}) => {
  const { id, links } = await createBoard('Real size together');
  const { client, order: serverOrder } = await seededBoard(baseURL, id, links.team);
  try {
    await openBoard(po.page, links.owner);
    await openBoard(dev.page, links.team);
    await expect(storyCard(dev.page, 'Story 005')).toBeVisible();

    // Paula holds Story 003 with the pointer…
    const h = (await storyCard(po.page, 'Story 003').getByTestId('drag-handle').boundingBox())!;
    await po.page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await po.page.mouse.down();
    await po.page.mouse.move(h.x + h.width / 2, h.y + h.height / 2 + 10, { steps: 3 });

    // …while Dana picks up Story 005 from the keyboard and carries it down two places…
    await storyCard(dev.page, 'Story 005').getByTestId('drag-handle').focus();
    await dev.page.keyboard.press('Space');
    await expect(dev.page.locator('[id^="DndLiveRegion"]')).toHaveText(
      /Picked up “Story 005”|“Story 005” is back in its place/,
    );
    await step(dev.page, 'ArrowDown', '“Story 005” is over “Story 006”.');
    await step(dev.page, 'ArrowDown', '“Story 005” is over “Story 007”.');

    // …and Paula carries hers above Story 001. Both let go together.
    const t = (await storyCard(po.page, 'Story 001').boundingBox())!;
    await po.page.mouse.move(t.x + t.width / 2, t.y + t.height * 0.25, { steps: 12 });
    await expect(po.page.locator('[id^="DndLiveRegion"]')).toHaveText('“Story 003” is over “Story 001”.');
    await Promise.all([po.page.mouse.up(), dev.page.keyboard.press('Space')]);

    const head = ['Story 003', 'Story 001', 'Story 002', 'Story 004', 'Story 006', 'Story 007', 'Story 005'];
    await expect.poll(() => serverOrder().slice(0, 8)).toEqual([...head, 'Story 008']);
    const settled = serverOrder();
    expect(new Set(settled).size).toBe(COUNT);
    expect(settled).toHaveLength(COUNT);
    for (const page of [po.page, dev.page]) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(order(page).first()).toHaveText('Story 003');
      const shown = await order(page).allTextContents();
      expect(shown).toEqual(settled.slice(0, shown.length));
    }
  } finally {
    client.destroy();
  }
});
