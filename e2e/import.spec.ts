import { test, expect } from './fixtures';
import { seriousViolations } from './axe';
import { openBoard, storyCard } from './helpers';

const CSV = [
  'Issue key,Summary,Description,Story Points,Labels,Assignee',
  'PAY-1,Refund a payment,Support can refund without engineering,5,payments,Ann',
  'PAY-2,Split payments,,abc,payments,Bob',
  'PAY-3,"Export, with commas","Finance wants a ""monthly"" file",3,,Cy',
].join('\n');

test('PO pastes a Jira CSV, previews it (the malformed row with its reason), accepts; a teammate sees the stories', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Import board');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);

  await po.page.getByRole('button', { name: 'Import' }).click();
  const dialog = po.page.getByRole('dialog', { name: 'Import stories' });
  await expect(dialog.getByLabel('Jira CSV')).toBeChecked();
  await dialog.getByLabel('Paste the CSV').fill(CSV);
  await dialog.getByRole('button', { name: 'Preview' }).click();

  const preview = dialog.getByTestId('import-preview');
  await expect(preview.getByTestId('import-row')).toHaveCount(2);
  await expect(preview.getByTestId('import-row').first()).toContainText('Refund a payment');
  await expect(preview.getByTestId('import-row').nth(1)).toContainText('Export, with commas');
  await expect(preview.getByTestId('import-problem')).toHaveText([
    'Line 3: Story Points "abc" is not a number.',
  ]);
  expect(await seriousViolations(po.page)).toEqual([]);
  // Nothing is created by the preview.
  await expect(storyCard(dev.page, 'Refund a payment')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Create 2 stories' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Created 2 shell stories. They are on the board for everyone.',
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await expect(storyCard(dev.page, 'Refund a payment')).toBeVisible();
  await expect(storyCard(dev.page, 'Refund a payment').getByTestId('estimate')).toContainText('5');
  await expect(storyCard(dev.page, 'Export, with commas')).toContainText('Finance wants a "monthly" file');
  await expect(dev.page.getByTestId('story-card').filter({ hasText: 'Split payments' })).toHaveCount(0);
});

test('a view link has no Import; a Markdown upload previews before creating', async ({
  po,
  viewer,
  createBoard,
}) => {
  const { links } = await createBoard('Import md');
  await openBoard(viewer.page, links.view, 'view');
  await expect(viewer.page.getByRole('button', { name: 'Import' })).toHaveCount(0);

  await openBoard(po.page, links.owner);
  await po.page.getByRole('button', { name: 'Import' }).click();
  const dialog = po.page.getByRole('dialog', { name: 'Import stories' });
  await dialog.getByLabel('…or upload a file').setInputFiles({
    name: 'backlog.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Backlog\n- Dark mode — night owls\n- \n'),
  });
  await expect(dialog.getByLabel('Markdown list')).toBeChecked();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('import-row')).toHaveCount(1);
  await expect(dialog.getByTestId('import-row')).toContainText('Dark mode');
  await expect(dialog.getByTestId('import-row')).toContainText('night owls');
  await expect(dialog.getByTestId('import-problem')).toHaveText(['Line 3: Empty bullet.']);
  await dialog.getByRole('button', { name: 'Create 1 story' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(storyCard(viewer.page, 'Dark mode')).toContainText('night owls');
});
