import { expect, type Page } from '@playwright/test';

/** Opens a board link and waits until the live document has synced. */
export async function openBoard(page: Page, link: string, role: 'edit' | 'view' = 'edit') {
  await page.goto(link);
  await expect(page.getByTestId('connection-status')).toHaveText(
    role === 'view' ? 'Connected · Live' : 'Connected · Saved',
  );
}

export async function addStory(page: Page, title: string, why = '') {
  await page.getByRole('button', { name: /New story/ }).click();
  const form = page.getByRole('form', { name: 'New shell story' });
  await form.getByLabel('Title').fill(title);
  if (why) await form.getByLabel('Why it matters').fill(why);
  await form.getByRole('button', { name: 'Add story' }).click();
  await expect(storyCard(page, title)).toBeVisible();
}

export function storyCard(page: Page, title: string) {
  return page.getByTestId('story-card').filter({ hasText: title });
}

export async function openStory(page: Page, title: string) {
  await storyCard(page, title).getByRole('link').click();
  const panel = page.getByTestId('story-panel');
  await expect(panel).toBeVisible();
  return panel;
}

export async function postNote(page: Page, text: string, kind = 'Question') {
  const panel = page.getByTestId('story-panel');
  // The radios are visually hidden inside their labels, as a person sees them: click the label.
  await panel.getByRole('group', { name: 'Kind of note' }).getByText(kind, { exact: true }).click();
  await expect(panel.getByRole('radio', { name: kind })).toBeChecked();
  await panel.getByLabel('Add a note').fill(text);
  await panel.getByRole('button', { name: 'Post note' }).click();
  await expect(panel.getByTestId('note').filter({ hasText: text })).toBeVisible();
}

/**
 * One arrow step of a keyboard drag, heard in the live region. dnd-kit starts listening for arrows a
 * timer tick after the pick-up (and may scroll first near the edge of the viewport), so a step that
 * changed nothing after a second is pressed again — what a person who heard nothing would do.
 */
export async function dragStep(page: Page, key: string, heard: string) {
  const live = page.locator('[id^="DndLiveRegion"]');
  const before = await live.textContent();
  await page.keyboard.press(key);
  let tries = 0;
  await expect(async () => {
    if (tries++ > 0 && (await live.textContent()) === before) await page.keyboard.press(key);
    await expect(live).toHaveText(heard, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}
