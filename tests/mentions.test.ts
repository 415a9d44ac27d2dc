import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, createStory, editNoteText } from '../lib/board/ops';
import { getNoteMap, readNotes, readStories } from '../lib/board/schema';
import { awaitingReplies, needsInput } from '../lib/board/needs-input';
import { threadsFor } from '../lib/board/summary';
import { createBoard, type TestBoard } from './helpers/server';
import { useTestServer } from './helpers/use-test-server';
import { connect, destroyAll, saved, synced } from './helpers/clients';

/** @name addressing through the real sync server: stored, relayed, settled by a reply, view refused. */
const srv = useTestServer();
let b: TestBoard;
beforeAll(async () => {
  b = await createBoard(srv.url, 'Mentions');
});
afterEach(() => destroyAll());

const paula = { id: 'paula', name: 'Paula Owner' };
const dana = { id: 'dana', name: 'Dev Dana' };

const waitFor = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(ok()).toBe(true);
};

describe('mentions over the wire', () => {
  it('reach another client and a fresh one, put the question in the addressed queue, and a reply settles it', async () => {
    const owner = connect(srv.wsUrl, b.id, b.owner);
    const team = connect(srv.wsUrl, b.id, b.team);
    await Promise.all([synced(owner), synced(team)]);
    const s = createStory(owner.doc, { title: 'Saved carts', why: 'w', createdBy: 'paula' });
    const q = addNote(owner.doc, {
      storyId: s,
      kind: 'question',
      text: 'How long, @Dev Dana?',
      authorId: paula.id,
      authorName: paula.name,
      mentions: [dana],
    });
    await saved(owner);
    const queue = (doc: Y.Doc) =>
      needsInput('dana', 'team', {
        stories: readStories(doc),
        threadsOf: (id) => threadsFor(readNotes(doc), id),
        hasPrevoted: () => true,
      });
    await waitFor(() => queue(team.doc).length === 1);
    expect(queue(team.doc)[0]!.questions[0]!.question.id).toBe(q);

    // A client that joins later reads the same mentions from the stored document.
    const late = connect(srv.wsUrl, b.id, b.view);
    await synced(late);
    expect(readNotes(late.doc).find((n) => n.id === q)!.mentions).toEqual([dana]);

    // The developer replies over their own connection: nobody owes anything any more.
    addNote(team.doc, {
      storyId: s,
      parentId: q,
      kind: 'idea',
      text: 'Thirty days.',
      authorId: 'dana',
      authorName: 'Dev Dana',
    });
    await saved(team);
    await waitFor(() => awaitingReplies(threadsFor(readNotes(owner.doc), s)).size === 0);
    expect(queue(owner.doc)).toEqual([]);
  });

  it('a view link cannot add or change whom a note addresses', async () => {
    const owner = connect(srv.wsUrl, b.id, b.owner);
    await synced(owner);
    const s = createStory(owner.doc, { title: 'Gift cards', createdBy: 'paula' });
    const n = addNote(owner.doc, {
      storyId: s,
      kind: 'question',
      text: 'Ok?',
      authorId: 'paula',
      authorName: 'P',
    });
    await saved(owner);
    const viewer = connect(srv.wsUrl, b.id, b.view);
    await synced(viewer);
    editNoteText(viewer.doc, n, 'Ok, @Dev Dana?', undefined, [dana]);
    // The server drops the viewer's update: a fresh client never sees it.
    await new Promise((r) => setTimeout(r, 300));
    const fresh = connect(srv.wsUrl, b.id, b.owner);
    await synced(fresh);
    expect(getNoteMap(fresh.doc, n)!.has('mentions')).toBe(false);
    expect(readNotes(fresh.doc).find((x) => x.id === n)!.text).toBe('Ok?');
  });
});
