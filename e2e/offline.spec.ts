import { test, expect } from './fixtures';
import { addStory, openBoard, storyCard } from './helpers';

test('the header says when we are offline and how many changes wait, then saves them', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Flaky wifi');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(dev.page, 'Before the drop', 'Seen by everyone.');

  await dev.context.setOffline(true);
  const status = dev.page.getByTestId('connection-status');
  await expect(status).toHaveText(/^Offline/);
  await addStory(dev.page, 'Written offline', 'Kept locally until the network is back.');
  await expect(status).toHaveText(/^Offline — \d+ changes? waiting$/);
  await expect(storyCard(po.page, 'Written offline')).toHaveCount(0);

  await dev.context.setOffline(false);
  await expect(status).toHaveText('Connected · Saved', { timeout: 20_000 });
  await expect(storyCard(po.page, 'Written offline')).toBeVisible();
});
