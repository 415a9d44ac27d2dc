import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

// Journeys 1–3: create and share, post shell stories, discuss live.
test('PO creates a board, shares it, and discusses a story live with a developer', async ({
  po,
  dev,
  remoteDev,
}) => {
  const { page } = po;
  await page.goto('/');
  await page.getByLabel('Board title').fill('Checkout refinement');
  await page.getByRole('button', { name: 'Create board' }).click();
  await expect(page).toHaveURL(/\/b\/[\w-]+#k=[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout refinement');
  await expect(page.getByTestId('connection-status')).toHaveText('Connected · Saved');

  // The owner lands with the three links, each with a copy button.
  const share = page.getByRole('region', { name: 'Share this board' });
  for (const label of ['Team link', 'View link', 'Owner link']) {
    await expect(share.getByLabel(label, { exact: true })).toHaveValue(/\/b\/[\w-]+#k=[\w-]+$/);
    await expect(share.getByRole('button', { name: `Copy ${label.toLowerCase()}` })).toBeVisible();
  }
  await share.getByRole('button', { name: 'Copy team link' }).click();
  await expect(share.getByRole('button', { name: 'Copy team link' })).toHaveText(/Copied/);
  const teamLink = await share.getByLabel('Team link', { exact: true }).inputValue();
  expect(await share.getByLabel('Owner link', { exact: true }).inputValue()).toBe(page.url());

  // A developer joins with the team link: no share panel for them.
  await openBoard(dev.page, teamLink);
  await expect(dev.page.getByRole('button', { name: 'Share' })).toHaveCount(0);

  // Presence shows both people on both screens.
  for (const p of [page, dev.page]) {
    await expect(p.getByTestId('presence-bar')).toHaveAttribute('aria-label', /Paula Owner/);
    await expect(p.getByTestId('presence-bar')).toHaveAttribute('aria-label', /Dev Dana/);
  }

  // The PO posts a shell story with a why; the developer sees it appear.
  await addStory(
    page,
    'Reorder a past delivery',
    'Repeat buyers drop off at checkout; reorders should take one tap.',
  );
  await expect(storyCard(dev.page, 'Reorder a past delivery')).toContainText('Repeat buyers drop off');

  // The PO opens the story; the developer opens it too and starts typing a question.
  await openStory(page, 'Reorder a past delivery');
  await openStory(dev.page, 'Reorder a past delivery');
  await expect(dev.page).toHaveURL(/\?story=[\w-]+#k=/);
  await dev.page.getByLabel('Add a note').fill('Which payment methods');
  await expect(page.getByTestId('story-panel')).toContainText('Dev Dana is typing…');
  await dev.page.getByLabel('Add a note').fill('');
  await postNote(dev.page, 'Which payment methods must reorder support?', 'Question');

  // The PO sees the note live, with the developer's name, as an open question.
  const note = page.getByTestId('note').filter({ hasText: 'Which payment methods must reorder support?' });
  await expect(note).toBeVisible();
  await expect(note).toContainText('Dev Dana');
  await expect(note).toContainText('just now');
  await expect(note).toContainText('Question');

  // A remote developer joining late gets the whole discussion and the counts.
  await openBoard(remoteDev.page, teamLink);
  const remoteCard = storyCard(remoteDev.page, 'Reorder a past delivery');
  await expect(remoteCard.getByTestId('open-questions')).toHaveText('1 open question');
  await expect(page.getByTestId('presence-bar')).toHaveAttribute('aria-label', /Remy Remote/);

  const card = storyCard(page, 'Reorder a past delivery');
  await expect(card.getByTestId('note-count')).toHaveText('1 note');
  await expect(card.getByTestId('open-questions')).toHaveText('1 open question');
  await expect(card.getByTestId('story-people')).toHaveAttribute('aria-label', /Dev Dana/);

  // A story without a why is flagged, and coverage counts it.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('story-panel')).toHaveCount(0);
  await addStory(page, 'Export invoices as PDF');
  await expect(storyCard(page, 'Export invoices as PDF').getByTestId('why-missing')).toHaveText(
    'Why missing',
  );
  await expect(storyCard(page, 'Reorder a past delivery').getByTestId('why-missing')).toHaveCount(0);
  for (const p of [page, dev.page])
    await expect(p.getByTestId('why-coverage')).toHaveText('1/2 stories have a why');

  // Someone adds the missing why from the story panel; the flag and coverage update everywhere.
  await openStory(dev.page, 'Export invoices as PDF');
  await dev.page
    .getByLabel('Why it matters', { exact: true })
    .fill('Accounting re-types every invoice by hand.');
  for (const p of [page, dev.page])
    await expect(p.getByTestId('why-coverage')).toHaveText('2/2 stories have a why');
  await expect(page.getByTestId('connection-status')).toHaveText('Connected · Saved');
});

test('first visit asks for a display name and remembers it', async ({ newcomer, createBoard }) => {
  const { links } = await createBoard('Name prompt');
  const { page } = newcomer;
  await page.goto(links.team);
  const dialog = page.getByRole('dialog', { name: 'What should the team call you?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape'); // cannot be dismissed without a name
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Display name').fill('Nina New');
  await dialog.getByRole('button', { name: 'Join board' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('presence-bar')).toHaveAttribute('aria-label', /Nina New \(you\)/);
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected · Saved');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('presence-bar')).toHaveAttribute('aria-label', /Nina New/);
});

test('keyboard: n starts a new story, Escape closes the story panel', async ({ po, createBoard }) => {
  const { links } = await createBoard('Keys');
  const { page } = po;
  await openBoard(page, links.owner);
  await page.keyboard.press('n');
  const form = page.getByRole('form', { name: 'New shell story' });
  await expect(form.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Keyboard story');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Because hands stay on the keys.');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(storyCard(page, 'Keyboard story')).toBeVisible();
  await openStory(page, 'Keyboard story');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('story-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/story=/);
  await expect(page).toHaveURL(/#k=/);
});
