import { test, expect } from './fixtures';
import { addStory, openBoard, storyCard } from './helpers';

test('a repeat visit shows the board from this browser’s copy at once and says so until the server answers', async ({
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Repeat visit');
  await openBoard(dev.page, links.team);
  await addStory(dev.page, 'Kept in this browser');
  await expect(dev.page.getByTestId('connection-status')).toHaveText('Connected · Saved');

  // Hold the next sync socket open without a server behind it: the board can only come from the copy.
  let hold = true;
  const held: { close: (o: { code: number; reason: string }) => Promise<void> }[] = [];
  await dev.page.routeWebSocket(/\/sync\//, (ws) => {
    if (hold) held.push(ws);
    else ws.connectToServer(); // proxied to the real server, messages pass through untouched
  });
  // …and hold the API's answer about the link too: the remembered answer opens the board meanwhile.
  let answerApi: () => void = () => undefined;
  const apiHeld = new Promise<void>((resolve) => (answerApi = resolve));
  await dev.page.route(/\/api\/boards\/[^/]+$/, async (route) => {
    await apiHeld;
    await route.continue();
  });
  await dev.page.reload();
  await expect(storyCard(dev.page, 'Kept in this browser')).toBeVisible();
  answerApi();
  await expect(dev.page.getByTestId('connection-status')).toHaveText(/^Saved copy · (Connecting|Syncing)…$/);

  // With the server reachable again the status says what the server confirmed.
  hold = false;
  // 4500 is the server's "restarting, retry" code: the client reconnects, this time to the server.
  for (const ws of held) await ws.close({ code: 4500, reason: 'test over' });
  await expect(dev.page.getByTestId('connection-status')).toHaveText('Connected · Saved', {
    timeout: 20_000,
  });
  await expect(storyCard(dev.page, 'Kept in this browser')).toBeVisible();
});
