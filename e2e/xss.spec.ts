import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

const PAYLOAD = '<img src=x onerror=alert(1)>';

test('user text is shown as text, never run as HTML', async ({ po, dev, createBoard }) => {
  const { links } = await createBoard(`<script>alert(2)</script> board`);
  const dialogs: string[] = [];
  for (const p of [po.page, dev.page])
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await expect(po.page.getByRole('heading', { level: 1 })).toHaveText('<script>alert(2)</script> board');

  await addStory(po.page, `${PAYLOAD} story`, `<b>bold?</b> ${PAYLOAD}`);
  await openStory(po.page, `${PAYLOAD} story`);
  await postNote(po.page, PAYLOAD, 'Risk');

  // The other person receives the same text over the wire and must render it as text too.
  await expect(storyCard(dev.page, `${PAYLOAD} story`)).toContainText('<b>bold?</b>');
  const panel = await openStory(dev.page, `${PAYLOAD} story`);
  await expect(panel.getByTestId('note').getByText(PAYLOAD, { exact: true })).toBeVisible();

  for (const p of [po.page, dev.page]) {
    await expect(p.locator('img')).toHaveCount(0);
    await expect(p.locator('b', { hasText: 'bold?' })).toHaveCount(0);
  }
  // Give any injected handler a moment to fire before asserting none did.
  await po.page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});
