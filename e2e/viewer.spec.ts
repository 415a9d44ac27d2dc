import { test, expect } from './fixtures';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

test('the view link is read-only but sees every change live', async ({ po, viewer, createBoard }) => {
  const { links } = await createBoard('Stakeholder demo');
  await openBoard(po.page, links.owner);
  await addStory(
    po.page,
    'Gift cards at checkout',
    'Gift card holders abandon carts when they cannot pay with one.',
  );

  const { page } = viewer;
  await openBoard(page, links.view, 'view');
  await expect(page.getByTestId('view-only')).toHaveText('View only');
  await expect(page.getByRole('button', { name: /New story/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await page.keyboard.press('n'); // the shortcut does nothing for viewers
  await expect(page.getByRole('form', { name: 'New shell story' })).toHaveCount(0);

  const panel = await openStory(page, 'Gift cards at checkout');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Gift cards at checkout');
  // No editable field anywhere: no textboxes, no composer, no status selector, no note actions.
  // (The backlog's filter selects only change this viewer's view; the story's value pickers are disabled.)
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(panel.getByRole('combobox', { disabled: false })).toHaveCount(0);
  await expect(panel.getByRole('combobox', { name: 'Value stream' })).toBeDisabled();
  await expect(page.getByTestId('drag-handle')).toHaveCount(0);
  await expect(panel.getByLabel('Add a note')).toHaveCount(0);

  // The viewer is present too.
  await expect(po.page.getByTestId('presence-bar')).toHaveAttribute('aria-label', /Vic Viewer/);

  // Live changes from the owner reach the viewer.
  await openStory(po.page, 'Gift cards at checkout');
  await postNote(po.page, 'Do partial payments count?', 'Question');
  const note = panel.getByTestId('note').filter({ hasText: 'Do partial payments count?' });
  await expect(note).toContainText('Paula Owner');
  await expect(note.getByRole('button')).toHaveCount(0);

  const title = po.page.getByTestId('story-panel').getByLabel('Story title');
  await title.click();
  await title.press('End');
  await title.pressSequentially(' and vouchers');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Gift cards at checkout and vouchers');
  await expect(storyCard(page, 'and vouchers').getByTestId('open-questions')).toHaveText('1 open question');
});
