import { test, expect } from './fixtures';
import { seriousViolations } from './axe';
import { openBoard, openStory, storyCard } from './helpers';

// A real Redmine (scripts/redmine/start.sh writes /tmp/shellboard-redmine.env; scripts/e2e.mjs lets
// the server reach its loopback address). Without one, outside CI, this file says why it skips.
const redmine = {
  url: process.env.TEST_REDMINE_URL,
  key: process.env.TEST_REDMINE_KEY,
  project: process.env.TEST_REDMINE_PROJECT,
};
const missing = !redmine.url || !redmine.key || !redmine.project;
const SKIP_REASON =
  'TEST_REDMINE_URL/KEY/PROJECT are not set: start Redmine with `bash scripts/redmine/start.sh` and ' +
  '`source /tmp/shellboard-redmine.env` to run the tracker journey';
if (missing && !process.env.CI) console.log(`[e2e] tracker.spec.ts skipped: ${SKIP_REASON}`);

/** Changes an issue through Redmine's own REST API, as someone working in Redmine would. */
async function editInRedmine(issueId: string, issue: Record<string, unknown>) {
  const res = await fetch(`${redmine.url}/issues/${issueId}.json`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-Redmine-API-Key': redmine.key! },
    body: JSON.stringify({ issue }),
  });
  expect(res.status, await res.text()).toBe(204);
}

test('the Tracker section: owner only, hints per kind, labelled fields, no serious axe violations', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Tracker form');
  await openBoard(po.page, links.owner);
  await po.page.getByRole('button', { name: 'Share' }).click();
  const section = po.page.getByTestId('tracker-section');
  await expect(section.getByRole('heading', { name: 'Tracker' })).toBeVisible();
  const kind = section.getByLabel('Tracker', { exact: true });
  await expect(kind).toHaveValue('jira');
  await expect(section.getByLabel('Project key')).toBeVisible();
  await expect(section.getByLabel('API token')).toHaveAttribute('type', 'password');
  await expect(section).toContainText('email:apiToken');
  await kind.selectOption('github');
  await expect(section.getByLabel('Repository')).toHaveAttribute('placeholder', 'owner/repo');
  await expect(section).toContainText('"estimate: 5"');
  await expect(section.getByLabel('Estimate field (optional)')).toHaveCount(0);
  await kind.selectOption('gitlab');
  await expect(section).toContainText('weight');
  await kind.selectOption('redmine');
  await expect(section.getByLabel('Project identifier')).toBeVisible();
  await expect(section.getByLabel('Estimate field (optional)')).toHaveAttribute(
    'placeholder',
    'estimated_hours',
  );
  expect(await seriousViolations(po.page)).toEqual([]);

  // The team link has no share panel and no tracker controls; nothing is connected, so no badge.
  await openBoard(dev.page, links.team);
  await expect(dev.page.getByTestId('tracker-section')).toHaveCount(0);
  await expect(dev.page.getByTestId('tracker-badge')).toHaveCount(0);
});

test('the owner connects Redmine, pushes a formal story, sees its issue on the card, and takes back the estimate changed in Redmine', async ({
  po,
  createBoard,
  request,
}) => {
  // Needs a running Redmine (bash scripts/redmine/start.sh); a developer without one sees why it
  // skipped. CI always has it, and the assertion below fails there if it does not.
  test.skip(missing && !process.env.CI, SKIP_REASON);
  test.setTimeout(180_000);
  expect(missing, 'CI must provide TEST_REDMINE_*').toBe(false);
  const { id, links } = await createBoard('Tracker journey');
  const ownerKey = new URL(links.owner).hash.replace(/^#k=/, '');
  // A story with an estimate of 5, as a Jira CSV import brings it.
  const imported = await request.post(`/api/boards/${id}/import`, {
    headers: { Authorization: `Bearer ${ownerKey}` },
    data: {
      format: 'jira-csv',
      content: 'Summary,Description,Story Points\nRefund a payment,Support stops doing it by hand,5\n',
      commit: true,
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);

  const page = po.page;
  await openBoard(page, links.owner);
  await expect(storyCard(page, 'Refund a payment').getByTestId('estimate')).toHaveText(/5/);

  // Connect Redmine in the share panel: Test & save checks the key and the project first.
  await page.getByRole('button', { name: 'Share' }).click();
  const section = page.getByTestId('tracker-section');
  await section.getByLabel('Tracker', { exact: true }).selectOption('redmine');
  await section.getByLabel('Address').fill(redmine.url!);
  await section.getByLabel('Project identifier').fill(redmine.project!);
  await section.getByLabel('API key').fill('not-the-key');
  await section.getByRole('button', { name: 'Test & save' }).click();
  // A wrong key: Redmine's answer, on the key's field, and nothing saved.
  await expect(section.locator('[data-field="token"]')).toContainText('401');
  await expect(section.getByTestId('tracker-connected')).toHaveCount(0);
  await section.getByLabel('API key').fill(redmine.key!);
  await section.getByLabel('Estimate field (optional)').fill('estimated_hours');
  await section.getByRole('button', { name: 'Test & save' }).click();
  const connected = section.getByTestId('tracker-connected');
  await expect(connected).toContainText('Redmine');
  await expect(connected).toContainText(redmine.project!);
  await expect(connected).toContainText('Token saved');
  await expect(connected).not.toContainText(redmine.key!);
  await page.getByRole('button', { name: 'Close share panel' }).click();

  // Publish, then push from the story panel.
  const panel = await openStory(page, 'Refund a payment');
  const formal = panel.getByRole('region', { name: 'Formal story' });
  await formal.getByRole('button', { name: 'Promote' }).click();
  await formal.getByRole('button', { name: 'Publish', exact: true }).click();
  const anyway = formal.getByRole('button', { name: 'Publish anyway' });
  if (await anyway.isVisible().catch(() => false)) await anyway.click();
  await expect(formal).toContainText('Published as version 1.');

  const tracker = panel.getByTestId('story-tracker');
  await tracker.getByRole('button', { name: 'Push to Redmine' }).click();
  await expect(tracker.getByTestId('push-result')).toHaveText(/Pushed version 1 to Redmine as #\d+\./);
  const key = (await tracker.getByTestId('issue-key').first().innerText()).split(/\s/)[0]!;
  const issueId = key.replace('#', '');
  await expect(tracker.getByRole('button', { name: 'Push again' })).toBeDisabled();
  await expect(tracker).toContainText('Version 1 is already in Redmine.');

  // The card: the issue key as a link into Redmine, and Redmine's status.
  const card = storyCard(page, 'Refund a payment');
  const link = card.getByTestId('issue-key');
  await expect(link).toContainText(key);
  await expect(link).toHaveAttribute('href', `${redmine.url}/issues/${issueId}`);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(card.getByTestId('issue-status')).toContainText('New');

  // Opened afresh (no story panel, so no story read): the push summary alone carries the status.
  await openBoard(page, links.owner);
  const reloaded = storyCard(page, 'Refund a payment');
  await expect(reloaded.getByTestId('issue-key')).toContainText(key);
  await expect(reloaded.getByTestId('issue-status')).toContainText('New');

  // The formal stories page and the story's own page show the same issue: key as a link, status.
  await page.goto(`/b/${id}/stories#k=${ownerKey}`);
  const listed = page.getByTestId('formal-story').filter({ hasText: 'Refund a payment' });
  const listedLink = listed.getByTestId('story-issue').getByTestId('issue-key');
  await expect(listedLink).toContainText(key);
  await expect(listedLink).toHaveAttribute('href', `${redmine.url}/issues/${issueId}`);
  await expect(listedLink).toHaveAttribute('target', '_blank');
  await expect(listed.getByTestId('story-issue').getByTestId('issue-status')).toContainText('New');
  await listed.getByRole('link', { name: 'Refund a payment' }).click();
  const storyIssue = page.getByTestId('story-issue');
  await expect(storyIssue.getByTestId('issue-key')).toContainText(key);
  await expect(storyIssue.getByTestId('issue-status')).toContainText('New');
  expect(await seriousViolations(page)).toEqual([]);

  // Back on the board, the story panel again.
  await openBoard(page, links.owner);
  // (the card holds two links now: the story's and the issue's)
  await storyCard(page, 'Refund a payment')
    .getByRole('link', { name: /^Refund a payment/ })
    .click();
  const panelAgain = page.getByTestId('story-panel');
  await expect(panelAgain).toBeVisible();
  const trackerAgain = panelAgain.getByTestId('story-tracker');
  await expect(trackerAgain.getByTestId('issue-key').first()).toContainText(key);

  // Someone re-estimates in Redmine; the board shows the drift (tracker reads are cached briefly).
  await editInRedmine(issueId, { estimated_hours: 8 });
  await expect(trackerAgain.getByTestId('drift')).toContainText('Estimate changed in Redmine: 8 (ours 5)', {
    timeout: 75_000,
  });
  await trackerAgain.getByRole('button', { name: 'Take the tracker’s estimate' }).click();
  await expect(reloaded.getByTestId('estimate')).toHaveText(/8/);
  await expect(trackerAgain.getByTestId('push-result')).toContainText('The board’s estimate is now 8');
});
