import WebSocket from 'ws';
import * as Y from 'yjs';
import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, storyCard } from './helpers';
import { BoardConnection } from '../lib/realtime/sync-client';
import { roots } from '../lib/board/schema';

test('personas, metrics and streams: created on the board, assigned to a story, seen live by others', async ({
  po,
  dev,
  viewer,
  createBoard,
}) => {
  const { links } = await createBoard('Value board');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await addStory(po.page, 'Export CSV', 'Finance closes the month faster.');
  await addStory(po.page, 'Dark mode');

  // The PO sets up who stories are for, which number moves, and a value stream.
  await po.page.getByRole('button', { name: 'Personas & metrics' }).click();
  const manager = po.page.getByTestId('values-panel');
  const personaForm = manager.getByRole('form', { name: 'New persona' });
  await personaForm.getByLabel('Persona name').fill('Busy PO');
  await personaForm.getByLabel('One line about them').fill('Plans the sprint between meetings');
  await personaForm.getByRole('button', { name: 'Add persona' }).click();
  await expect(manager.getByTestId('persona').filter({ hasText: 'Busy PO' })).toBeVisible();
  const metricForm = manager.getByRole('form', { name: 'New metric' });
  await metricForm.getByLabel('Metric name').fill('Time to close');
  await metricForm.getByLabel('Better when').selectOption('down');
  await metricForm.getByLabel('Current').fill('5');
  await metricForm.getByLabel('Target').fill('2');
  await metricForm.getByRole('button', { name: 'Add metric' }).click();
  await expect(manager.getByTestId('metric').filter({ hasText: 'Time to close' })).toContainText(
    'Now 5 · target 2',
  );
  const streamForm = manager.getByRole('form', { name: 'New value stream' });
  await streamForm.getByLabel('Stream name').fill('Finance');
  await streamForm.getByRole('button', { name: 'Add stream' }).click();
  await expect(manager.getByTestId('value-stream')).toHaveText(/Finance/);

  // Assign them to a story from the dropdowns in its Value section.
  const panel = await openStory(po.page, 'Export CSV');
  await panel.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'Busy PO' });
  await panel.getByRole('combobox', { name: 'Metric' }).selectOption({ label: '↓ Time to close' });
  await panel.getByRole('combobox', { name: 'Value stream' }).selectOption('Finance');
  await panel.getByRole('combobox', { name: 'Value', exact: true }).selectOption('8');
  await panel.getByRole('combobox', { name: 'Effort' }).selectOption('2');
  await expect(panel.getByTestId('wsjf-score')).toHaveText('Value ÷ effort = 4');

  // A teammate sees it on the card straight away.
  const devCard = storyCard(dev.page, 'Export CSV');
  await expect(devCard.getByTestId('card-persona')).toHaveText(/Busy PO/);
  await expect(devCard.getByTestId('card-metric')).toHaveText(/Time to close/);
  await expect(devCard.getByTestId('card-stream')).toHaveText(/Finance/);
  await expect(devCard.getByTestId('card-score')).toContainText('V8 · E2');

  // The teammate renames the persona, then archives it: the story keeps showing its name.
  await dev.page.getByRole('button', { name: 'Personas & metrics' }).click();
  const devManager = dev.page.getByTestId('values-panel');
  await devManager.getByRole('button', { name: 'Edit persona Busy PO' }).click();
  const edit = devManager.getByRole('form', { name: 'Edit persona Busy PO' });
  await edit.getByLabel('Persona name').fill('Busy product owner');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(storyCard(po.page, 'Export CSV').getByTestId('card-persona')).toHaveText(/Busy product owner/);
  await devManager.getByRole('button', { name: 'Archive persona Busy product owner' }).click();
  await expect(manager.getByTestId('persona').filter({ hasText: 'Busy product owner' })).toContainText(
    'Archived',
  );
  await expect(storyCard(po.page, 'Export CSV').getByTestId('card-persona')).toHaveText(/Busy product owner/);
  await expect(panel.getByRole('combobox', { name: 'Persona' }).locator('option:checked')).toHaveText(
    'Busy product owner (archived)',
  );

  // Filters live in the URL next to the key: a reload (or a shared link) shows the same view.
  await dev.page.getByLabel('Filter by value stream').selectOption('Finance');
  await expect(dev.page.getByTestId('story-card')).toHaveCount(1);
  await dev.page.locator('#board-search').fill('dark');
  await expect(dev.page.getByTestId('story-card')).toHaveCount(0);
  await dev.page
    .getByRole('button', { name: /Clear filters/ })
    .first()
    .click();
  await expect(dev.page.getByTestId('story-card')).toHaveCount(2);
  await dev.page.locator('#board-search').fill('finance');
  await dev.page.getByLabel('Filter by metric').selectOption({ label: '↓ Time to close' });
  await expect(dev.page.getByTestId('story-card')).toHaveCount(1);
  const url = new URL(dev.page.url());
  expect(url.searchParams.get('q')).toBe('finance');
  expect(url.hash).toMatch(/^#k=/);
  await dev.page.reload();
  await expect(dev.page.getByTestId('story-card')).toHaveCount(1);
  await expect(dev.page.locator('#board-search')).toHaveValue('finance');

  // A view-only link with the same filters sees the same, and can change nothing.
  const viewUrl = new URL(links.view);
  viewUrl.search = url.search;
  await openBoard(viewer.page, viewUrl.toString(), 'view');
  await expect(viewer.page.getByTestId('story-card')).toHaveCount(1);
  await expect(storyCard(viewer.page, 'Export CSV').getByTestId('card-persona')).toHaveText(
    /Busy product owner/,
  );
  await expect(viewer.page.getByTestId('drag-handle')).toHaveCount(0);
  await expect(viewer.page.getByRole('button', { name: 'Move up' })).toHaveCount(0);
  const viewPanel = await openStory(viewer.page, 'Export CSV');
  for (const label of ['Persona', 'Metric', 'Value stream', 'Effort'])
    await expect(viewPanel.getByRole('combobox', { name: label, exact: true })).toBeDisabled();
  await viewer.page.getByRole('button', { name: 'Personas & metrics' }).click();
  const viewManager = viewer.page.getByTestId('values-panel');
  await expect(viewManager.getByTestId('metric')).toContainText('Time to close');
  await expect(viewManager.getByRole('form')).toHaveCount(0);
  await expect(viewManager.getByRole('button', { name: /^(Edit|Archive|Restore)/ })).toHaveCount(0);

  // Lanes by value stream: stories without one sit in "No stream".
  await po.page.getByRole('radio', { name: 'List' }).focus();
  await po.page.keyboard.press('ArrowRight');
  await expect(po.page.getByRole('radio', { name: 'Lanes' })).toBeChecked();
  await expect(po.page.getByRole('radio', { name: 'Lanes' })).toBeFocused();
  await expect(po.page.getByRole('region', { name: 'Finance lane' }).getByTestId('story-card')).toHaveText(
    /Export CSV/,
  );
  await expect(po.page.getByRole('region', { name: 'No stream lane' }).getByTestId('story-card')).toHaveText(
    /Dark mode/,
  );
  expect(new URL(po.page.url()).searchParams.get('view')).toBe('lanes');
});

test('values a foreign client writes badly show as unset; a story without a valid rank shows last and can be moved', async ({
  po,
  createBoard,
  baseURL,
}) => {
  const { id, links } = await createBoard('Foreign values');
  await openBoard(po.page, links.owner);
  await addStory(po.page, 'Ours');
  const outside = new BoardConnection({
    url: `${(baseURL ?? '').replace(/^http/, 'ws')}/sync`,
    boardId: id,
    key: new URL(links.team).hash.replace('#k=', ''),
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  try {
    await expect.poll(() => outside.getStatus().synced).toBe(true);
    outside.doc.transact(() => {
      const story = new Y.Map<unknown>();
      story.set('title', new Y.Text('Foreign story'));
      story.set('rank', '!!not a key');
      story.set('value', 42);
      story.set('effort', 'high');
      story.set('personaId', 'no-such-persona');
      story.set('metricId', 7);
      story.set('stream', 'Legacy');
      story.set('createdAt', Date.now());
      roots(outside.doc).stories.set('ext-1', story);
    });
    const card = storyCard(po.page, 'Foreign story');
    await expect(po.page.getByTestId('story-card').locator('h3')).toHaveText(['Ours', 'Foreign story']);
    await expect(card.getByTestId('card-persona')).toHaveCount(0);
    await expect(card.getByTestId('card-metric')).toHaveCount(0);
    await expect(card.getByTestId('card-score')).toHaveCount(0);
    const panel = await openStory(po.page, 'Foreign story');
    await expect(panel.getByRole('combobox', { name: 'Persona' })).toHaveValue('');
    await expect(panel.getByRole('combobox', { name: 'Value', exact: true })).toHaveValue('');
    await expect(panel.getByRole('combobox', { name: 'Value stream' }).locator('option:checked')).toHaveText(
      'Legacy (removed)',
    );
    await po.page.getByRole('button', { name: 'Close story' }).click();

    // Moving it to the top gives it a real key; the outside client sees the new order.
    await card.getByRole('link').focus();
    await po.page.keyboard.press('Alt+Home');
    await expect(po.page.getByTestId('story-card').locator('h3')).toHaveText(['Foreign story', 'Ours']);
    await expect
      .poll(() => {
        const m = roots(outside.doc).stories.get('ext-1');
        return m instanceof Y.Map ? m.get('rank') : null;
      })
      .toMatch(/^[a-zA-Z0-9]+$/);

    // In lanes, a stream name that is not on the board gets a lane of its own.
    await po.page.getByRole('radio', { name: 'Lanes' }).click();
    await expect(po.page.getByRole('region', { name: 'Legacy lane' })).toContainText('(removed)');
    await expect(po.page.getByRole('region', { name: 'Legacy lane' }).getByTestId('story-card')).toHaveText(
      /Foreign story/,
    );
  } finally {
    outside.destroy();
  }
});
