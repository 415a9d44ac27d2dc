import { test, expect } from './fixtures';
import { addStory, openBoard, openStory } from './helpers';

test('a developer pre-votes at home; next day the facilitator starts the round and reveals both votes', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Async refinement');
  await openBoard(po.page, links.owner);
  await addStory(po.page, 'Gift cards at checkout', 'Gift card holders abandon carts.');

  // At home: the developer pre-votes 8; only who pre-voted is shown, never the value.
  await openBoard(dev.page, links.team);
  const devPanel = await openStory(dev.page, 'Gift cards at checkout');
  const prevote = devPanel.getByTestId('prevote');
  await prevote
    .getByRole('group', { name: 'Your pre-vote' })
    .getByRole('button', { name: '8', exact: true })
    .click();
  await expect(
    prevote.getByRole('group', { name: 'Your pre-vote' }).getByRole('button', { name: '8', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(prevote.getByTestId('prevoted')).toHaveText('Pre-voted — Fibonacci: you');
  const poPanel = await openStory(po.page, 'Gift cards at checkout');
  await expect(poPanel.getByTestId('prevoted')).toHaveText(/Pre-voted — Fibonacci: Dev Dana/);
  await expect(poPanel.getByTestId('prevoted')).not.toContainText('8');
  await dev.page.close();

  // Next day: the facilitator starts the round; the pre-vote is already in it.
  await po.page.reload();
  const panel = await openStory(po.page, 'Gift cards at checkout');
  await panel.getByLabel('Scale').selectOption('fibonacci');
  await panel.getByRole('button', { name: 'Start estimation' }).click();
  await expect(panel.getByTestId('voted-count')).toHaveText('1 voted');
  await panel
    .getByRole('group', { name: 'Your estimate' })
    .getByRole('button', { name: '5', exact: true })
    .click();
  await expect(panel.getByTestId('voted-count')).toHaveText('2 voted');
  await expect(panel.getByTestId('distribution')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Reveal votes' }).click();
  await expect(panel.getByTestId('distribution')).toContainText('8');
  await expect(panel.getByTestId('distribution')).toContainText('5');
  await expect(panel.getByTestId('round-stats')).toContainText('Min 5');
  await expect(panel.getByTestId('round-stats')).toContainText('Max 8');
});
