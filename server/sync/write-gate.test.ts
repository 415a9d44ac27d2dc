import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  createStory,
  deleteNote,
  deleteStory,
  editNoteText,
  ensureText,
  restoreNote,
  restoreStory,
  setNoteResolved,
  setStoryRank,
  setStoryScore,
  setStoryStatus,
  togglePlus,
} from '../../lib/board/ops';
import {
  addValueStream,
  createMetric,
  createPersona,
  moveValueStream,
  removeValueStream,
  renameValueStream,
  setPersonaArchived,
  updateMetric,
  updatePersona,
} from '../../lib/board/personas';
import { VIEW_ONLY } from '../../lib/board/rules';
import { LocalOrigin, createUndoManager } from '../../lib/board/undo';
import { getNoteMap, getStoryMap, roots, textOf } from '../../lib/board/schema';
import type { Role } from '../../lib/board/types';
import {
  addCriterion,
  criteriaOf,
  discardDraft,
  ensureDraft,
  getDraftMap,
  moveCriterion,
  rebuildDraft,
  removeCriterion,
} from '../../lib/promote/draft-doc';
import { editOf, gateBoard, type GateBoard } from './gate-test-kit';
import { MISSING_REASON, decide } from './write-gate';

/**
 * The gate end to end on real updates: a client holding the board makes one edit with our own ops
 * (or a foreign client's odd one), and the gate decides for each role. One row per field and
 * operation; the server's doc is never changed, so every row sees the same board.
 */
const board = gateBoard();
const story = (doc: Y.Doc, id: string) => getStoryMap(doc, id)!;
const note = (doc: Y.Doc, id: string) => getNoteMap(doc, id)!;
const draft = (doc: Y.Doc, id: string) => getDraftMap(doc, id)!;
const built = {
  narrative: 'n',
  criteria: ['x'],
  decisions: [],
  estimate: null,
  openQuestions: [],
  whyMissing: false,
};

type Row = [name: string, edit: (doc: Y.Doc, b: GateBoard) => void, team: 'allowed' | RegExp];

const rows: Row[] = [
  // stories
  ['create a story', (d) => createStory(d, { title: 'New', createdBy: 't' }), 'allowed'],
  ['type in a title', (d, b) => textOf(story(d, b.story), 'title')!.insert(3, 'xx'), 'allowed'],
  [
    'erase part of a why (deletes existing characters)',
    (d, b) => textOf(story(d, b.story), 'why')!.delete(0, 3),
    'allowed',
  ],
  ['set status ready', (d, b) => setStoryStatus(d, b.story, 'ready'), 'allowed'],
  ['set status promoted', (d, b) => setStoryStatus(d, b.story, 'promoted'), /Only publishing marks/],
  ['move a promoted story back to ready', (d, b) => setStoryStatus(d, b.promoted, 'ready'), /promoted story/],
  ['clear a promoted status', (d, b) => story(d, b.promoted).delete('status'), /promoted story/],
  ['set rank', (d, b) => setStoryRank(d, b.story, 'a5'), 'allowed'],
  ['set value', (d, b) => setStoryScore(d, b.story, 'value', 7), 'allowed'],
  ['clear effort', (d, b) => setStoryScore(d, b.estimated, 'effort', null), 'allowed'],
  ['set persona', (d, b) => story(d, b.story).set('personaId', b.persona), 'allowed'],
  ['set stream', (d, b) => story(d, b.story).set('stream', 'Growth'), 'allowed'],
  ['write an estimate', (d, b) => story(d, b.story).set('estimate', '8'), /facilitator's accept/],
  [
    'overwrite an accepted estimate',
    (d, b) => story(d, b.estimated).set('estimate', '13'),
    /facilitator's accept/,
  ],
  ['clear an estimate', (d, b) => story(d, b.estimated).delete('estimate'), /facilitator's accept/],
  [
    'set formalId',
    (d, b) => story(d, b.story).set('formalId', b.story),
    /publishing sets a story's formalId/,
  ],
  ['set formalVersion', (d, b) => story(d, b.promoted).set('formalVersion', 9), /formalVersion/],
  ['soft-delete a story', (d, b) => deleteStory(d, b.story, 't'), 'allowed'],
  ['soft-delete a story already in Trash', (d, b) => deleteStory(d, b.trashed, 't'), 'allowed'],
  ['restore a story from Trash', (d, b) => restoreStory(d, b.trashed), /restore from Trash/],
  ['clear only deletedAt', (d, b) => story(d, b.trashed).delete('deletedAt'), /restore from Trash/],
  [
    'set deletedAt to a string',
    (d, b) => story(d, b.trashed).set('deletedAt', 'never'),
    /restore from Trash/,
  ],
  [
    'set deletedAt and clear it in one go',
    (d, b) =>
      d.transact(() => {
        story(d, b.trashed).set('deletedAt', 5);
        story(d, b.trashed).delete('deletedAt');
      }),
    /restore from Trash/,
  ],
  ['hard-delete a story', (d, b) => roots(d).stories.delete(b.story), /delete a story for good/],
  ['replace a story entry', (d, b) => roots(d).stories.set(b.story, new Y.Map()), /delete a story for good/],
  [
    'a new story with status promoted',
    (d) => {
      const m = new Y.Map<unknown>();
      m.set('status', 'promoted');
      roots(d).stories.set('fresh-id', m);
    },
    /Only publishing marks/,
  ],
  [
    'a new story with an estimate',
    (d) => {
      const m = new Y.Map<unknown>();
      m.set('estimate', '3');
      roots(d).stories.set('fresh-id', m);
    },
    /facilitator's accept/,
  ],
  [
    'foreign: a plain-string title over the Y.Text',
    (d, b) => story(d, b.story).set('title', 'plain'),
    'allowed',
  ],
  ['foreign: an unknown story field', (d, b) => story(d, b.story).set('colour', 'red'), 'allowed'],
  // notes
  [
    'add a note',
    (d, b) => addNote(d, { storyId: b.story, kind: 'idea', text: 'hi', authorId: 't', authorName: 'T' }),
    'allowed',
  ],
  [
    'add a note to a shell story (moves it to refining)',
    (d, b) => addNote(d, { storyId: b.drafted, kind: 'idea', text: 'hi', authorId: 't', authorName: 'T' }),
    'allowed',
  ],
  [
    'reply to a note',
    (d, b) =>
      addNote(d, {
        storyId: b.story,
        parentId: b.note,
        kind: 'idea',
        text: 're',
        authorId: 't',
        authorName: 'T',
      }),
    'allowed',
  ],
  [
    'edit a note (replaces its text)',
    (d, b) => editNoteText(d, b.note, 'Which columns, exactly?'),
    'allowed',
  ],
  ['edit a reply', (d, b) => editNoteText(d, b.reply, 'Most of them'), 'allowed'],
  ['resolve a note', (d, b) => setNoteResolved(d, b.note, true), 'allowed'],
  ['+1 a note', (d, b) => togglePlus(d, b.note, 't'), 'allowed'],
  ['take back a +1 (deletes in the plus map)', (d, b) => togglePlus(d, b.note, 'b'), 'allowed'],
  ['replace the plus map', (d, b) => note(d, b.note).set('plus', new Y.Map()), 'allowed'],
  ['soft-delete a note', (d, b) => deleteNote(d, b.note, 't'), 'allowed'],
  ['restore a note', (d, b) => restoreNote(d, b.trashedNote), /restore from Trash/],
  ['hard-delete a note', (d, b) => roots(d).notes.delete(b.note), /delete a note for good/],
  [
    'foreign: a note with an odd kind, a plain-string text and extra keys',
    (d, b) => {
      const m = new Y.Map<unknown>();
      m.set('storyId', b.story);
      m.set('kind', 'banana');
      m.set('text', 'plain');
      m.set('mood', 'happy');
      roots(d).notes.set('foreign-note', m);
    },
    'allowed',
  ],
  ['foreign: upgrade a plain text to Y.Text', (d, b) => ensureText(note(d, b.note), 'extra'), 'allowed'],
  // personas, metrics
  ['create a persona', (d) => createPersona(d, { name: 'Auditor' }), 'allowed'],
  ['rename a persona', (d, b) => updatePersona(d, b.persona, { name: 'Clerk' }), 'allowed'],
  ['archive a persona', (d, b) => setPersonaArchived(d, b.persona, true), 'allowed'],
  ['hard-delete a persona', (d, b) => roots(d).personas.delete(b.persona), /delete a persona for good/],
  ['create a metric', (d) => createMetric(d, { name: 'NPS', direction: 'up' }), 'allowed'],
  ['update a metric', (d, b) => updateMetric(d, b.metric, { target: 3 }), 'allowed'],
  ['hard-delete a metric', (d, b) => roots(d).metrics.delete(b.metric), /delete a metric for good/],
  // drafts
  ['start a draft', (d, b) => ensureDraft(d, b.story, built, 't'), 'allowed'],
  ['edit a narrative', (d, b) => textOf(draft(d, b.drafted), 'narrative')!.insert(0, 'So: '), 'allowed'],
  ['add a criterion', (d, b) => addCriterion(d, b.drafted, 'three'), 'allowed'],
  ['edit inside a criterion', (d, b) => criteriaOf(draft(d, b.drafted))!.get(0).insert(0, 'the '), 'allowed'],
  ['remove a criterion', (d, b) => removeCriterion(d, b.drafted, 1), 'allowed'],
  ['move a criterion', (d, b) => moveCriterion(d, b.drafted, 0, 1), 'allowed'],
  ['rebuild a draft (replaces its criteria array)', (d, b) => rebuildDraft(d, b.drafted, built), 'allowed'],
  ['discard a draft', (d, b) => discardDraft(d, b.drafted), /discard a promotion draft/],
  ['replace a draft', (d, b) => roots(d).drafts.set(b.drafted, new Y.Map()), /discard a promotion draft/],
  // meta
  ['add a value stream', (d) => addValueStream(d, 'Retention'), 'allowed'],
  ['rename a value stream', (d) => renameValueStream(d, 'Growth', 'Expansion'), 'allowed'],
  ['reorder value streams', (d) => (addValueStream(d, 'B'), moveValueStream(d, 'B', -1)), 'allowed'],
  ['remove a value stream', (d) => removeValueStream(d, 'Growth'), 'allowed'],
  ['rename the board in meta', (d) => roots(d).meta.set('title', 'Mine'), /board's settings \(title\)/],
  ['change the estimation scale', (d) => roots(d).meta.set('scale', 'tshirt'), /board's settings \(scale\)/],
  // outside the schema
  ['foreign: a root of its own', (d) => d.getMap('plugin').set('x', 1), 'allowed'],
];

const roles: Role[] = ['owner', 'team', 'view'];

describe('write gate: one row per field and operation', () => {
  it.each(rows)('%s', (_name, edit, team) => {
    const update = editOf(board, (d) => edit(d, board));
    const by = Object.fromEntries(roles.map((r) => [r, decide(board.doc, r, update)]));
    expect(by.owner).toMatchObject({ kind: 'apply' });
    expect(by.view).toEqual({ kind: 'refuse', why: 'role', reason: VIEW_ONLY });
    if (team === 'allowed') expect(by.team).toMatchObject({ kind: 'apply' });
    else expect(by.team).toMatchObject({ kind: 'refuse', why: 'role', reason: expect.stringMatching(team) });
  });
});

describe('write gate: a person’s undo of their own change', () => {
  /** The server's copy takes the client's first edit; the undo is then judged against it. */
  function undoOf(first: (doc: Y.Doc, origin: LocalOrigin) => void) {
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(board.doc));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const origin = new LocalOrigin('dev');
    const undo = createUndoManager(client, origin);
    let sv = Y.encodeStateVector(client);
    first(client, origin);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, sv));
    sv = Y.encodeStateVector(client);
    undo.undo();
    const update = Y.encodeStateAsUpdate(client, sv);
    return (own: boolean) => decide(server, 'team', update, (c) => own && c === client.clientID);
  }

  it.each([
    [
      'create a story',
      (d: Y.Doc, o: LocalOrigin) => void createStory(d, { title: 'Mine', createdBy: 'dev' }, o),
    ],
    [
      'add a note (and move the story to refining)',
      (d: Y.Doc, o: LocalOrigin) =>
        void addNote(
          d,
          { storyId: board.drafted, kind: 'idea', text: 'x', authorId: 'dev', authorName: 'D' },
          o,
        ),
    ],
    ['soft-delete a story', (d: Y.Doc, o: LocalOrigin) => deleteStory(d, board.story, 'dev', o)],
    ['soft-delete a note', (d: Y.Doc, o: LocalOrigin) => deleteNote(d, board.note, 'dev', o)],
    ['create a persona', (d: Y.Doc, o: LocalOrigin) => void createPersona(d, { name: 'Mine' }, o)],
  ])('undo of “%s” is allowed to the connection that made it, refused to any other', (_name, first) => {
    const judge = undoOf(first);
    expect(judge(true)).toMatchObject({ kind: 'apply' });
    expect(judge(false)).toMatchObject({ kind: 'refuse', why: 'role' });
  });
});

describe('write gate: nothing new', () => {
  it('an update that adds nothing (a step 2 carrying only deletions the doc has) is a no-op for every role', () => {
    const update = editOf(board, () => undefined);
    expect(Y.decodeUpdate(update).ds.clients.size).toBeGreaterThan(0); // it does carry the delete set
    for (const r of roles) expect(decide(board.doc, r, update)).toEqual({ kind: 'noop' });
  });

  it('an echo of the whole board is a no-op, even for view', () => {
    const update = Y.encodeStateAsUpdate(board.doc);
    for (const r of roles) expect(decide(board.doc, r, update)).toEqual({ kind: 'noop' });
  });

  it('an empty update is a no-op', () => {
    for (const r of roles)
      expect(decide(board.doc, r, Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ kind: 'noop' });
  });
});

describe('write gate: missing dependencies', () => {
  it('refuses, for every role, an update starting at a clock the doc has not seen', () => {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(board.doc));
    createStory(client, { title: 'first', createdBy: 't' });
    const sv = Y.encodeStateVector(client);
    createStory(client, { title: 'second', createdBy: 't' });
    const orphan = Y.encodeStateAsUpdate(client, sv);
    for (const r of roles)
      expect(decide(board.doc, r, orphan)).toMatchObject({
        kind: 'refuse',
        why: 'missing',
        reason: MISSING_REASON,
      });
  });

  it('refuses an update whose items sit next to items of another client the doc lacks', () => {
    const a = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(board.doc));
    const id = createStory(a, { title: 'by a', createdBy: 'a' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const sv = Y.encodeStateVector(b);
    textOf(story(b, id), 'title')!.insert(4, '!');
    const onlyB = Y.encodeStateAsUpdate(b, sv); // refers to a's items, which the server never got
    expect(decide(board.doc, 'owner', onlyB)).toMatchObject({ kind: 'refuse', why: 'missing' });
  });

  it('refuses a deletion of clocks the doc has not seen', () => {
    const stray = new Y.Doc();
    stray.getText('t').insert(0, 'abc');
    const sv = Y.encodeStateVector(stray);
    stray.getText('t').delete(0, 3);
    const onlyDelete = Y.encodeStateAsUpdate(stray, sv);
    expect(Y.decodeUpdate(onlyDelete).structs).toHaveLength(0);
    expect(decide(board.doc, 'owner', onlyDelete)).toMatchObject({ kind: 'refuse', why: 'missing' });
  });
});
