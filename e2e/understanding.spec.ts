import { test, expect } from './fixtures';
import { addStory, openBoard, openStory } from './helpers';

const presentLink = (link: string) => link.replace('#', '/present#');

test('the understanding check on the shared screen: secret fist of five, a low result puts the why up again', async ({
  po,
  dev,
  browser,
  baseURL,
  createBoard,
}) => {
  const { links } = await createBoard('Why check');
  await openBoard(po.page, links.owner);
  await addStory(po.page, 'Gift cards at checkout', 'Gift card holders abandon carts at the last step.');

  const tv = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
  const screen = await tv.newPage();
  await screen.goto(presentLink(links.owner));
  await openBoard(dev.page, links.team);
  await dev.page.getByLabel('Follow facilitator').check();

  const panel = await openStory(po.page, 'Gift cards at checkout');
  await panel.getByRole('button', { name: 'Focus this story' }).click();
  await expect(screen.getByTestId('present-title')).toHaveText('Gift cards at checkout');
  await panel.getByRole('button', { name: 'Check understanding' }).click();

  const round = screen.getByTestId('present-round');
  await expect(round).toContainText('Do we understand why?');
  const devPanel = dev.page.getByTestId('story-panel');
  const cards = devPanel.getByRole('group', { name: 'How well you understand why' });
  await expect(cards.getByRole('button')).toHaveCount(5);
  await cards.getByRole('button', { name: /^2:/ }).click();
  await panel
    .getByRole('group', { name: 'How well you understand why' })
    .getByRole('button', { name: /^3:/ })
    .click();
  await expect(round.getByTestId('voted-count')).toHaveText('2 voted');
  await expect(round.getByTestId('distribution')).toHaveCount(0); // nothing shown before reveal
  await expect(screen.getByTestId('why-again')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Reveal votes' }).click();
  await expect(round.getByTestId('round-stats')).toContainText('Median 2');
  // Below the default threshold (4): the screen asks to explain the why again, in large type.
  await expect(screen.getByTestId('why-again')).toContainText('explain the why again');
  await expect(screen.getByTestId('why-again-text')).toHaveText(
    'Gift card holders abandon carts at the last step.',
  );
  await expect(devPanel.getByTestId('why-again')).toBeVisible();

  await panel.getByRole('button', { name: 'Accept 2 of 5' }).click();
  await expect(screen.getByTestId('present-round')).toHaveCount(0);
  await expect(screen.getByTestId('present-understanding')).toHaveText('Understanding 2/5 (spread 1)');
  // Never an estimate; the history keeps the round.
  await expect(screen.getByTestId('present-estimate')).toHaveCount(0);
  await panel.getByTestId('round-history').getByText('Round history (1)').click();
  await expect(panel.getByTestId('round-history')).toContainText('2/5');
  await tv.close();
});
