import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, postNote } from './helpers';

test('owner replaces the team link while a developer is on the board: they get a clear screen, the new link works', async ({
  po,
  dev,
  remoteDev,
  createBoard,
}) => {
  const { links } = await createBoard('Rotation');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);

  await po.page.getByRole('button', { name: 'Share' }).click();
  const share = po.page.getByRole('region', { name: 'Share this board' });
  await expect(
    share.getByTestId('share-qr').getByRole('img', { name: 'QR code of the team link' }),
  ).toHaveAttribute('src', /^data:image\/png;base64,/);
  // The irreversible action looks like one: red text, not the grey of other ghost buttons. The
  // computed colour (oklch, lab… whatever the browser serialises) is painted once to read it as sRGB.
  const [r, g, b] = await share.getByRole('button', { name: 'Delete board…' }).evaluate((el) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.fillStyle = getComputedStyle(el).color;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  });
  expect(r! - Math.max(g!, b!), `rgb(${r}, ${g}, ${b})`).toBeGreaterThan(60);
  await share.getByRole('button', { name: 'Replace team link' }).click();
  await share.getByRole('button', { name: 'Yes, replace the team link' }).click();
  const teamInput = share.getByLabel('Team link', { exact: true });
  await expect(teamInput).not.toHaveValue(links.team);
  const newTeam = await teamInput.inputValue();
  expect(newTeam).toMatch(/#k=[A-Za-z0-9_-]{22,}$/);

  // The developer on the old link is told, at once, not left with a spinner.
  await expect(dev.page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  // The old link stays dead on reload; the new one works.
  await remoteDev.page.goto(links.team);
  await expect(remoteDev.page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await openBoard(remoteDev.page, newTeam);
});

test('owner restores a deleted note from Trash, seeing who deleted it; everyone gets it back', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Trash');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(po.page, 'Gift cards', 'Holiday revenue');
  const devPanel = await openStory(dev.page, 'Gift cards');
  await postNote(dev.page, 'Do gift cards expire?', 'Question');
  const note = devPanel.getByTestId('note').filter({ hasText: 'Do gift cards expire?' });
  await note.getByRole('button', { name: 'Delete note' }).click();
  await note.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(devPanel.getByTestId('note').filter({ hasText: 'Do gift cards expire?' })).toHaveCount(0);

  await po.page.getByRole('button', { name: 'Trash' }).click();
  const trash = po.page.getByRole('region', { name: 'Trash' });
  const item = trash.getByRole('listitem').filter({ hasText: 'Do gift cards expire?' });
  await expect(item).toContainText('Deleted by Dev Dana');
  await expect(item).toContainText('On “Gift cards”');
  await item.getByRole('button', { name: /^Restore note/ }).click();
  await expect(trash.getByText('Nothing has been deleted.')).toBeVisible();
  await expect(devPanel.getByTestId('note').filter({ hasText: 'Do gift cards expire?' })).toBeVisible();

  // The view link never sees the Trash control.
  await dev.page.goto(links.view);
  await expect(dev.page.getByRole('button', { name: 'Trash' })).toHaveCount(0);
});
