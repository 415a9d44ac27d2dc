import { describe, expect, it } from 'vitest';
import { isClientEvent, parseCommand, type SessionCommand } from './commands';
import {
  emptySession,
  publicState,
  transition,
  type Actor,
  type BoardSession,
  type Transition,
} from './logic';

const po: Actor = { userId: 'po', role: 'owner' };
const dev: Actor = { userId: 'dev', role: 'team' };

/** Applies commands in order from an empty session; stops at the first refusal and returns it. */
function run(cmds: [SessionCommand, Actor][], now = 1000): Transition {
  let s: BoardSession = emptySession();
  let last: Transition = { ok: true, session: s };
  for (const [cmd, actor] of cmds) {
    last = transition(s, cmd, actor, now);
    if (!last.ok) return last;
    s = last.session;
  }
  return last;
}

const session = (t: Transition) => {
  if (!t.ok) throw new Error(t.message);
  return t.session;
};

describe('session commands', () => {
  it('parses a payload by its own event and names the path of each issue', () => {
    expect(parseCommand('round:vote', { value: '5' })).toEqual({
      ok: true,
      command: { event: 'round:vote', payload: { value: '5' } },
    });
    expect(parseCommand('timer:pause', undefined)).toEqual({
      ok: true,
      command: { event: 'timer:pause', payload: undefined },
    });
    const bad = parseCommand('round:start', { storyId: '', scale: 'nope' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^storyId: .+; scale: /);
    expect(isClientEvent('hand:set')).toBe(true);
    expect(isClientEvent('toString')).toBe(false);
  });
});

describe('transition', () => {
  it('runs a round: votes per user, reveal, accept yields the estimate effect and ends the round', () => {
    const start = { event: 'round:start', payload: { storyId: 's1', scale: 'fibonacci' } } as const;
    const revealed = run([
      [start, po],
      [{ event: 'round:vote', payload: { value: '3' } }, dev],
      [{ event: 'round:vote', payload: { value: '5' } }, po],
      [{ event: 'round:reveal', payload: undefined }, po],
    ]);
    expect(session(revealed).round).toEqual({
      storyId: 's1',
      scale: 'fibonacci',
      votes: { dev: '3', po: '5' },
      revealed: true,
    });
    const accepted = transition(
      session(revealed),
      { event: 'round:accept', payload: { value: '5' } },
      po,
      2000,
    );
    expect(accepted).toMatchObject({ ok: true, effect: { type: 'estimate', storyId: 's1', value: '5' } });
    expect(session(accepted).round).toBeNull();
    expect(accepted.ok && accepted.effect?.record).toEqual({
      scale: 'fibonacci',
      distribution: [
        { value: '3', count: 1 },
        { value: '5', count: 1 },
      ],
      accepted: '5',
      at: 2000,
    });
  });

  it('an understanding round yields its median and spread, never an estimate', () => {
    const revealed = run([
      [{ event: 'round:start', payload: { storyId: 's1', scale: 'understanding' } }, po],
      [{ event: 'round:vote', payload: { value: '2' } }, dev],
      [{ event: 'round:vote', payload: { value: '4' } }, po],
      [{ event: 'round:reveal', payload: undefined }, po],
    ]);
    const accepted = transition(session(revealed), { event: 'round:accept', payload: { value: '2' } }, po, 5);
    expect(accepted).toMatchObject({
      ok: true,
      effect: { type: 'understanding', storyId: 's1', understanding: { median: 2, spread: 2, at: 5 } },
    });
    const empty = run([
      [{ event: 'round:start', payload: { storyId: 's1', scale: 'understanding' } }, po],
      [{ event: 'round:reveal', payload: undefined }, po],
    ]);
    expect(
      transition(session(empty), { event: 'round:accept', payload: { value: '3' } }, po, 5),
    ).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('refuses out-of-order and off-scale commands with conflict or invalid', () => {
    const start = { event: 'round:start', payload: { storyId: 's1', scale: 'tshirt' } } as const;
    expect(run([[{ event: 'round:vote', payload: { value: 'M' } }, dev]])).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(
      run([
        [start, po],
        [{ event: 'round:vote', payload: { value: '5' } }, dev],
      ]),
    ).toEqual({ ok: false, code: 'invalid', message: '"5" is not on the tshirt scale.' });
    expect(
      run([
        [start, po],
        [{ event: 'round:accept', payload: { value: 'M' } }, po],
      ]),
    ).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('Reveal') });
    expect(run([[{ event: 'timer:pause', payload: undefined }, po]])).toMatchObject({ code: 'conflict' });
  });

  it('keeps the timer on the server clock; focus, hands and following are per user', () => {
    const started = run([[{ event: 'timer:start', payload: { durationMs: 60_000 } }, po]], 1000);
    expect(session(started).timer).toEqual({
      durationMs: 60_000,
      endsAt: 61_000,
      remainingMs: 60_000,
      running: true,
    });
    const paused = transition(session(started), { event: 'timer:pause', payload: undefined }, po, 21_000);
    expect(session(paused).timer).toMatchObject({ endsAt: null, remainingMs: 40_000, running: false });
    const s = session(
      run([
        [{ event: 'focus:set', payload: { storyId: 's2' } }, po],
        [{ event: 'hand:set', payload: { raised: true } }, dev],
        [{ event: 'follow:set', payload: { on: true } }, dev],
        [{ event: 'follow:set', payload: { on: true } }, dev],
      ]),
    );
    expect(s).toMatchObject({ focus: { storyId: 's2', by: 'po' }, hands: ['dev'], following: ['dev'] });
  });

  it('shows vote values only after reveal', () => {
    const voted = session(
      run([
        [{ event: 'round:start', payload: { storyId: 's1', scale: 'fibonacci' } }, po],
        [{ event: 'round:vote', payload: { value: '8' } }, dev],
      ]),
    );
    const before = publicState(voted, [], 5000);
    expect(before.round).toEqual({ storyId: 's1', scale: 'fibonacci', voterIds: ['dev'], revealed: false });
    expect(JSON.stringify(before)).not.toContain('"8"');
    const after = publicState(
      session(transition(voted, { event: 'round:reveal', payload: undefined }, po, 5000)),
      [],
      5000,
    );
    expect(after.round?.votes).toEqual({ dev: '8' });
  });
});
