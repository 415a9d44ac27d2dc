import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

test("undo takes back only this person's own change, for everyone; redo puts it back", async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Undo');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  const undo = po.page.getByRole('button', { name: 'Undo' });
  const redo = po.page.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();

  await addStory(dev.page, 'Checkout', 'Card payments fail silently.');
  // Someone else's change gives this person nothing to undo.
  await expect(storyCard(po.page, 'Checkout')).toBeVisible();
  await expect(undo).toBeDisabled();

  const poTitle = (await openStory(po.page, 'Checkout')).getByLabel('Story title');
  await poTitle.click();
  await poTitle.press('End');
  await poTitle.pressSequentially(' flow');
  await expect(undo).toBeEnabled();
  await openStory(dev.page, 'Checkout');
  await expect(dev.page.getByTestId('story-panel').getByLabel('Story title')).toHaveValue('Checkout flow');
  await postNote(dev.page, 'Which card brands?');

  // Ctrl+Z in the live title field is the board's undo: only the owner's typing goes, for both.
  await poTitle.press('ControlOrMeta+z');
  for (const page of [po.page, dev.page]) {
    await expect(page.getByTestId('story-panel').getByLabel('Story title')).toHaveValue('Checkout');
    await expect(page.getByTestId('note').filter({ hasText: 'Which card brands?' })).toBeVisible();
  }
  await expect(undo).toBeDisabled();
  await expect(redo).toBeEnabled();

  // Redo with the keyboard outside any field, then Undo with the button.
  await po.page.locator('body').click({ position: { x: 5, y: 5 } });
  await po.page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(dev.page.getByTestId('story-panel').getByLabel('Story title')).toHaveValue('Checkout flow');
  await undo.click();
  await expect(dev.page.getByTestId('story-panel').getByLabel('Story title')).toHaveValue('Checkout');

  // The developer's own undo takes back their note, and leaves the title alone.
  await dev.page.locator('body').click({ position: { x: 5, y: 5 } });
  await dev.page.keyboard.press('ControlOrMeta+z');
  for (const page of [po.page, dev.page]) {
    await expect(page.getByTestId('note').filter({ hasText: 'Which card brands?' })).toHaveCount(0);
    await expect(page.getByTestId('story-panel').getByLabel('Story title')).toHaveValue('Checkout');
  }
  await expect(storyCard(po.page, 'Checkout')).toBeVisible();
});
