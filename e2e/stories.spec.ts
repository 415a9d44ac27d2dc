import fs from 'node:fs/promises';
import { test, expect } from './fixtures';
import { seriousViolations } from './axe';
import { addStory, openBoard, openStory, postNote } from './helpers';

test('two published versions: the stories page lists the latest; the story page diffs them word by word', async ({
  po,
  createBoard,
}) => {
  const { links } = await createBoard('Stories board');
  await openBoard(po.page, links.owner);
  await addStory(po.page, 'Pay by card', 'Fewer abandoned carts');
  const panel = await openStory(po.page, 'Pay by card');
  await postNote(po.page, 'Visa and Mastercard accepted', 'Criterion');
  await postNote(po.page, 'Receipt is emailed', 'Criterion');
  const formal = panel.getByRole('region', { name: 'Formal story' });

  await formal.getByRole('button', { name: 'Promote' }).click();
  await formal.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(formal.getByTestId('formal-link')).toHaveText('Formal v1 — view formal story');

  // Version 2 starts from version 1 plus what the discussion gained since.
  await postNote(po.page, 'Works with 3-D Secure', 'Criterion');
  await formal.getByRole('button', { name: 'Promote to v2' }).click();
  await expect(formal.getByTestId('draft-criterion')).toHaveCount(3);
  await expect(formal.getByRole('textbox', { name: 'Criterion 3', exact: true })).toHaveValue(
    'Works with 3-D Secure',
  );
  await formal
    .getByLabel('Narrative')
    .fill('As a shopper, I want to pay by card, so that I finish checkout.');
  await formal.getByRole('textbox', { name: 'Criterion 2', exact: true }).fill('Receipt is emailed as PDF');
  await formal.getByRole('button', { name: 'Remove criterion 1' }).click();
  await expect(formal.getByTestId('draft-criterion')).toHaveCount(2);
  expect(await seriousViolations(po.page)).toEqual([]);
  await formal.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(formal).toContainText('Published as version 2.');
  await expect(formal.getByTestId('formal-link')).toHaveText('Formal v2 — view formal story');

  // The header links to the list; the list shows the latest version.
  await po.page.getByRole('link', { name: 'Formal stories' }).click();
  await expect(po.page).toHaveURL(/\/stories#k=/);
  const item = po.page.getByTestId('formal-story');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('v2');
  await expect(item).toContainText('As a shopper, I want to pay by card, so that I finish checkout.');
  await expect(item.getByTestId('criteria-count')).toHaveText('2 criteria');

  // Exports are reachable from the stories page too.
  await po.page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    po.page.waitForEvent('download'),
    po.page.getByRole('button', { name: 'Formal stories · Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('stories-board-stories.md');
  expect(await fs.readFile(await download.path(), 'utf8')).toContain('Receipt is emailed as PDF');

  await item.getByRole('link', { name: 'Pay by card' }).click();
  const diff = po.page.getByTestId('version-diff');
  await expect(po.page.getByLabel('From')).toHaveValue('1');
  await expect(po.page.getByLabel('To')).toHaveValue('2');
  await expect(po.page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Pay by card');
  // Changed words are marked by element (strike-through / underline), not colour alone.
  await expect(diff.locator('del').first()).toContainText('user,');
  await expect(diff.locator('ins').first()).toContainText('shopper,');
  await expect(diff.locator('del').filter({ hasText: 'Visa and Mastercard accepted' })).toHaveCount(1);
  await expect(diff.getByText('(criterion removed)')).toHaveCount(1);
  await expect(diff.getByText('(criterion added)')).toHaveCount(1);
  await expect(diff.locator('ins').filter({ hasText: 'as PDF' })).toHaveCount(1);
  await expect(diff.locator('ins').filter({ hasText: 'Works with 3-D Secure' })).toHaveCount(1);

  expect(await seriousViolations(po.page)).toEqual([]);
  await po.page.emulateMedia({ colorScheme: 'dark' });
  await expect(po.page.locator('html')).toHaveClass(/\bdark\b/);
  expect(await seriousViolations(po.page)).toEqual([]);
  await po.page.emulateMedia({ colorScheme: 'light' });

  // Swapping the selection diffs the other way round.
  await po.page.getByLabel('From').selectOption('2');
  await po.page.getByLabel('To').selectOption('1');
  await expect(diff.locator('ins').filter({ hasText: 'Visa and Mastercard accepted' })).toHaveCount(1);

  // Each version keeps the discussion as it was.
  const v1 = po.page.getByTestId('version').filter({ hasText: 'Version 1' });
  await v1.locator('summary').click();
  await expect(v1.getByTestId('snapshot-note')).toHaveCount(2);
  const v2 = po.page.getByTestId('version').filter({ hasText: 'Version 2' });
  await expect(v2.getByTestId('snapshot-note')).toHaveCount(3);

  await po.page.getByTestId('back-to-board').click();
  await expect(po.page.getByTestId('connection-status')).toHaveText('Connected · Saved');
});
