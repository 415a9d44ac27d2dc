import { test, expect } from './fixtures';
import { seriousViolations } from './axe';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

const keyOf = (link: string) => new URL(link).hash.replace('#k=', '');

test('board, present and formal stories pages: no serious or critical axe violations, light and dark', async ({
  po,
  createBoard,
  request,
}) => {
  const { id, links } = await createBoard('Accessible board');
  const { page } = po;
  await openBoard(page, links.owner);
  await addStory(page, 'Pay by card', 'Fewer abandoned carts.');
  await addStory(page, 'No why yet');
  await openStory(page, 'Pay by card');
  await postNote(page, 'Which card brands?', 'Question');
  await postNote(page, 'Receipt is emailed', 'Criterion');

  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape'); // leave the note field
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  // Dark mode follows the system by default.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);

  // Present mode (the TV).
  await page.goto(links.owner.replace('#', '/present#'));
  await expect(page.getByRole('heading', { level: 1, name: 'Accessible board' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The formal stories page, with one published story.
  await page.goto(links.owner);
  const storyId = await storyCard(page, 'Pay by card').getAttribute('data-story-id');
  const res = await request.post(`/api/boards/${id}/stories/${storyId}/publish`, {
    headers: { Authorization: `Bearer ${keyOf(links.owner)}` },
  });
  expect(res.status(), await res.text()).toBe(201);
  await page.goto(links.owner.replace('#', '/stories#'));
  await expect(page.getByTestId('formal-story')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('theme: follows the system, can be pinned to light or dark, is remembered and applied under the CSP', async ({
  po,
  createBoard,
}) => {
  const { links } = await createBoard('Themes');
  const { page } = po;
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openBoard(page, links.owner);
  const html = page.locator('html');
  await expect(html).toHaveClass(/\bdark\b/);
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'true');

  await theme.getByRole('button', { name: 'Light' }).click();
  await expect(html).not.toHaveClass(/\bdark\b/);
  await expect(theme.getByRole('button', { name: 'Light' })).toHaveAttribute('aria-pressed', 'true');
  // Remembered, and in place before any app code runs: the inline head script sets it.
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
  await openBoard(page, links.owner);
  await expect(html).not.toHaveClass(/\bdark\b/);

  await page.emulateMedia({ colorScheme: 'light' });
  await theme.getByRole('button', { name: 'Dark' }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  await theme.getByRole('button', { name: 'System' }).click();
  await expect(html).not.toHaveClass(/\bdark\b/);
  expect(cspErrors).toEqual([]);
});

test("other people's new notes are announced politely to screen readers", async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Announcements');
  await openBoard(po.page, links.owner);
  await addStory(po.page, 'Checkout');
  await openBoard(dev.page, links.team);
  const region = dev.page.getByTestId('note-announcer');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(region).toHaveText('');

  await openStory(po.page, 'Checkout');
  await postNote(po.page, 'Is SSO in scope?', 'Question');
  await expect(region).toHaveText("New question from Paula Owner on 'Checkout'");
  // One's own notes are not announced back to oneself.
  await expect(po.page.getByTestId('note-announcer')).toHaveText('');
});
