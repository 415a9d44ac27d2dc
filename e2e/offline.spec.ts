import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, storyCard } from './helpers';

/** Cuts the network once the board has loaded its split-out panels (as a real visit would have). */
async function goOffline(actor: { page: Page; context: { setOffline(offline: boolean): Promise<void> } }) {
  await expect(actor.page.locator('html[data-panels-loaded="true"]')).toHaveCount(1);
  await actor.context.setOffline(true);
}

test('the header says when we are offline and how many changes wait, then saves them', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Flaky wifi');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(dev.page, 'Before the drop', 'Seen by everyone.');

  await goOffline(dev);
  const status = dev.page.getByTestId('connection-status');
  await expect(status).toHaveText(/^Offline/);
  await addStory(dev.page, 'Written offline', 'Kept locally until the network is back.');
  await expect(status).toHaveText(/^Offline — \d+ changes? waiting$/);
  await expect(storyCard(po.page, 'Written offline')).toHaveCount(0);

  await dev.context.setOffline(false);
  await expect(status).toHaveText('Connected · Saved', { timeout: 20_000 });
  await expect(storyCard(po.page, 'Written offline')).toBeVisible();
});

/** Names of this origin's IndexedDB databases (the offline copies of boards). */
async function cachedBoards(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

/** How many updates the board's offline copy holds (y-indexeddb's `updates` store). */
async function cachedUpdates(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('updates', 'readonly').objectStore('updates').count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    name,
  );
}

/** Whether the offline app shell holds a page of this board. */
async function shellHasBoard(page: Page, id: string): Promise<boolean> {
  return page.evaluate(
    async (id) => (await (await caches.open('shellboard-shell-v1')).keys()).some((r) => r.url.includes(id)),
    id,
  );
}

function boardIdOf(link: string): string {
  return new URL(link).pathname.split('/').at(-1) ?? '';
}

test('both keep editing while one is offline; everything merges on reconnect and reaches the server', async ({
  po,
  dev,
  viewer,
  createBoard,
}) => {
  const { links } = await createBoard('Split brain');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(po.page, 'Shared story', 'Both edit this one.');
  await expect(storyCard(dev.page, 'Shared story')).toBeVisible();

  await goOffline(dev);
  const status = dev.page.getByTestId('connection-status');
  await expect(status).toHaveText(/^Offline/);

  // Each side edits: new stories on both, and the offline person renames the shared story.
  await addStory(dev.page, 'Dev story on the train');
  const devTitle = (await openStory(dev.page, 'Shared story')).getByLabel('Story title');
  await devTitle.click();
  await devTitle.press('End');
  await devTitle.pressSequentially(' (offline edit)');
  await addStory(po.page, 'PO story at the office');
  await expect(status).toHaveText(/^Offline — \d+ changes? waiting$/);
  await expect(storyCard(dev.page, 'PO story at the office')).toHaveCount(0);
  await expect(storyCard(po.page, 'Dev story on the train')).toHaveCount(0);

  await dev.context.setOffline(false);
  await expect(status).toHaveText('Connected · Saved', { timeout: 20_000 });
  for (const page of [po.page, dev.page]) {
    await expect(storyCard(page, 'Dev story on the train')).toBeVisible();
    await expect(storyCard(page, 'PO story at the office')).toBeVisible();
    await expect(storyCard(page, 'Shared story (offline edit)')).toBeVisible();
  }

  // A fresh browser, straight from the server, has all of it.
  await openBoard(viewer.page, links.view, 'view');
  await expect(storyCard(viewer.page, 'Dev story on the train')).toBeVisible();
  await expect(storyCard(viewer.page, 'PO story at the office')).toBeVisible();
  await expect(storyCard(viewer.page, 'Shared story (offline edit)')).toBeVisible();
});

test('edits made offline survive closing the tab; the view link never sends them, the team link does', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Closed laptop');
  const cache = `shellboard:board:${boardIdOf(links.team)}`;
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await expect.poll(() => cachedBoards(dev.page)).toContain(cache);
  const before = await cachedUpdates(dev.page, cache);

  await goOffline(dev);
  await expect(dev.page.getByTestId('connection-status')).toHaveText(/^Offline/);
  await addStory(dev.page, 'Only on this laptop', 'Written with no network.');
  // The change is in this browser's offline copy before the tab goes away.
  await expect.poll(() => cachedUpdates(dev.page, cache)).toBeGreaterThan(before);
  await dev.page.close();
  await dev.context.setOffline(false);

  // Opened read-only on the same browser, the board shows only what the server has and sends nothing.
  const viewTab = await dev.context.newPage();
  await openBoard(viewTab, links.view, 'view');
  await expect(viewTab.getByTestId('story-card')).toHaveCount(0);
  await expect(storyCard(po.page, 'Only on this laptop')).toHaveCount(0);
  await viewTab.close();

  // Back on the team link, the offline copy loads and is sent: the owner gets the story.
  const teamTab = await dev.context.newPage();
  await openBoard(teamTab, links.team);
  await expect(storyCard(teamTab, 'Only on this laptop')).toBeVisible();
  await expect(storyCard(po.page, 'Only on this laptop')).toBeVisible();
});

test('the offline copy is deleted when the board is deleted', async ({ po, dev, createBoard, request }) => {
  const { id, links } = await createBoard('Short-lived');
  const cache = `shellboard:board:${id}`;
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(dev.page, 'Cached story');
  await expect.poll(() => cachedBoards(dev.page)).toContain(cache);
  await expect.poll(() => shellHasBoard(dev.page, id)).toBe(true);

  const ownerKey = new URL(links.owner).hash.replace('#k=', '');
  const res = await request.delete(`/api/boards/${id}`, { headers: { Authorization: `Bearer ${ownerKey}` } });
  expect(res.ok(), await res.text()).toBe(true);
  await expect(dev.page.getByRole('heading', { name: 'Board not found' })).toBeVisible();
  await expect.poll(() => cachedBoards(dev.page)).not.toContain(cache);
  // …and so are its cached pages (the app shell for offline reloads).
  await expect.poll(() => shellHasBoard(dev.page, id)).toBe(false);
  expect(await dev.page.evaluate((id) => localStorage.getItem(`shellboard:info:${id}`), id)).toBeNull();
});

test('a reload with no network still shows the board and keeps what is edited, sent once back online', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Tunnel');
  await openBoard(po.page, links.owner);
  await addStory(po.page, 'Seen before the tunnel');
  await openBoard(dev.page, links.team);
  await expect(storyCard(dev.page, 'Seen before the tunnel')).toBeVisible();
  // The app shell is kept (service worker + cache) once the board has been opened.
  await expect
    .poll(() =>
      dev.page.evaluate(async () => {
        const page = await (await caches.open('shellboard-shell-v1')).match(location.pathname);
        return !!navigator.serviceWorker.controller && !!page;
      }),
    )
    .toBe(true);

  await goOffline(dev);
  await dev.page.reload();
  const status = dev.page.getByTestId('connection-status');
  await expect(status).toHaveText(/^Offline/);
  await expect(storyCard(dev.page, 'Seen before the tunnel')).toBeVisible();
  await addStory(dev.page, 'Written after an offline reload');
  await expect(status).toHaveText(/^Offline — \d+ changes? waiting$/);

  await dev.context.setOffline(false);
  await expect(status).toHaveText('Connected · Saved', { timeout: 20_000 });
  await expect(storyCard(po.page, 'Written after an offline reload')).toBeVisible();
});
