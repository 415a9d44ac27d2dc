import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

test('PO promotes; PO and a developer co-edit the draft live; PO publishes; the developer opens the formal story', async ({
  po,
  dev,
  viewer,
  createBoard,
}) => {
  const { links } = await createBoard('Draft board');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(po.page, 'Export to CSV', 'POs save an hour a sprint');
  const devPanel = await openStory(dev.page, 'Export to CSV');
  await postNote(dev.page, 'Opens in Excel', 'Criterion');
  await postNote(dev.page, 'Semicolons for EU locales', 'Decision');

  // Only the owner starts a draft; the team has nothing to click yet.
  await expect(devPanel.getByRole('button', { name: 'Promote' })).toHaveCount(0);
  const poPanel = await openStory(po.page, 'Export to CSV');
  const poDraft = poPanel.getByRole('region', { name: 'Formal story' });
  await poDraft.getByRole('button', { name: 'Promote' }).click();

  // The developer sees the draft appear and edits it: narrative and a new criterion.
  const devDraft = devPanel.getByRole('region', { name: 'Formal story' });
  const devNarrative = devDraft.getByLabel('Narrative');
  await expect(devNarrative).toHaveValue(
    'As a user, I want to export to CSV, so that POs save an hour a sprint.',
  );
  await expect(devDraft.getByRole('textbox', { name: 'Criterion 1', exact: true })).toHaveValue(
    'Opens in Excel',
  );
  await devNarrative.click();
  await devNarrative.press('End');
  await devNarrative.pressSequentially(' Also for Numbers.');
  await devDraft.getByRole('button', { name: 'Add criterion' }).click();
  await expect(devDraft.getByRole('textbox', { name: 'Criterion 2', exact: true })).toBeFocused();
  await dev.page.keyboard.type('UTF-8 with BOM');
  await expect(devDraft.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

  // The PO sees both edits live, adds a criterion of their own and moves it to the top by keyboard.
  await expect(poDraft.getByLabel('Narrative')).toHaveValue(
    'As a user, I want to export to CSV, so that POs save an hour a sprint. Also for Numbers.',
  );
  await expect(poDraft.getByRole('textbox', { name: 'Criterion 2', exact: true })).toHaveValue(
    'UTF-8 with BOM',
  );
  await poDraft.getByRole('button', { name: 'Add criterion' }).click();
  await po.page.keyboard.type('Dates are ISO 8601');
  await poDraft.getByRole('button', { name: 'Move criterion 3 up' }).focus();
  await po.page.keyboard.press('Enter');
  await expect(poDraft.getByRole('button', { name: 'Move criterion 2 up' })).toBeFocused();
  await po.page.keyboard.press('Enter');
  await expect(poDraft.getByRole('textbox', { name: 'Criterion 1', exact: true })).toHaveValue(
    'Dates are ISO 8601',
  );
  await expect(devDraft.getByTestId('draft-criterion')).toHaveCount(3);
  await expect(devDraft.getByRole('textbox', { name: 'Criterion 1', exact: true })).toHaveValue(
    'Dates are ISO 8601',
  );
  await expect(devDraft.getByRole('textbox', { name: 'Criterion 2', exact: true })).toHaveValue(
    'Opens in Excel',
  );

  // The developer removes nothing but edits the PO's criterion; then the PO publishes.
  await devDraft.getByRole('textbox', { name: 'Criterion 1', exact: true }).click();
  await devDraft.getByRole('textbox', { name: 'Criterion 1', exact: true }).press('End');
  await devDraft.getByRole('textbox', { name: 'Criterion 1', exact: true }).pressSequentially(' (UTC)');
  await expect(poDraft.getByRole('textbox', { name: 'Criterion 1', exact: true })).toHaveValue(
    'Dates are ISO 8601 (UTC)',
  );
  // A viewer follows the draft live but cannot change it.
  await openBoard(viewer.page, links.view, 'view');
  const viewerPanel = await openStory(viewer.page, 'Export to CSV');
  const viewerDraft = viewerPanel.getByRole('region', { name: 'Formal story' });
  await expect(viewerDraft.getByTestId('draft-criterion')).toHaveCount(3);
  await expect(viewerDraft).toContainText('Dates are ISO 8601 (UTC)');
  await expect(viewerDraft.getByRole('textbox')).toHaveCount(0);
  await expect(viewerDraft.getByRole('button')).toHaveCount(0);

  // Decisions come from the discussion and are shown with the draft, not edited in it.
  await expect(poDraft.getByTestId('draft-extras')).toContainText('Semicolons for EU locales');
  await poDraft.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(poDraft).toContainText('Published as version 1.');

  // Everyone sees it promoted; the draft is closed; the developer opens the formal story page.
  await expect(storyCard(dev.page, 'Export to CSV').getByTestId('promoted')).toHaveText('Formal v1');
  await expect(devDraft.getByTestId('draft-editor')).toHaveCount(0);
  await devDraft.getByTestId('formal-link').click();
  await expect(dev.page).toHaveURL(/\/stories\/[^/#]+#k=/);
  await expect(dev.page.getByRole('heading', { level: 1 })).toHaveText('Export to CSV');
  await expect(dev.page.getByTestId('latest-narrative')).toHaveText(
    'As a user, I want to export to CSV, so that POs save an hour a sprint. Also for Numbers.',
  );
  const v1 = dev.page.getByTestId('version').filter({ hasText: 'Version 1' });
  await expect(v1.getByRole('list').first().getByRole('listitem')).toHaveText([
    'Dates are ISO 8601 (UTC)',
    'Opens in Excel',
    'UTF-8 with BOM',
  ]);
  await expect(v1.getByTestId('snapshot-note')).toHaveText([/Opens in Excel/, /Semicolons for EU locales/]);
  await expect(v1).toContainText('Decisions');

  // A viewer may read the formal story too, and gets back to the board with the same key.
  await viewer.page.goto(
    links.view.replace('#', `/stories/${new URL(dev.page.url()).pathname.split('/').pop()}#`),
  );
  await expect(viewer.page.getByTestId('latest-narrative')).toContainText('Also for Numbers.');
  await viewer.page.getByTestId('back-to-board').click();
  await expect(viewer.page.getByTestId('view-only')).toBeVisible();
});
