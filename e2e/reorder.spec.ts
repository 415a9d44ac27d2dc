import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { addStory, dragStep as step, openBoard, openStory, storyCard } from './helpers';

const order = (page: Page) => page.getByTestId('story-card').locator('h3');

/** Picks a card up by its handle and holds it (dnd-kit starts after a few pixels of movement). */
async function pickUp(page: Page, title: string) {
  const h = (await storyCard(page, title).getByTestId('drag-handle').boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2 + 10, { steps: 3 });
}

/** Moves the held card over the upper or lower part of another card (the drop is mouse.up). */
async function carryOver(page: Page, onto: string, where: 'above' | 'below') {
  const t = (await storyCard(page, onto).boundingBox())!;
  const y = where === 'above' ? t.y + t.height * 0.25 : t.y + t.height * 0.75;
  await page.mouse.move(t.x + t.width / 2, y, { steps: 12 });
}

/** A real pointer drag on a card's handle. */
async function drag(page: Page, from: string, onto: string, where: 'above' | 'below' = 'above') {
  await pickUp(page, from);
  await carryOver(page, onto, where);
  await page.mouse.up();
}

test('drag, buttons and keys reorder the backlog; the other person sees every move', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Ranking');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  for (const t of ['Alpha', 'Bravo', 'Charlie', 'Delta']) await addStory(po.page, t);
  await expect(order(dev.page)).toHaveText(['Alpha', 'Bravo', 'Charlie', 'Delta']);

  // Pointer drag: Delta onto Alpha's place.
  await drag(po.page, 'Delta', 'Alpha');
  await expect(order(po.page)).toHaveText(['Delta', 'Alpha', 'Bravo', 'Charlie']);
  await expect(order(dev.page)).toHaveText(['Delta', 'Alpha', 'Bravo', 'Charlie']);

  // Keyboard on the card: Alt+↑ moves Bravo up one, focus stays with it.
  await storyCard(dev.page, 'Bravo').getByRole('link').focus();
  await dev.page.keyboard.press('Alt+ArrowUp');
  await expect(order(dev.page)).toHaveText(['Delta', 'Bravo', 'Alpha', 'Charlie']);
  await expect(storyCard(dev.page, 'Bravo').getByRole('link')).toBeFocused();
  await dev.page.keyboard.press('Alt+ArrowUp');
  await expect(order(po.page)).toHaveText(['Bravo', 'Delta', 'Alpha', 'Charlie']);

  // The buttons on the card: Charlie to the top.
  await storyCard(po.page, 'Charlie').hover();
  await storyCard(po.page, 'Charlie').getByRole('button', { name: 'Move to top' }).click();
  await expect(order(dev.page)).toHaveText(['Charlie', 'Bravo', 'Delta', 'Alpha']);

  // dnd-kit's keyboard drag on the handle: Space, ↓, ↓, Space.
  await storyCard(dev.page, 'Charlie').getByTestId('drag-handle').focus();
  // Each step waits for dnd-kit's spoken announcement, as a screen-reader user would hear it.
  const live = dev.page.locator('[id^="DndLiveRegion"]');
  await dev.page.keyboard.press('Space');
  await expect(live).toHaveText(/Picked up “Charlie”|“Charlie” is back in its place/);
  await step(dev.page, 'ArrowDown', '“Charlie” is over “Bravo”.');
  await step(dev.page, 'ArrowDown', '“Charlie” is over “Delta”.');
  await dev.page.keyboard.press('Space');
  await expect(order(dev.page)).toHaveText(['Bravo', 'Delta', 'Charlie', 'Alpha']);
  await expect(order(po.page)).toHaveText(['Bravo', 'Delta', 'Charlie', 'Alpha']);

  // Both move at the same moment, from the keyboard (a pointer could land on a card that the other
  // person's move just slid under it). Focus stays on each person's card while the list reorders.
  await storyCard(po.page, 'Alpha').getByRole('link').focus();
  await storyCard(dev.page, 'Bravo').getByRole('link').focus();
  await Promise.all([po.page.keyboard.press('Alt+Home'), dev.page.keyboard.press('Alt+ArrowDown')]);
  // Whichever arrives first, both pages settle on the same order with every story once.
  const settled = ['Alpha', 'Delta', 'Bravo', 'Charlie'];
  await expect(order(po.page)).toHaveText(settled);
  await expect(order(dev.page)).toHaveText(settled);
  await expect(storyCard(po.page, 'Alpha').getByRole('link')).toBeFocused();
  await expect(storyCard(dev.page, 'Bravo').getByRole('link')).toBeFocused();

  // One is mid-drag while the other moves a story from the keyboard: the remote move reflows the
  // list under the drag, and the drop still lands where the person let go.
  const h = (await storyCard(po.page, 'Charlie').getByTestId('drag-handle').boundingBox())!;
  await po.page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await po.page.mouse.down();
  await po.page.mouse.move(h.x + h.width / 2, h.y + h.height / 2 - 10, { steps: 3 });
  await storyCard(dev.page, 'Delta').getByRole('link').focus();
  await dev.page.keyboard.press('Alt+End');
  await expect(po.page.getByTestId('story-card').last()).toContainText('Delta');
  const a = (await storyCard(po.page, 'Alpha').boundingBox())!;
  await po.page.mouse.move(a.x + a.width / 2, a.y + a.height * 0.25, { steps: 12 });
  await po.page.mouse.up();
  const final = ['Charlie', 'Alpha', 'Bravo', 'Delta'];
  await expect(order(po.page)).toHaveText(final);
  await expect(order(dev.page)).toHaveText(final);

  // A reload reads the same order back from the server.
  await dev.page.reload();
  await expect(order(dev.page)).toHaveText(final);
});

test('two people dragging at once: both drops land and both pages settle on one order, every story once', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Two drags');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  const titles = ['Alpha', 'Bravo', 'Charlie', 'Delta'];
  for (const t of titles) await addStory(po.page, t);
  await expect(order(dev.page)).toHaveText(titles);

  // Both hold a card at the same time, in different halves of the list (so neither drop moves the
  // other's target under its pointer), and let go together.
  await Promise.all([pickUp(po.page, 'Bravo'), pickUp(dev.page, 'Delta')]);
  await Promise.all([carryOver(po.page, 'Alpha', 'above'), carryOver(dev.page, 'Charlie', 'above')]);
  // Each hears where the card is before letting go, as a screen-reader user would.
  await expect(po.page.locator('[id^="DndLiveRegion"]')).toHaveText('“Bravo” is over “Alpha”.');
  await expect(dev.page.locator('[id^="DndLiveRegion"]')).toHaveText('“Delta” is over “Charlie”.');
  await Promise.all([po.page.mouse.up(), dev.page.mouse.up()]);

  const settled = ['Bravo', 'Alpha', 'Delta', 'Charlie'];
  await expect(order(po.page)).toHaveText(settled);
  await expect(order(dev.page)).toHaveText(settled);
  await dev.page.reload();
  await expect(order(dev.page)).toHaveText(settled);
});

test('lanes: dragging a card to another lane sets its stream; the suggested order applies in one step', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Lanes');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  for (const t of ['Low value', 'Quick win', 'Unscored']) await addStory(po.page, t);
  await po.page.getByRole('button', { name: 'Personas & metrics' }).click();
  const streamForm = po.page.getByRole('form', { name: 'New value stream' });
  await streamForm.getByLabel('Stream name').fill('Growth');
  await streamForm.getByRole('button', { name: 'Add stream' }).click();
  await po.page.getByRole('button', { name: 'Close personas and metrics' }).click();

  await po.page.getByRole('radio', { name: 'Lanes' }).click();
  const growth = po.page.getByRole('region', { name: 'Growth lane' });
  await expect(growth).toBeVisible(); // the lanes view loads on first use
  const handle = storyCard(po.page, 'Quick win').getByTestId('drag-handle');
  const h = (await handle.boundingBox())!;
  const g = (await growth.boundingBox())!;
  await po.page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await po.page.mouse.down();
  await po.page.mouse.move(h.x + 20, h.y + 10, { steps: 3 });
  await po.page.mouse.move(g.x + g.width / 2, g.y + 60, { steps: 15 });
  await po.page.mouse.up();
  await expect(growth.getByTestId('story-card')).toHaveText(/Quick win/);
  await expect(storyCard(dev.page, 'Quick win').getByTestId('card-stream')).toHaveText(/Growth/);

  // From the keyboard: Alt+→ into the next lane (No stream), Alt+← back to Growth.
  await storyCard(po.page, 'Quick win').getByRole('link').focus();
  await po.page.keyboard.press('Alt+ArrowRight');
  await expect(po.page.getByRole('region', { name: 'No stream lane' }).getByTestId('story-card')).toHaveCount(
    3,
  );
  await expect(storyCard(dev.page, 'Quick win').getByTestId('card-stream')).toHaveCount(0);
  await expect(storyCard(po.page, 'Quick win').getByRole('link')).toBeFocused();
  await po.page.keyboard.press('Alt+ArrowLeft');
  await expect(growth.getByTestId('story-card')).toHaveText(/Quick win/);
  await expect(storyCard(dev.page, 'Quick win').getByTestId('card-stream')).toHaveText(/Growth/);

  // Score two stories; the third stays unscored and is listed, not ranked.
  for (const [title, value, effort] of [
    ['Low value', '2', '8'],
    ['Quick win', '9', '1'],
  ] as const) {
    const panel = await openStory(po.page, title);
    await panel.getByRole('combobox', { name: 'Value', exact: true }).selectOption(value);
    await panel.getByRole('combobox', { name: 'Effort' }).selectOption(effort);
  }
  await po.page.getByRole('button', { name: 'Close story' }).click();
  await po.page.getByRole('radio', { name: 'List' }).click();
  await po.page.getByRole('button', { name: 'Suggested order' }).click();
  const preview = po.page.getByTestId('wsjf-preview');
  await expect(preview.getByTestId('wsjf-row')).toHaveText([
    /Quick win.*9 ÷ 1 = 9/,
    /Low value.*2 ÷ 8 = 0\.25/,
  ]);
  await expect(preview.getByTestId('wsjf-unscored')).toContainText('Unscored');
  await expect(order(dev.page)).toHaveText(['Low value', 'Quick win', 'Unscored']);
  await preview.getByRole('button', { name: 'Apply suggested order' }).click();
  await expect(order(dev.page)).toHaveText(['Quick win', 'Low value', 'Unscored']);
  await expect(preview.getByTestId('wsjf-status')).toHaveText(/already follows|Applied/);
});
