import { test, expect } from './fixtures';
import { addStory, openBoard } from './helpers';

test('keyboard: ? lists the shortcuts; n, j/k, c, /, f work, never while typing or with a dialog open', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Keys');
  await openBoard(po.page, links.owner);
  for (const t of ['One', 'Two', 'Three']) await addStory(po.page, t);
  const { page } = dev;
  await openBoard(page, links.team);
  await expect(page.getByTestId('story-card')).toHaveCount(3);

  // The help overlay is a labelled dialog; single keys do nothing while it is open.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('New story');
  await expect(help).toContainText('Open the next story');
  await expect(help).toContainText('Undo');
  await page.keyboard.press('n');
  await expect(page.getByRole('form', { name: 'New shell story' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // Also reachable with the mouse.
  await page.getByRole('button', { name: 'Shortcuts' }).click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();

  // j/k: next/previous story in the order the backlog shows.
  const panelTitle = page.getByTestId('story-panel').getByLabel('Story title');
  await page.keyboard.press('j');
  await expect(panelTitle).toHaveValue('One');
  await page.keyboard.press('j');
  await expect(panelTitle).toHaveValue('Two');
  await page.keyboard.press('k');
  await expect(panelTitle).toHaveValue('One');

  // c: write a note on the open story; keys typed there are text, not shortcuts.
  await page.keyboard.press('c');
  const composer = page.getByTestId('story-panel').getByLabel('Add a note');
  await expect(composer).toBeFocused();
  await page.keyboard.type('jk?');
  await expect(composer).toHaveValue('jk?');
  await expect(panelTitle).toHaveValue('One');
  await expect(help).toBeHidden();
  await page.keyboard.press('Escape'); // leaves the field, keeping the draft
  await expect(composer).not.toBeFocused();
  await expect(composer).toHaveValue('jk?');

  // /: the backlog search.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search stories' });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue(''); // the slash itself is not typed into it
  await search.blur();

  // f: follow the facilitator on and off.
  const follow = page.getByLabel('Follow facilitator');
  await expect(follow).not.toBeChecked();
  await page.keyboard.press('f');
  await expect(follow).toBeChecked();
  await page.keyboard.press('f');
  await expect(follow).not.toBeChecked();

  // n: a new story; Escape closes the open story.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('story-panel')).toHaveCount(0);
  await page.keyboard.press('n');
  await expect(page.getByRole('form', { name: 'New shell story' })).toBeVisible();
});
