import { test, expect } from './fixtures';
import { seriousViolations } from './axe';
import { addStory, openBoard, openStory, postNote, storyCard } from './helpers';

test('an @name question lands in the addressed developer’s queue and on the card until they reply', async ({
  po,
  dev,
  viewer,
  createBoard,
}) => {
  const { links } = await createBoard('Async board');
  await openBoard(po.page, links.owner);
  await openBoard(dev.page, links.team);
  await openBoard(viewer.page, links.view, 'view'); // here, but a view link is never offered
  await expect(po.page.getByTestId('presence-bar')).toHaveAttribute('aria-label', /Vic Viewer/);
  await addStory(po.page, 'Saved carts', 'Returning shoppers stop rebuilding carts.');
  await addStory(po.page, 'Gift cards', 'Gift card holders abandon carts.');

  // The owner types "@de" and picks the developer from the people on the board.
  const poPanel = await openStory(po.page, 'Saved carts');
  await poPanel.getByRole('group', { name: 'Kind of note' }).getByText('Question', { exact: true }).click();
  const field = poPanel.getByLabel('Add a note');
  const menu = poPanel.getByRole('listbox', { name: 'People to address' });
  // Esc closes the suggestions only, not the story.
  await field.pressSequentially('@');
  await expect(menu.getByRole('option')).toHaveText(['@Dev Dana']);
  await field.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(poPanel).toBeVisible();
  await field.fill('');
  await field.pressSequentially('How long do we keep them, @de');
  await expect(menu.getByRole('option')).toHaveText(['@Dev Dana']);
  await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
  expect(await seriousViolations(po.page)).toEqual([]);
  await field.press('Enter'); // picks, does not post
  await expect(menu).toHaveCount(0);
  await field.pressSequentially('? <b>thirty</b> days?');
  await expect(field).toHaveValue('How long do we keep them, @Dev Dana ? <b>thirty</b> days?');
  await poPanel.getByRole('button', { name: 'Post note' }).click();
  const note = poPanel.getByTestId('note').filter({ hasText: 'How long do we keep them' });
  await expect(note.getByTestId('mention')).toHaveText('@Dev Dana');
  // Markup stays text: no element was made from it.
  await expect(note.locator('b')).toHaveCount(0);
  await expect(note).toContainText('<b>thirty</b>');

  // The card shows whom the question waits for; the developer sees it is for them.
  const poAsked = storyCard(po.page, 'Saved carts').getByTestId('asked');
  await expect(poAsked).toContainText('@Dev Dana');
  await expect(poAsked).toContainText('Waiting for Dev Dana'); // what a screen reader hears
  const devCard = storyCard(dev.page, 'Saved carts');
  await expect(devCard.getByTestId('asked')).toHaveAttribute('data-me', 'true');
  await expect(devCard.getByTestId('asked')).toContainText('Asks you');
  const devNote = dev.page.getByTestId('note');
  await expect(devNote).toHaveCount(0); // the developer has not opened the story yet

  // Their queue: the question first (asked by the owner), and both stories for a pre-vote.
  await dev.page.getByTestId('needs-input-button').click();
  const queue = dev.page.getByTestId('needs-input-panel');
  await expect(dev.page.getByTestId('needs-input-count')).toHaveText('2');
  const item = queue.getByTestId('needs-input-item').filter({ hasText: 'Saved carts' });
  await expect(item.getByTestId('needs-input-question')).toContainText('Paula Owner asks you');
  await expect(item.getByTestId('needs-input-question')).toContainText('How long do we keep them');
  await expect(item.getByTestId('needs-input-prevote')).toBeVisible();
  expect(await seriousViolations(dev.page)).toEqual([]);

  // The owner's queue holds no pre-votes (the PO does not estimate) and no question of their own.
  await po.page.getByTestId('needs-input-button').click();
  await expect(po.page.getByTestId('needs-input-panel')).toContainText('Nothing waits for you');

  // The developer opens the story from the queue and replies: the question leaves queue and card.
  await item.getByRole('button', { name: 'Saved carts' }).click();
  const devPanel = dev.page.getByTestId('story-panel');
  await expect(devPanel).toBeVisible();
  await expect(devPanel.getByTestId('mention')).toHaveAttribute('data-me', 'true');
  await devPanel.getByRole('button', { name: 'Reply' }).click();
  const reply = devPanel.getByRole('form', { name: 'Reply to Paula Owner' });
  await reply.getByLabel('Reply').fill('Thirty days, then we email a reminder.');
  await reply.getByRole('button', { name: 'Reply' }).click();
  await expect(devCard.getByTestId('asked')).toHaveCount(0);
  await expect(storyCard(po.page, 'Saved carts').getByTestId('asked')).toHaveCount(0);
  await expect(item.getByTestId('needs-input-question')).toHaveCount(0);
  await expect(item.getByTestId('needs-input-prevote')).toBeVisible();

  // A pre-vote takes the story off the queue too.
  await devPanel
    .getByTestId('prevote')
    .getByRole('group', { name: 'Your pre-vote' })
    .getByRole('button', { name: '3', exact: true })
    .click();
  await expect(queue.getByTestId('needs-input-item')).toHaveText([/Gift cards/]);
  await expect(dev.page.getByTestId('needs-input-count')).toHaveText('1');
  await postNote(dev.page, 'Edge case: partly used cards?', 'Risk'); // not addressed: nobody owes anything
  await expect(storyCard(po.page, 'Saved carts').getByTestId('asked')).toHaveCount(0);
});

test('the facilitator gets a suggested agenda and focuses its first story with one key', async ({
  po,
  dev,
  createBoard,
}) => {
  const { links } = await createBoard('Agenda board');
  await openBoard(po.page, links.owner);
  await addStory(po.page, 'Has a why', 'Shoppers stop rebuilding carts.');
  await addStory(po.page, 'No why yet');
  await po.page.getByRole('button', { name: 'Definition of ready' }).click();
  const def = po.page.getByTestId('definition-panel');
  await def.getByLabel('Add a rule').selectOption({ label: 'Why present' });
  await def.getByLabel('Add a rule').selectOption({ label: 'No open questions' });
  await def.getByRole('button', { name: 'Close definition of ready' }).click();

  await openBoard(dev.page, links.team);
  await openStory(dev.page, 'Has a why');
  await postNote(dev.page, 'Which carts count as saved?', 'Question');

  // Both miss one rule; with no values set, backlog order decides.
  const dock = po.page.getByTestId('session-dock');
  await dock.getByRole('button', { name: 'Agenda' }).click();
  const agenda = po.page.getByTestId('agenda-panel');
  const items = agenda.getByTestId('agenda-item');
  await expect(items).toHaveText([
    /Has a why.*No open questions \(1 open question\)/,
    /No why yet.*Why present/,
  ]);
  expect(await seriousViolations(po.page)).toEqual([]);

  // `a` focuses the first for everyone (the developer follows), `a` again the next.
  await dev.page.getByLabel('Follow facilitator').check();
  await po.page.getByRole('heading', { name: 'Suggested agenda' }).click(); // out of any field
  await po.page.keyboard.press('a');
  await expect(dock.getByRole('button', { name: 'Focus: Has a why' })).toBeVisible();
  await expect(items.first()).toHaveAttribute('aria-current', 'true');
  const devTitle = dev.page.getByTestId('story-panel').getByLabel('Story title');
  await expect(devTitle).toHaveValue('Has a why');
  await po.page.keyboard.press('a');
  await expect(dock.getByRole('button', { name: 'Focus: No why yet' })).toBeVisible();
  await expect(devTitle).toHaveValue('No why yet');

  // Resolving the question takes that story off the agenda.
  const poPanel = await openStory(po.page, 'Has a why');
  await poPanel
    .getByTestId('note')
    .filter({ hasText: 'Which carts count' })
    .getByRole('button', { name: 'Resolve' })
    .click();
  await expect(items).toHaveText([/No why yet/]);
});
