import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, storyCard } from './helpers';

/** /b/<id>/present#k=… for a board link /b/<id>#k=… */
const presentLink = (link: string) => link.replace('#', '/present#');

test('facilitator runs focus and an estimation round; the shared screen follows', async ({
  po,
  dev,
  browser,
  baseURL,
  createBoard,
}) => {
  const { links } = await createBoard('Session board');
  await openBoard(po.page, links.owner);
  await addStory(po.page, 'Gift cards at checkout', 'Gift card holders abandon carts.');
  await addStory(po.page, 'Saved carts', 'Returning shoppers lose their cart.');

  // The TV: its own browser, owner key, no name prompt, and a QR code of the team link.
  const tv = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
  const screen = await tv.newPage();
  await screen.goto(presentLink(links.owner));
  await expect(screen.getByText('Waiting for the facilitator to focus a story…')).toBeVisible();
  await expect(screen.getByTestId('join-qr').getByRole('img')).toHaveAttribute('src', /^data:image\/png/);
  await expect(screen.getByRole('dialog')).toHaveCount(0);

  await openBoard(dev.page, links.team);
  await dev.page.getByLabel('Follow facilitator').check();

  // Focus: the screen shows the story, and the follower's panel opens on it.
  const panel = await openStory(po.page, 'Gift cards at checkout');
  await panel.getByRole('button', { name: 'Focus this story' }).click();
  await expect(screen.getByTestId('present-title')).toHaveText('Gift cards at checkout');
  await expect(screen.getByTestId('present-story')).toContainText('Gift card holders abandon carts.');
  const devPanel = dev.page.getByTestId('story-panel');
  await expect(devPanel.getByLabel('Story title')).toHaveValue('Gift cards at checkout');

  // A round: the screen sees who voted, never the value.
  await panel.getByLabel('Scale').selectOption('fibonacci');
  await panel.getByRole('button', { name: 'Start estimation' }).click();
  await devPanel
    .getByRole('group', { name: 'Your estimate' })
    .getByRole('button', { name: '5', exact: true })
    .click();
  await expect(
    devPanel.getByRole('group', { name: 'Your estimate' }).getByRole('button', { name: '5', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  const round = screen.getByTestId('present-round');
  await expect(round.getByTestId('voted-count')).toHaveText('1 voted');
  await expect(round.getByTestId('distribution')).toHaveCount(0);
  await expect(round.getByRole('img', { name: /Dev Dana \(voted\)/ })).toBeVisible();

  // Reveal: the spread everywhere.
  await panel.getByRole('button', { name: 'Reveal votes' }).click();
  await expect(round.getByTestId('distribution')).toContainText('5');
  await expect(round.getByTestId('round-stats')).toContainText('Median 5');
  await expect(devPanel.getByTestId('distribution')).toContainText('5');

  // Accept the median: the estimate lands on the card for everyone, and on the screen.
  await panel.getByRole('button', { name: 'Accept 5' }).click();
  await expect(storyCard(po.page, 'Gift cards at checkout').getByTestId('estimate')).toHaveText(/5$/);
  await expect(storyCard(dev.page, 'Gift cards at checkout').getByTestId('estimate')).toHaveText(/5$/);
  await expect(screen.getByTestId('present-estimate')).toHaveText('Estimate 5');
  await expect(screen.getByTestId('present-round')).toHaveCount(0);

  // Timer, hands and reactions reach the screen.
  await expect(screen.getByTestId('session-timer')).toHaveCount(0); // idle: no clock on the TV
  await po.page.getByRole('button', { name: 'Start 2 minute timer' }).click();
  await expect(screen.getByTestId('session-timer')).toHaveText(/^(2:00|1:[0-5]\d)$/);
  await po.page.keyboard.press('t'); // pause
  await expect(screen.getByTestId('session-timer')).toContainText('paused');
  await dev.page.getByRole('button', { name: 'Raise hand' }).click();
  await expect(screen.getByTestId('raised-hand')).toBeVisible();
  await dev.page.getByRole('button', { name: 'React 🎉' }).click();
  await expect(screen.getByTestId('reactions')).toContainText('🎉');

  // The next story in backlog order by keyboard (j, or k if it sits above) moves the screen too.
  const order = await po.page.getByTestId('story-card').locator('h3').allTextContents();
  const below = order.indexOf('Gift cards at checkout') === 0;
  await po.page.keyboard.press(below ? 'j' : 'k');
  await expect(screen.getByTestId('present-title')).toHaveText('Saved carts');

  // With the view key the screen shows the board but never the team link.
  const viewScreen = await tv.newPage();
  await viewScreen.goto(presentLink(links.view));
  await expect(viewScreen.getByTestId('present-title')).toHaveText('Saved carts');
  await expect(viewScreen.getByTestId('join-qr')).toHaveCount(0);
  await tv.close();
});
