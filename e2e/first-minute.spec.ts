import type { Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { openBoard } from './helpers';

/**
 * A new person's first minute on a board, on a slow machine: the page's scripts arrive late, the
 * live session is not there yet. What they type must not be lost, and what they read must be true.
 */

test('the name prompt is only shown once it works; a name typed the moment it shows is taken with one Enter', async ({
  newcomer,
  createBoard,
}) => {
  const { links } = await createBoard('First minute');
  const { page } = newcomer;
  // Hold the page's scripts: the server HTML is all there is, and it must not offer a dead field.
  const held: Route[] = [];
  let holding = true;
  // Scripts only: a held stylesheet would also hold the HTML parser (it blocks inline scripts).
  const script = (u: URL) => u.pathname.startsWith('/_next/static/chunks/') && u.pathname.endsWith('.js');
  await page.route(script, (route) => {
    if (holding) held.push(route);
    else void route.continue();
  });
  await page.goto(links.team, { waitUntil: 'commit' });
  await expect(page.getByText('Opening board…')).toBeVisible();
  await expect(page.getByLabel('Display name')).toHaveCount(0);
  holding = false;
  for (const r of held.splice(0)) await r.continue();

  // The moment the prompt shows, typing goes into it (no click needed) and Enter joins.
  const field = page.getByLabel('Display name');
  await expect(field).toBeVisible();
  await page.keyboard.type('Paula (PO)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const bar = page.getByTestId('presence-bar');
  await expect(bar).toHaveAttribute('aria-label', /Paula \(PO\) \(you\)/);
  // Initials come from letters: "PP", not "P(".
  await expect(bar.getByRole('img', { name: 'Paula (PO)' })).toHaveText('PP');
});

test('the session dock says "Connecting…" until the session has failed or dropped, not "reconnecting"', async ({
  po,
  createBoard,
}) => {
  const { links } = await createBoard('Session wording');
  const { page } = po;
  // The session socket (socket.io) is held open but never answered: the first connection is pending.
  const sockets: { close: () => Promise<void> }[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => void sockets.push(ws));
  await openBoard(page, links.owner);
  const dock = page.getByTestId('session-dock');
  await expect(dock).toContainText('Connecting…');
  await expect(dock).not.toContainText('reconnecting');

  // The attempt fails (socket.io gives up on an unanswered handshake after its 20 s connect
  // timeout): now retrying is what happens, and the dock says so.
  await expect.poll(() => sockets.length).toBeGreaterThan(0);
  await expect(dock).toContainText('Session reconnecting…', { timeout: 40_000 });
});

test('a session that connected and then dropped says "reconnecting"', async ({ po, createBoard }) => {
  const { links } = await createBoard('Session drop');
  const { page } = po;
  const sockets: { close: () => Promise<void> }[] = [];
  // The first session socket goes through; retries after the drop are left unanswered.
  let through = 0;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    sockets.push(ws);
    if (through++ === 0) ws.connectToServer();
  });
  await openBoard(page, links.owner);
  const dock = page.getByTestId('session-dock');
  // Connected: the owner's timer controls are there and no connection wording is shown.
  await expect(dock.getByRole('group', { name: 'Timer controls' })).toBeVisible();
  await expect(dock).not.toContainText('onnecting…');
  for (const ws of sockets.splice(0)) await ws.close();
  await expect(dock).toContainText('Session reconnecting…');
});
