import * as Y from 'yjs';
import {
  addNote,
  createStory,
  deleteNote,
  deleteStory,
  initMeta,
  setStoryScore,
  setStoryStatus,
  togglePlus,
} from '../../lib/board/ops';
import { addValueStream, createMetric, createPersona } from '../../lib/board/personas';
import { getStoryMap } from '../../lib/board/schema';
import { ensureDraft } from '../../lib/promote/draft-doc';

/**
 * A board as the server holds it, for the write gate's tests (write-gate.test.ts,
 * update-inspector.test.ts): one of each entity, in each state the rules care about. Nothing
 * here runs in production.
 */
export interface GateBoard {
  doc: Y.Doc;
  story: string;
  /** soft-deleted (in Trash) */
  trashed: string;
  /** published: status promoted, formalId, formalVersion */
  promoted: string;
  /** carries an accepted estimate */
  estimated: string;
  note: string;
  reply: string;
  trashedNote: string;
  persona: string;
  metric: string;
  /** has a promotion draft with two criteria */
  drafted: string;
}

export function gateBoard(): GateBoard {
  const doc = new Y.Doc();
  initMeta(doc, 'Board', 1);
  const story = createStory(doc, { title: 'Export CSV', why: 'so finance can reconcile', createdBy: 'po' });
  const trashed = createStory(doc, { title: 'Old idea', createdBy: 'po' });
  deleteStory(doc, trashed, 'po');
  const promoted = createStory(doc, { title: 'Published', createdBy: 'po' });
  doc.transact(() => {
    const m = getStoryMap(doc, promoted)!;
    m.set('status', 'promoted');
    m.set('formalId', promoted);
    m.set('formalVersion', 1);
  });
  const estimated = createStory(doc, { title: 'Estimated', createdBy: 'po' });
  getStoryMap(doc, estimated)!.set('estimate', '5');
  setStoryStatus(doc, estimated, 'ready');
  setStoryScore(doc, estimated, 'effort', 3);
  const note = addNote(doc, {
    storyId: story,
    kind: 'question',
    text: 'Which columns?',
    authorId: 'a',
    authorName: 'A',
  });
  togglePlus(doc, note, 'b');
  const reply = addNote(doc, {
    storyId: story,
    parentId: note,
    kind: 'idea',
    text: 'All of them',
    authorId: 'b',
    authorName: 'B',
  });
  const trashedNote = addNote(doc, {
    storyId: story,
    kind: 'risk',
    text: 'Gone',
    authorId: 'a',
    authorName: 'A',
  });
  deleteNote(doc, trashedNote, 'a');
  const persona = createPersona(doc, { name: 'Finance clerk' });
  const metric = createMetric(doc, { name: 'Close time', direction: 'down' });
  addValueStream(doc, 'Growth');
  const drafted = createStory(doc, { title: 'Drafted', createdBy: 'po' });
  ensureDraft(
    doc,
    drafted,
    {
      narrative: 'As a clerk…',
      criteria: ['one', 'two'],
      decisions: [],
      estimate: null,
      openQuestions: [],
      whyMissing: false,
    },
    'po',
  );
  return { doc, story, trashed, promoted, estimated, note, reply, trashedNote, persona, metric, drafted };
}

/** A client that holds the whole board makes an edit: the update it sends (as a step 2 would). */
export function editOf(board: GateBoard, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(board.doc));
  edit(client);
  const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(board.doc));
  client.destroy();
  return update;
}
