import { test, expect } from './fixtures';

test('a wrong key shows a clear "link no longer works" screen, not a spinner', async ({
  dev,
  createBoard,
}) => {
  const { id } = await createBoard('Locked');
  const { page } = dev;
  await page.goto(`/b/${id}#k=${'x'.repeat(32)}`);
  await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('ask the board');
  await expect(page.getByText('Opening board…')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Create a new board' })).toBeVisible();
});

test('an unknown board and a link without a key are explained too', async ({ dev }) => {
  const { page } = dev;
  await page.goto(`/b/nosuchboard123#k=${'y'.repeat(32)}`);
  await expect(page.getByRole('heading', { name: 'Board not found' })).toBeVisible();
  await page.goto('/b/nosuchboard123');
  await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('missing its key');
});
