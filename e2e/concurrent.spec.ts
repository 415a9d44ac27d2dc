import { test, expect } from './fixtures';
import { addStory, openBoard, openStory } from './helpers';

test('two people typing into the same title at once lose no characters', async ({ po, dev, createBoard }) => {
  const { links } = await createBoard('Concurrent typing');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(po.page, 'Base', 'So both can type.');
  const poTitle = (await openStory(po.page, 'Base')).getByLabel('Story title');
  const devTitle = (await openStory(dev.page, 'Base')).getByLabel('Story title');

  // One types at the start, the other at the end, at the same time. Each caret must stay where
  // its owner put it while the other's keystrokes arrive, so the result is exact.
  await devTitle.click();
  await devTitle.press('Home');
  await poTitle.click();
  await poTitle.press('End');
  await Promise.all([
    devTitle.pressSequentially('bbbbbbbbbbbb', { delay: 25 }),
    poTitle.pressSequentially('AAAAAAAAAAAA', { delay: 25 }),
  ]);
  const expected = 'bbbbbbbbbbbbBaseAAAAAAAAAAAA';
  await expect(poTitle).toHaveValue(expected);
  await expect(devTitle).toHaveValue(expected);

  // Now both type at the very same spot (the end): every character survives, replicas agree.
  await devTitle.press('End');
  await poTitle.press('End');
  await Promise.all([
    devTitle.pressSequentially('yyyyyyyyyy', { delay: 15 }),
    poTitle.pressSequentially('XXXXXXXXXX', { delay: 15 }),
  ]);
  await expect
    .poll(async () => {
      const [a, b] = [await poTitle.inputValue(), await devTitle.inputValue()];
      return a === b ? a : `diverged: ${a} | ${b}`;
    })
    .toMatch(/^bbbbbbbbbbbbBaseAAAAAAAAAAAA[Xy]{20}$/);
  const final = await poTitle.inputValue();
  expect(final.split('X').length - 1).toBe(10);
  expect(final.split('y').length - 1).toBe(10);

  // And the board (a reload reads it back from the server) agrees.
  await expect(po.page.getByTestId('connection-status')).toHaveText('Connected · Saved');
  await expect(dev.page.getByTestId('connection-status')).toHaveText('Connected · Saved');
  await dev.page.reload();
  await expect(dev.page.getByTestId('story-panel').getByLabel('Story title')).toHaveValue(final);
});
