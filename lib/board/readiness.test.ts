import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { noteView, storyView } from '../test-support/views';
import { createStory } from './ops';
import {
  NO_DEFINITION,
  SUGGESTED_DEFINITION,
  evaluate,
  missingText,
  readChecks,
  readDefinition,
  readUnderstanding,
  unmetForPromotion,
  type ReadinessRule,
  type ReadinessStory,
} from './readiness';
import { readBoardDefinition, setCheck, setDefinition } from './readiness-ops';
import { getStoryMap, readStory } from './schema';
import type { NoteView } from './types';

const story = (over: Partial<ReadinessStory> = {}): ReadinessStory => ({ ...storyView(), ...over });
const note = (over: Partial<NoteView>) => noteView({ id: `n${Math.random()}`, ...over });

type Row = [
  name: string,
  s: Partial<ReadinessStory>,
  notes: Partial<NoteView>[],
  met: boolean,
  reason?: string,
];

/** Each rule alone: the story, its notes, whether the rule is met, and the reason when not. */
const table: [ReadinessRule, Row[]][] = [
  [
    { id: 'why', kind: 'auto' },
    [
      ['no why', {}, [], false, 'no why yet'],
      ['blank why', { why: '  \n' }, [], false, 'no why yet'],
      ['a why', { why: 'Fewer tickets' }, [], true],
    ],
  ],
  [
    { id: 'persona', kind: 'auto' },
    [
      ['no persona', {}, [], false, 'no persona'],
      ['a persona', { personaId: 'p1' }, [], true],
    ],
  ],
  [
    { id: 'criteria', kind: 'auto', min: 2 },
    [
      ['none', {}, [], false, '0 criteria of 2'],
      ['one', {}, [{ kind: 'criterion' }], false, '1 criterion of 2'],
      ['two', {}, [{ kind: 'criterion' }, { kind: 'criterion' }], true],
      [
        'a deleted one does not count',
        {},
        [{ kind: 'criterion' }, { kind: 'criterion', deletedAt: 5 }],
        false,
        '1 criterion of 2',
      ],
      [
        'another story’s do not count',
        {},
        [{ kind: 'criterion' }, { kind: 'criterion', storyId: 's2' }],
        false,
      ],
      ['ideas are not criteria', {}, [{ kind: 'idea' }, { kind: 'criterion' }], false],
    ],
  ],
  [
    { id: 'questions', kind: 'auto' },
    [
      ['no notes', {}, [], true],
      ['an open question', {}, [{ kind: 'question' }], false, '1 open question'],
      ['two open', {}, [{ kind: 'question' }, { kind: 'question' }], false, '2 open questions'],
      ['resolved', {}, [{ kind: 'question', resolved: true }], true],
      ['deleted', {}, [{ kind: 'question', deletedAt: 1 }], true],
    ],
  ],
  [
    { id: 'risks', kind: 'auto' },
    [
      ['no risk', {}, [], true],
      ['an open risk', {}, [{ kind: 'risk' }], false, '1 open risk'],
      ['resolved', {}, [{ kind: 'risk', resolved: true }], true],
      [
        'answered by a reply',
        {},
        [
          { id: 'r1', kind: 'risk' },
          { parentId: 'r1', kind: 'idea' },
        ],
        true,
      ],
      [
        'a deleted reply is no answer',
        {},
        [
          { id: 'r1', kind: 'risk' },
          { parentId: 'r1', deletedAt: 3 },
        ],
        false,
      ],
    ],
  ],
  [
    { id: 'estimate', kind: 'auto' },
    [
      ['none', {}, [], false, 'not estimated'],
      ['accepted', { estimate: '5' }, [], true],
    ],
  ],
  [
    { id: 'understanding', kind: 'auto', threshold: 4 },
    [
      ['not yet checked', {}, [], false, 'not yet checked'],
      ['below', { understanding: { median: 3, spread: 2, at: 1 } }, [], false, 'median 3 of 5'],
      ['at the threshold', { understanding: { median: 4, spread: 1, at: 1 } }, [], true],
      ['above', { understanding: { median: 4.5, spread: 1, at: 1 } }, [], true],
    ],
  ],
  [
    { id: 'm-demo', kind: 'manual', label: 'Demo data ready' },
    [
      ['not ticked', {}, [], false, 'not ticked'],
      ['another item ticked', { checks: { 'm-x': { by: 'u', name: 'U', at: 1 } } }, [], false],
      ['ticked', { checks: { 'm-demo': { by: 'u', name: 'U', at: 1 } } }, [], true],
    ],
  ],
];

describe('each readiness rule', () => {
  for (const [rule, rows] of table) {
    describe(rule.id, () => {
      it.each(rows)('%s', (_name, s, notes, met, reason) => {
        const e = evaluate(story(s), notes.map(note), { rules: [rule] });
        expect(e.ready).toBe(met);
        expect(e.total).toBe(1);
        expect(e.met).toEqual(met ? [rule.id] : []);
        if (!met)
          expect(e.missing).toEqual([
            { id: rule.id, label: expect.any(String), reason: reason ?? expect.any(String) },
          ]);
      });
    });
  }
});

describe('evaluate', () => {
  it('keeps definition order and counts met of total', () => {
    const e = evaluate(
      story({ why: 'w', estimate: '3' }),
      [note({ kind: 'question' })],
      SUGGESTED_DEFINITION,
    );
    expect(e.total).toBe(6);
    expect(e.met).toEqual(['why', 'risks', 'estimate']);
    expect(e.missing.map((m) => m.id)).toEqual(['persona', 'criteria', 'questions']);
    expect(missingText(e)).toBe(
      'Persona set — no persona; At least 1 acceptance criterion — 0 criteria of 1; No open questions — 1 open question',
    );
  });

  it('lists unmet rules for promotion, without repeating the why and open questions', () => {
    const e = evaluate(story(), [note({ kind: 'question' })], SUGGESTED_DEFINITION);
    expect(unmetForPromotion(e)).toEqual([
      'Not ready: Persona set (no persona)',
      'Not ready: At least 1 acceptance criterion (0 criteria of 1)',
      'Not ready: Estimate accepted (not estimated)',
    ]);
    expect(unmetForPromotion(null)).toEqual([]);
  });

  it('an empty definition is met by every story', () => {
    expect(evaluate(story(), [], { rules: [] })).toEqual({ ready: true, met: [], missing: [], total: 0 });
  });
});

describe('reading what a foreign client wrote', () => {
  it('absent or malformed definition ⇒ no rules; bad rules dropped, duplicates kept once', () => {
    expect(readDefinition(undefined)).toBe(NO_DEFINITION);
    expect(readDefinition('x')).toBe(NO_DEFINITION);
    expect(evaluate(story(), [], readDefinition(undefined)).ready).toBe(true);
    expect(
      readDefinition({
        rules: [
          { id: 'criteria', kind: 'auto', min: 3 },
          { id: 'criteria', kind: 'auto', min: 1 },
          { id: 'criteria2', kind: 'auto' },
          { id: 'understanding', kind: 'auto', threshold: 9 },
          { id: 'm-1', kind: 'manual', label: '  Designs attached ' },
          { id: 'not manual', kind: 'manual', label: 'x' },
          { id: 'm-2', kind: 'manual', label: '' },
          null,
        ],
      }).rules,
    ).toEqual([
      { id: 'criteria', kind: 'auto', min: 3 },
      { id: 'm-1', kind: 'manual', label: 'Designs attached' },
    ]);
  });

  it('bad ticks and understanding read as unset', () => {
    expect(
      readChecks({ 'm-a': { by: 'u', at: 'x' }, bad: { by: 'u', at: 1 }, 'm-b': { by: 'u', at: 2 } }),
    ).toEqual({
      'm-b': { by: 'u', name: 'Someone', at: 2 },
    });
    expect(readUnderstanding({ median: 7, spread: 0, at: 1 })).toBeNull();
    expect(readUnderstanding({ median: 3, spread: -1, at: 1 })).toBeNull();
    expect(readUnderstanding({ median: 3, spread: 1, at: 1 })).toEqual({ median: 3, spread: 1, at: 1 });
  });
});

describe('readiness ops on a doc', () => {
  it('stores the definition and ticks with who and when, read back by readStory', () => {
    const doc = new Y.Doc();
    const id = createStory(doc, { title: 'T', createdBy: 'u' });
    const rules: ReadinessRule[] = [{ id: 'm-a', kind: 'manual', label: 'Designs' }];
    setDefinition(doc, { rules });
    expect(readBoardDefinition(doc).rules).toEqual(rules);
    setCheck(doc, id, 'm-a', { by: 'u1', name: 'Ana' });
    const s = readStory(id, getStoryMap(doc, id)!);
    expect(s.checks['m-a']).toMatchObject({ by: 'u1', name: 'Ana', at: expect.any(Number) });
    expect(evaluate(s, [], readBoardDefinition(doc)).ready).toBe(true);
    setCheck(doc, id, 'm-a', null);
    expect(readStory(id, getStoryMap(doc, id)!).checks).toEqual({});
  });

  it('refuses a definition with an invalid rule', () => {
    const doc = new Y.Doc();
    expect(() => setDefinition(doc, { rules: [{ id: 'criteria', kind: 'auto', min: 0 }] })).toThrow(
      /not valid/,
    );
  });
});
