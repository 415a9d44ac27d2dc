import WebSocket from 'ws';
import * as Y from 'yjs';
import { test, expect } from './fixtures';
import { openBoard, storyCard } from './helpers';
import { BoardConnection } from '../lib/realtime/sync-client';
import { roots } from '../lib/board/schema';

// Another Yjs client (a script, an integration) that writes the documented schema by hand must
// show up in the UI live, and the UI's edits must reach it.
test('writes from an outside Yjs client appear live, and UI edits reach it', async ({
  po,
  createBoard,
  baseURL,
}) => {
  const { id, links } = await createBoard('Integration');
  const key = new URL(links.team).hash.replace('#k=', '');
  const wsUrl = `${(baseURL ?? '').replace(/^http/, 'ws')}/sync`;
  const outside = new BoardConnection({
    url: wsUrl,
    boardId: id,
    key,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  try {
    await expect.poll(() => outside.getStatus().synced).toBe(true);
    await openBoard(po.page, links.owner);

    const story = new Y.Map<unknown>();
    const title = new Y.Text('Imported from the tracker');
    outside.doc.transact(() => {
      story.set('title', title);
      story.set('why', 'A plain string why, as a foreign client might write it.');
      story.set('status', 'refining');
      story.set('rank', 'a0');
      story.set('createdAt', Date.now());
      roots(outside.doc).stories.set('ext-story-1', story);
    });
    const card = storyCard(po.page, 'Imported from the tracker');
    await expect(card).toContainText('A plain string why');
    await expect(card).toContainText('Refining');

    const note = new Y.Map<unknown>();
    outside.doc.transact(() => {
      note.set('storyId', 'ext-story-1');
      note.set('kind', 'question');
      note.set('text', new Y.Text('Asked by a bot?'));
      note.set('authorId', 'bot');
      note.set('authorName', 'Tracker bot');
      note.set('createdAt', Date.now());
      note.set('resolved', false);
      note.set('plus', new Y.Map());
      roots(outside.doc).notes.set('ext-note-1', note);
    });
    await expect(card.getByTestId('open-questions')).toHaveText('1 open question');

    // Open the story: the outside client's character edits land in the live title field.
    await card.getByRole('link').click();
    const field = po.page.getByTestId('story-panel').getByLabel('Story title');
    await expect(field).toHaveValue('Imported from the tracker');
    title.insert(0, 'Re: ');
    await expect(field).toHaveValue('Re: Imported from the tracker');
    await expect(po.page.getByTestId('note').filter({ hasText: 'Asked by a bot?' })).toContainText(
      'Tracker bot',
    );

    // And the UI's edit reaches the outside client (the plain-string why became a Y.Text to co-edit).
    await field.click();
    await field.press('End');
    await field.pressSequentially(' (triaged)');
    await expect.poll(() => title.toString()).toBe('Re: Imported from the tracker (triaged)');
    await expect.poll(() => story.get('why') instanceof Y.Text).toBe(true);
  } finally {
    outside.destroy();
  }
});
