import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Draft } from './draft';
import {
  addCriterion,
  discardDraft,
  ensureDraft,
  getDraftMap,
  moveCriterion,
  readDraft,
  rebuildDraft,
  removeCriterion,
} from './draft-doc';

const draft = (over: Partial<Draft> = {}): Draft => ({
  narrative: 'As a user, I want export, so that I save time.',
  criteria: ['CSV opens in Excel', 'Headers match Jira'],
  decisions: [],
  estimate: null,
  openQuestions: [],
  whyMissing: false,
  ...over,
});

/** Two replicas that exchange every update, like two browsers on one board. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return { a, b };
}

describe('draft doc', () => {
  it('creates the draft once; a second ensure keeps the first', () => {
    const doc = new Y.Doc();
    ensureDraft(doc, 's1', draft(), 'po');
    ensureDraft(doc, 's1', draft({ narrative: 'other' }), 'po2');
    expect(readDraft(doc, 's1')).toEqual({
      narrative: 'As a user, I want export, so that I save time.',
      criteria: ['CSV opens in Excel', 'Headers match Jira'],
      notes: '',
    });
  });

  it('adds, removes and moves criteria; edits from two replicas merge', () => {
    const { a, b } = pair();
    ensureDraft(a, 's1', draft(), 'po');
    addCriterion(b, 's1', 'Works offline');
    moveCriterion(a, 's1', 2, 0);
    removeCriterion(b, 's1', 2);
    expect(readDraft(a, 's1')?.criteria).toEqual(['Works offline', 'CSV opens in Excel']);
    expect(readDraft(b, 's1')).toEqual(readDraft(a, 's1'));
  });

  it('an edited criterion keeps its lines, each trimmed, blank runs dropped (what publish stores)', () => {
    const doc = new Y.Doc();
    ensureDraft(doc, 's1', draft({ criteria: [] }), 'po');
    addCriterion(doc, 's1', '  Given a board \n\n\n   when I export  \r\nthen it downloads\n');
    expect(readDraft(doc, 's1')?.criteria).toEqual(['Given a board\nwhen I export\nthen it downloads']);
  });

  it('rebuilds narrative and criteria in place, keeping the draft and its notes', () => {
    const doc = new Y.Doc();
    const m = ensureDraft(doc, 's1', draft(), 'po');
    (m.get('notes') as Y.Text).insert(0, 'ask legal');
    rebuildDraft(doc, 's1', draft({ narrative: 'New narrative.', criteria: ['Only one'] }));
    expect(getDraftMap(doc, 's1')).toBe(m);
    expect(readDraft(doc, 's1')).toEqual({
      narrative: 'New narrative.',
      criteria: ['Only one'],
      notes: 'ask legal',
    });
  });

  it('discards the draft so the next promote starts afresh', () => {
    const doc = new Y.Doc();
    ensureDraft(doc, 's1', draft(), 'po');
    discardDraft(doc, 's1');
    expect(readDraft(doc, 's1')).toBeNull();
    ensureDraft(doc, 's1', draft({ criteria: [] }), 'po');
    expect(readDraft(doc, 's1')?.criteria).toEqual([]);
  });

  it('reads a foreign, malformed draft as unset rather than crashing', () => {
    const doc = new Y.Doc();
    doc.getMap('drafts').set('s1', 'not a map');
    expect(readDraft(doc, 's1')).toBeNull();
    addCriterion(doc, 's1', 'x');
    removeCriterion(doc, 's1', 0);
    expect(readDraft(doc, 's1')).toBeNull();
  });
});
