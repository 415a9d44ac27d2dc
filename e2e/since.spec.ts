import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

test('a returning person sees what changed since their last visit until they have looked', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Since you left');
  await openBoard(po.page, links.owner);
  await addStory(po.page, 'Alpha', 'First.');
  await addStory(po.page, 'Beta', 'Second.');

  // First visit: nothing is "new" to someone who has never been here.
  await openBoard(dev.page, links.team);
  await expect(storyCard(dev.page, 'Beta')).toBeVisible();
  await expect(dev.page.getByTestId('since-bar')).toHaveCount(0);
  await expect(dev.page.getByTestId('since-mark')).toHaveCount(0);
  await dev.page.close();

  // While the developer is away: a question on Alpha, Beta moves on, a new story.
  await openStory(po.page, 'Alpha');
  await postNote(po.page, 'Is SSO in scope?', 'Question');
  await openStory(po.page, 'Beta');
  await po.page.getByTestId('story-panel').getByLabel('Status').selectOption({ label: 'Ready' });
  await addStory(po.page, 'Gamma');
  await expect(po.page.getByTestId('connection-status')).toHaveText('Connected · Saved');

  const page = await dev.context.newPage();
  await openBoard(page, links.team);
  const bar = page.getByRole('region', { name: 'Since you left' });
  // (A first note moves a shell story to refining: Alpha changed status too.)
  await expect(bar).toContainText('Since you left: 1 new story, 1 note, 2 status changes.');
  await expect(storyCard(page, 'Alpha').getByTestId('since-mark')).toContainText('Updated');
  await expect(storyCard(page, 'Alpha').getByTestId('since-mark')).toContainText(
    'status changed, 1 new note',
  );
  await expect(storyCard(page, 'Beta').getByTestId('since-mark')).toContainText('status changed');
  await expect(storyCard(page, 'Gamma').getByTestId('since-mark')).toContainText('New');

  // Opening a story is looking at it: its mark clears; the new note is marked inside.
  const panel = await openStory(page, 'Alpha');
  await expect(storyCard(page, 'Alpha').getByTestId('since-mark')).toHaveCount(0);
  await expect(
    panel.getByTestId('note').filter({ hasText: 'Is SSO in scope?' }).getByTestId('since-note'),
  ).toBeVisible();
  await expect(storyCard(page, 'Beta').getByTestId('since-mark')).toBeVisible();

  // What has not been looked at stays marked on the next visit; what has, does not.
  await page.goto(links.team);
  await expect(page.getByTestId('connection-status')).toHaveText('Connected · Saved');
  await expect(bar).toContainText('Since you left: 1 new story, 1 status change.');
  await expect(storyCard(page, 'Alpha').getByTestId('since-mark')).toHaveCount(0);
  await expect(storyCard(page, 'Beta').getByTestId('since-mark')).toBeVisible();

  // "Mark all as seen" clears everything, for good.
  await bar.getByRole('button', { name: 'Mark all as seen' }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('since-mark')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected · Saved');
  await expect(storyCard(page, 'Gamma')).toBeVisible();
  await expect(page.getByTestId('since-mark')).toHaveCount(0);
  await expect(bar).toHaveCount(0);
});
