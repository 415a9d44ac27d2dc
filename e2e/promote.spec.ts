import fs from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

test('PO publishes a discussed story (confirming its open question); everyone sees it promoted; the Jira CSV from the UI parses', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Promotion');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(po.page, 'Pay with Apple Pay', 'Fewer drop-offs at checkout');
  await openStory(dev.page, 'Pay with Apple Pay');
  await postNote(dev.page, 'Works on Safari and iOS, "quoted", with commas', 'Criterion');
  await postNote(dev.page, 'Do we need a new PSP?', 'Question');

  const panel = await openStory(po.page, 'Pay with Apple Pay');
  const formal = panel.getByRole('region', { name: 'Formal story' });
  await formal.getByRole('button', { name: 'Promote' }).click();
  await expect(formal.getByLabel('Narrative')).toHaveValue(
    'As a user, I want to pay with Apple Pay, so that fewer drop-offs at checkout.',
  );
  await expect(formal.getByTestId('draft-warnings')).toContainText('Open question: Do we need a new PSP?');
  await formal.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(formal.getByRole('alert')).toContainText('Open question: Do we need a new PSP?');
  await formal.getByRole('button', { name: 'Publish anyway' }).click();
  await expect(formal).toContainText('Published as version 1.');
  await expect(formal.getByTestId('draft-editor')).toHaveCount(0);
  await expect(formal.getByTestId('formal-link')).toHaveText('Formal v1 — view formal story');
  await expect(storyCard(dev.page, 'Pay with Apple Pay').getByTestId('promoted')).toHaveText('Formal v1');
  await expect(storyCard(dev.page, 'Pay with Apple Pay')).toContainText('Promoted');

  // Any role can export; the developer downloads the Jira CSV.
  await dev.page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    dev.page.waitForEvent('download'),
    dev.page.getByRole('button', { name: 'Formal stories · Jira CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('promotion-stories-jira.csv');
  const rows = parse(await fs.readFile(await download.path(), 'utf8')) as string[][];
  expect(rows[0]).toEqual([
    'Summary',
    'Issue Type',
    'Description',
    'Acceptance Criteria',
    'Story Points',
    // one label per repeated Labels column, as Jira's importer reads them
    'Labels',
    'Labels',
  ]);
  expect(rows[1]).toEqual([
    'Pay with Apple Pay',
    'Story',
    'As a user, I want to pay with Apple Pay, so that fewer drop-offs at checkout.',
    '* Works on Safari and iOS, "quoted", with commas',
    '',
    'criterion',
    'question',
  ]);
});
