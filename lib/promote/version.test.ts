import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  createStory,
  deleteStory,
  recordRound,
  setStoryEstimate,
  setStoryPersona,
} from '../board/ops';
import { createPersona } from '../board/personas';
import { roots } from '../board/schema';
import { ensureDraft } from './draft-doc';
import { contentHash, versionContent, versionFromDoc, type VersionDraft } from './version';

function board() {
  const doc = new Y.Doc();
  const s = createStory(doc, { title: ' Export to CSV ', why: 'so that I save time', createdBy: 'u' });
  const note = (kind: 'question' | 'criterion' | 'decision', text: string) =>
    addNote(doc, { storyId: s, kind, text, authorId: 'u1', authorName: 'Ana' });
  return { doc, s, note };
}

function read(doc: Y.Doc, s: string, at = 1000): VersionDraft {
  const r = versionFromDoc(doc, 'b1', s, 'Po', at);
  if (!r.ok) throw new Error(r.reason);
  return r.version;
}

describe('versionFromDoc', () => {
  it('keeps the accepted rounds when there are any, and adds no key when there are none', () => {
    const { doc, s } = board();
    expect('rounds' in read(doc, s)).toBe(false);
    const rec = {
      scale: 'fibonacci' as const,
      distribution: [{ value: '5', count: 2 }],
      accepted: '5',
      at: 7,
    };
    recordRound(doc, s, rec, null);
    expect(read(doc, s).rounds).toEqual([rec]);
  });

  it('refuses a missing or deleted story', () => {
    const { doc, s } = board();
    expect(versionFromDoc(doc, 'b1', 'nope', 'Po', 1)).toEqual({ ok: false, reason: 'not_found' });
    deleteStory(doc, s, 'u');
    expect(versionFromDoc(doc, 'b1', s, 'Po', 1)).toEqual({ ok: false, reason: 'deleted' });
  });

  it('builds the version from the story and its live discussion when there is no draft', () => {
    const { doc, s, note } = board();
    note('criterion', 'Opens in Excel');
    note('decision', 'Comma separated');
    note('question', 'Which encoding?');
    setStoryEstimate(doc, s, '3');
    const v = read(doc, s);
    expect(v).toMatchObject({
      boardId: 'b1',
      storyId: s,
      title: 'Export to CSV',
      criteria: ['Opens in Excel'],
      decisions: ['Comma separated'],
      openQuestions: ['Which encoding?'],
      estimate: '3',
      persona: null,
      labels: ['criterion', 'decision', 'question'],
      author: 'Po',
      publishedAt: 1000,
    });
    expect(v.narrative).toContain('save time');
    // Same-millisecond notes sort by id, so compare the set.
    expect(v.discussion.map((n) => n.text).sort()).toEqual([
      'Comma separated',
      'Opens in Excel',
      'Which encoding?',
    ]);
  });

  it('takes narrative and criteria from the co-edited draft, and the persona as the board names it', () => {
    const { doc, s, note } = board();
    note('criterion', 'From the notes');
    const draft = { criteria: ['From the draft'], decisions: [], estimate: null, openQuestions: [] };
    ensureDraft(doc, s, { ...draft, narrative: 'As a PO, I want CSV.', whyMissing: false }, 'po');
    const p = createPersona(doc, { name: 'Controller' });
    setStoryPersona(doc, s, p);
    expect(read(doc, s)).toMatchObject({
      narrative: 'As a PO, I want CSV.',
      criteria: ['From the draft'],
      persona: 'Controller',
    });
    // A foreign client's Y.Text name reads as the board shows it (it used to publish as no persona).
    const name = new Y.Text();
    name.insert(0, 'Auditor');
    roots(doc).personas.get(p)!.set('name', name);
    expect(read(doc, s).persona).toBe('Auditor');
  });
});

describe('contentHash', () => {
  it('is the SHA-256 of the content without time and author; equal content, equal hash', async () => {
    const { doc, s } = board();
    const a = read(doc, s, 1000);
    const b = { ...read(doc, s, 2000), author: 'Someone else' };
    const hex = createHash('sha256').update(versionContent(a)).digest('hex');
    expect(await contentHash(a)).toBe(hex);
    expect(await contentHash(b)).toBe(hex);
    expect(versionContent(a)).not.toContain('publishedAt');
    setStoryEstimate(doc, s, '8');
    expect(await contentHash(read(doc, s))).not.toBe(hex);
  });
});
