import { describe, expect, it } from 'vitest';
import { TEAM_FIELD_RULES, VIEW_ONLY, checkTouches, type Touch } from './rules';

/** The rule table on its own: one row per place and operation, for each role. */
const json = (value: unknown) => ({ kind: 'json', value }) as const;
const ins = (root: string, path: (string | null)[], value: unknown = 1, current?: unknown): Touch => ({
  root,
  path,
  op: 'insert',
  value: json(value),
  ...(current !== undefined && { current: json(current) }),
});
const del = (root: string, path: (string | null)[], current: unknown = 1, fresh = false): Touch => ({
  root,
  path,
  op: 'delete',
  current: json(current),
  ...(fresh && { fresh }),
});

type Row = [name: string, touches: Touch[], team: true | RegExp];

const rows: Row[] = [
  ['create a story entry', [ins('stories', ['s'], null)], true],
  ['replace a story entry', [ins('stories', ['s'], null, 'old')], /story for good/],
  ['remove a story entry', [del('stories', ['s'])], /story for good/],
  ['remove an entry created in the same update', [del('stories', ['s'], null, true)], true],
  ['remove a note entry', [del('notes', ['n'])], /note for good/],
  ['remove a persona entry', [del('personas', ['p'])], /persona for good/],
  ['remove a metric entry', [del('metrics', ['m'])], /metric for good/],
  ['remove a draft', [del('drafts', ['d'])], /discard a promotion draft/],
  ['type in a title', [ins('stories', ['s', 'title', null], 'x')], true],
  ['erase in a why', [del('stories', ['s', 'why', null], 'x')], true],
  ['set status refining', [ins('stories', ['s', 'status'], 'refining', 'shell')], true],
  ['set status promoted', [ins('stories', ['s', 'status'], 'promoted', 'ready')], /marks a story promoted/],
  ['set a status over promoted', [ins('stories', ['s', 'status'], 'ready', 'promoted')], /promoted story/],
  ['delete a promoted status', [del('stories', ['s', 'status'], 'promoted')], /promoted story/],
  ['edit inside a status', [ins('stories', ['s', 'status', null], 'x')], /not a text/],
  ['set an estimate', [ins('stories', ['s', 'estimate'], '5')], /facilitator/],
  ['edit inside an estimate', [ins('stories', ['s', 'estimate', null], '5')], /facilitator/],
  ['delete an estimate', [del('stories', ['s', 'estimate'], '5')], /facilitator/],
  ['set formalId', [ins('stories', ['s', 'formalId'], 's')], /formalId/],
  ['set formalVersion', [ins('stories', ['s', 'formalVersion'], 2)], /formalVersion/],
  [
    'soft-delete a story',
    [ins('stories', ['s', 'deletedAt'], 5), ins('stories', ['s', 'deletedBy'], 'u')],
    true,
  ],
  [
    'soft-delete again (overwrite)',
    [ins('stories', ['s', 'deletedAt'], 6, 5), del('stories', ['s', 'deletedAt'], 5)],
    true,
  ],
  ['clear deletedAt', [del('stories', ['s', 'deletedAt'], 5)], /restore from Trash/],
  ['clear deletedBy', [del('stories', ['s', 'deletedBy'], 'u')], /restore from Trash/],
  ['set deletedAt to null', [ins('stories', ['s', 'deletedAt'], null, 5)], /restore from Trash/],
  ['set deletedBy to a number', [ins('stories', ['s', 'deletedBy'], 5)], /restore from Trash/],
  [
    'set deletedAt and delete it at once',
    [ins('stories', ['s', 'deletedAt'], 6, 5), del('stories', ['s', 'deletedAt'], 6, true)],
    /restore from Trash/,
  ],
  ['restore a note', [del('notes', ['n', 'deletedAt'], 5)], /restore from Trash/],
  ['soft-delete a note', [ins('notes', ['n', 'deletedAt'], 5)], true],
  ['+1 a note', [ins('notes', ['n', 'plus', 'u'], true)], true],
  ['take back a +1', [del('notes', ['n', 'plus', 'u'], true)], true],
  ['reply (a note with parentId)', [ins('notes', ['r'], null), ins('notes', ['r', 'parentId'], 'n')], true],
  ['an unknown note field', [ins('notes', ['n', 'mood'], 'ok')], true],
  ['rename a persona', [ins('personas', ['p', 'name'], 'x', 'y')], true],
  ['unarchive a metric', [del('metrics', ['m', 'archived'], true)], true],
  ['edit a criterion', [ins('drafts', ['d', 'criteria', null, null], 'x')], true],
  ['remove a criterion', [del('drafts', ['d', 'criteria', null], null)], true],
  ['replace the criteria array', [ins('drafts', ['d', 'criteria'], null, null)], true],
  ['tick a readiness item', [ins('stories', ['s', 'checks', 'm-a'], { by: 'u', name: 'U', at: 1 })], true],
  ['untick a readiness item', [del('stories', ['s', 'checks', 'm-a'], { by: 'u', name: 'U', at: 1 })], true],
  ['create the checks map', [ins('stories', ['s', 'checks'], null)], true],
  [
    'set understanding',
    [ins('stories', ['s', 'understanding'], { median: 4, spread: 1, at: 1 })],
    /understanding round/,
  ],
  [
    'clear understanding',
    [del('stories', ['s', 'understanding'], { median: 4, spread: 1, at: 1 })],
    /understanding round/,
  ],
  [
    'append to a round history',
    [ins('stories', ['s', 'rounds'], [{ scale: 'fibonacci' }])],
    /adds to its history/,
  ],
  ['set the definition of ready', [ins('meta', ['readiness'], { rules: [] })], /settings \(readiness\)/],
  ['add a value stream', [ins('meta', ['valueStreams', null], 'Growth')], true],
  ['set meta.title', [ins('meta', ['title'], 'x')], /settings \(title\)/],
  ['delete meta.scale', [del('meta', ['scale'], 'fibonacci')], /settings \(scale\)/],
  ['sequence content in the meta root', [ins('meta', [null], 'x')], /settings/],
  ['a root outside the schema', [ins('plugin', ['x'], 1)], true],
  ['sequence content in an entity root', [ins('stories', [null], 'x')], true],
  [
    'one allowed and one forbidden part',
    [ins('stories', ['s', 'title', null], 'x'), ins('stories', ['s', 'estimate'], '1')],
    /facilitator/,
  ],
];

describe('rule table', () => {
  it.each(rows)('%s', (_name, touches, team) => {
    expect(checkTouches('owner', touches)).toEqual({ ok: true });
    expect(checkTouches('view', touches)).toEqual({ ok: false, reason: VIEW_ONLY });
    if (team === true) expect(checkTouches('team', touches)).toEqual({ ok: true });
    else expect(checkTouches('team', touches)).toEqual({ ok: false, reason: expect.stringMatching(team) });
  });

  it('every role may send nothing', () => {
    for (const role of ['owner', 'team', 'view'] as const)
      expect(checkTouches(role, [])).toEqual({ ok: true });
  });

  it('lists the owner-only story fields in one place', () => {
    expect(TEAM_FIELD_RULES.stories).toMatchObject({
      estimate: 'owner',
      formalId: 'owner',
      formalVersion: 'owner',
      understanding: 'owner',
    });
  });
});
