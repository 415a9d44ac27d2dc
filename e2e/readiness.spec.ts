import { test, expect } from './fixtures';
import { seriousViolations } from './axe';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

test('the definition of ready blocks "Mark ready" until the open question is resolved', async ({
  po,
  dev,
  viewer,
  createBoard,
}) => {
  const { links } = await createBoard('Ready board');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);

  // The owner picks the rules: why, no open questions, and a checklist item, then reorders one.
  await po.page.getByRole('button', { name: 'Definition of ready' }).click();
  const panel = po.page.getByTestId('definition-panel');
  await panel.getByLabel('Add a rule').selectOption({ label: 'No open questions' });
  await panel.getByLabel('Add a rule').selectOption({ label: 'Why present' });
  await panel.getByLabel('Checklist item').fill('Designs attached');
  await panel.getByRole('button', { name: 'Add item' }).click();
  const rules = panel.getByTestId('definition-rule');
  await expect(rules).toHaveText([/No open questions/, /Why present/, /Designs attached/]);
  await panel.getByRole('button', { name: 'Move “Why present” up' }).click();
  await expect(rules).toHaveText([/Why present/, /No open questions/, /Designs attached/]);
  expect(await seriousViolations(po.page)).toEqual([]);
  await panel.getByRole('button', { name: 'Close definition of ready' }).click();

  await addStory(po.page, 'Saved carts', 'Returning shoppers stop rebuilding carts.');
  const card = storyCard(dev.page, 'Saved carts');
  await expect(card.getByTestId('readiness')).toContainText('2/3 ready');
  await expect(card.getByTestId('readiness')).toContainText('Missing: Designs attached — not ticked');

  // A developer ticks the item (who and when shown to everyone) and asks a question.
  const devPanel = await openStory(dev.page, 'Saved carts');
  await devPanel.getByRole('checkbox', { name: /Designs attached/ }).check();
  const poPanel = await openStory(po.page, 'Saved carts');
  await expect(poPanel.getByTestId('readiness-section')).toContainText('ticked by Dev Dana');
  await expect(storyCard(po.page, 'Saved carts').getByTestId('readiness')).toContainText('3/3 ready');
  await postNote(dev.page, 'How long do we keep a saved cart?', 'Question');

  // Not ready: the card says what is missing on hover; "Mark ready" is refused with the reason.
  const poCard = storyCard(po.page, 'Saved carts');
  await expect(poCard.getByTestId('readiness')).toContainText('2/3 ready');
  await poCard.hover();
  await expect(poCard.getByTestId('readiness-missing')).toBeVisible();
  await expect(poCard.getByTestId('readiness-missing')).toContainText('No open questions — 1 open question');
  const mark = poPanel.getByRole('button', { name: 'Mark ready' });
  await expect(mark).toBeDisabled();
  await expect(poPanel.getByTestId('mark-ready-reason')).toHaveText(
    'Not ready yet: No open questions — 1 open question.',
  );
  await expect(poPanel.getByRole('option', { name: 'Ready (not met yet)' })).toBeDisabled();

  // The viewer sees the checklist but cannot tick it.
  await openBoard(viewer.page, links.view, 'view');
  const viewPanel = await openStory(viewer.page, 'Saved carts');
  await expect(viewPanel.getByRole('checkbox', { name: /Designs attached/ })).toBeDisabled();

  // The filter splits ready from not ready.
  await po.page.getByLabel('Filter by readiness').selectOption({ label: 'Ready' });
  await expect(po.page.getByTestId('story-card')).toHaveCount(0);

  // Resolving the question makes it ready: one step marks it, for everyone.
  await devPanel
    .getByTestId('note')
    .filter({ hasText: 'How long do we keep' })
    .getByRole('button', { name: 'Resolve' })
    .click();
  await expect(po.page.getByTestId('story-card')).toHaveCount(1);
  await expect(mark).toBeEnabled();
  await mark.click();
  await expect(devPanel.getByRole('combobox', { name: 'Status' })).toHaveValue('ready');
  await expect(storyCard(viewer.page, 'Saved carts').getByTestId('readiness')).toContainText('3/3 ready');
  await expect(poPanel.getByRole('button', { name: 'Mark ready' })).toHaveCount(0);
});
