import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

test('notes can be replied to, +1d, resolved, edited by their author and deleted', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Discussion');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(po.page, 'Saved carts', 'Returning shoppers rebuild carts from scratch.');
  const poPanel = await openStory(po.page, 'Saved carts');
  const devPanel = await openStory(dev.page, 'Saved carts');

  await postNote(dev.page, 'How long do we keep a saved cart?', 'Question');
  await postNote(dev.page, 'Carts may hold sold-out items', 'Risk');
  const card = storyCard(po.page, 'Saved carts');
  await expect(card.getByTestId('open-questions')).toHaveText('1 open question');

  // Reply (one level) from the PO.
  const question = poPanel.getByTestId('note').filter({ hasText: 'How long do we keep' });
  await question.getByRole('button', { name: 'Reply' }).click();
  const replyForm = poPanel.getByRole('form', { name: 'Reply to Dev Dana' });
  await replyForm.getByLabel('Reply', { exact: true }).fill('30 days, like wishlists.');
  await replyForm.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(devPanel.getByRole('list', { name: /Replies to Dev Dana/ })).toContainText(
    '30 days, like wishlists.',
  );
  await expect(card.getByTestId('note-count')).toHaveText('3 notes');

  // +1 shows the count and who.
  const devRisk = devPanel.getByTestId('note').filter({ hasText: 'sold-out' });
  await po.page
    .getByTestId('note')
    .filter({ hasText: 'sold-out' })
    .getByRole('button', { name: /^\+1/ })
    .click();
  await expect(devRisk.getByRole('button', { name: /^\+1/ })).toHaveAttribute('title', '+1 from Paula Owner');
  await expect(devRisk.getByRole('button', { name: /^\+1/ })).toHaveText('1');

  // Resolving the question clears the open-question count; reopening brings it back.
  await question.getByRole('button', { name: 'Resolve' }).click();
  await expect(devPanel.getByTestId('note').filter({ hasText: 'How long do we keep' })).toContainText(
    'Resolved',
  );
  await expect(card.getByTestId('open-questions')).toHaveCount(0);
  await question.getByRole('button', { name: 'Reopen' }).click();
  await expect(card.getByTestId('open-questions')).toHaveText('1 open question');

  // Only the author may edit; the edit shows everywhere.
  await expect(question.getByRole('button', { name: 'Edit note' })).toHaveCount(0);
  const devQuestion = devPanel.getByTestId('note').filter({ hasText: 'How long do we keep' });
  await devQuestion.getByRole('button', { name: 'Edit note' }).click();
  await devPanel
    .getByRole('textbox', { name: 'Edit note' })
    .fill('How long do we keep a saved cart, per market?');
  await devPanel.getByRole('button', { name: 'Save' }).click();
  await expect(poPanel.getByTestId('note').filter({ hasText: 'per market?' })).toContainText('edited');

  // The owner may delete someone else's note, after confirming.
  const poRisk = poPanel.getByTestId('note').filter({ hasText: 'sold-out' });
  await poRisk.getByRole('button', { name: 'Delete note' }).click();
  await poRisk.getByRole('button', { name: 'Cancel' }).click();
  await expect(devRisk).toBeVisible();
  await poRisk.getByRole('button', { name: 'Delete note' }).click();
  await poRisk.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(devPanel.getByTestId('note').filter({ hasText: 'sold-out' })).toHaveCount(0);
  await expect(card.getByTestId('note-count')).toHaveText('2 notes');

  // A developer cannot delete the PO's reply (not theirs, not owner).
  const reply = devPanel.getByTestId('note').filter({ hasText: '30 days' });
  await expect(reply.getByRole('button', { name: 'Delete note' })).toHaveCount(0);
});
