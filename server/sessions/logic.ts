import type { Role } from '../../lib/board/types';
import type { ErrorCode, Participant, SessionState } from '../../lib/realtime/events';
import { isInScale, type ScaleId } from '../../lib/session/scales';
import { roundStats } from '../../lib/session/stats';
import { understandingOf, type RoundRecord } from '../../lib/session/round-record';
import type { Understanding } from '../../lib/board/readiness';
import type { SessionCommand } from './commands';

/**
 * Server-authoritative session state and its transitions, pure so they are easy to test and can
 * run the same against memory or Redis. Votes live only here until reveal: `publicState` is the
 * single place that decides what leaves the server, and it never includes a vote before reveal.
 */
export interface BoardSession {
  focus: { storyId: string; by: string } | null;
  timer: { durationMs: number; endsAt: number | null; remainingMs: number; running: boolean };
  round: { storyId: string; scale: ScaleId; votes: Record<string, string>; revealed: boolean } | null;
  hands: string[];
  following: string[];
}

export const DEFAULT_TIMER_MS = 5 * 60_000;

export function emptySession(): BoardSession {
  return {
    focus: null,
    timer: { durationMs: DEFAULT_TIMER_MS, endsAt: null, remainingMs: DEFAULT_TIMER_MS, running: false },
    round: null,
    hands: [],
    following: [],
  };
}

export interface Actor {
  userId: string;
  role: Role;
}

/**
 * What an accept writes to the board: the round's record (every scale) and either the estimate or,
 * for an understanding check, its result (never both: understanding does not size a story).
 */
export type Effect =
  | { type: 'estimate'; storyId: string; value: string; record: RoundRecord }
  | { type: 'understanding'; storyId: string; understanding: Understanding; record: RoundRecord };
export type Transition =
  { ok: true; session: BoardSession; effect?: Effect } | { ok: false; code: ErrorCode; message: string };

const fail = (code: ErrorCode, message: string): Transition => ({ ok: false, code, message });
const without = (xs: string[], x: string) => xs.filter((y) => y !== x);
const withOne = (xs: string[], x: string) => (xs.includes(x) ? xs : [...xs, x]);

/** The session after `cmd` by `actor` at server time `now`, or why it is refused. */
export function transition(s: BoardSession, cmd: SessionCommand, actor: Actor, now: number): Transition {
  const ok = (session: BoardSession, effect?: Effect): Transition => ({ ok: true, session, effect });
  switch (cmd.event) {
    case 'focus:set': {
      const { storyId } = cmd.payload;
      return ok({ ...s, focus: storyId ? { storyId, by: actor.userId } : null });
    }
    case 'follow:set':
      return ok({
        ...s,
        following: cmd.payload.on ? withOne(s.following, actor.userId) : without(s.following, actor.userId),
      });
    case 'timer:start': {
      const { durationMs } = cmd.payload;
      return ok({
        ...s,
        timer: { durationMs, endsAt: now + durationMs, remainingMs: durationMs, running: true },
      });
    }
    case 'timer:pause':
      if (!s.timer.running || s.timer.endsAt === null) return fail('conflict', 'The timer is not running.');
      return ok({
        ...s,
        timer: { ...s.timer, endsAt: null, remainingMs: s.timer.endsAt - now, running: false },
      });
    case 'timer:resume':
      if (s.timer.running) return fail('conflict', 'The timer is already running.');
      return ok({ ...s, timer: { ...s.timer, endsAt: now + s.timer.remainingMs, running: true } });
    case 'timer:reset':
      return ok({
        ...s,
        timer: { ...s.timer, endsAt: null, remainingMs: s.timer.durationMs, running: false },
      });
    case 'round:start': {
      const { storyId, scale } = cmd.payload;
      return ok({ ...s, round: { storyId, scale, votes: {}, revealed: false } });
    }
    case 'round:vote': {
      const { value } = cmd.payload;
      if (!s.round) return fail('conflict', 'No estimation round is running.');
      if (s.round.revealed) return fail('conflict', 'Votes are already revealed; wait for a re-vote.');
      if (!isInScale(s.round.scale, value))
        return fail('invalid', `"${value}" is not on the ${s.round.scale} scale.`);
      return ok({ ...s, round: { ...s.round, votes: { ...s.round.votes, [actor.userId]: value } } });
    }
    case 'round:reveal':
      if (!s.round) return fail('conflict', 'No estimation round is running.');
      if (s.round.revealed) return fail('conflict', 'Votes are already revealed.');
      return ok({ ...s, round: { ...s.round, revealed: true } });
    case 'round:revote':
      if (!s.round) return fail('conflict', 'No estimation round is running.');
      return ok({ ...s, round: { ...s.round, votes: {}, revealed: false } });
    case 'round:accept': {
      const { value } = cmd.payload;
      if (!s.round) return fail('conflict', 'No estimation round is running.');
      if (!s.round.revealed) return fail('conflict', 'Reveal the votes before accepting an estimate.');
      if (!isInScale(s.round.scale, value))
        return fail('invalid', `"${value}" is not on the ${s.round.scale} scale.`);
      const { storyId, scale, votes } = s.round;
      const stats = roundStats(scale, votes);
      const record: RoundRecord = { scale, distribution: stats.distribution, accepted: value, at: now };
      if (scale !== 'understanding')
        return ok({ ...s, round: null }, { type: 'estimate', storyId, value, record });
      const understanding = understandingOf(stats, now);
      if (!understanding) return fail('conflict', 'Nobody voted; start the check again.');
      // The story keeps the median and spread the team showed; the facilitator's pick is the record's.
      return ok({ ...s, round: null }, { type: 'understanding', storyId, understanding, record });
    }
    case 'hand:set':
      return ok({
        ...s,
        hands: cmd.payload.raised ? withOne(s.hands, actor.userId) : without(s.hands, actor.userId),
      });
    default: {
      const unhandled: never = cmd; // a new event that this switch misses fails to compile here
      return unknownEvent(unhandled);
    }
  }
}

/**
 * The session once `userId` has no socket left on the board: their raised hand and follow flag go
 * (a departed socket's hand used to stay forever). Their vote stays, so a reconnect keeps it.
 * Null when there is nothing to drop, so nothing is written.
 */
export function depart(s: BoardSession, userId: string): BoardSession | null {
  if (!s.hands.includes(userId) && !s.following.includes(userId)) return null;
  return { ...s, hands: without(s.hands, userId), following: without(s.following, userId) };
}

/** Unreachable for a parsed command; a refusal rather than a throw all the same. */
function unknownEvent(cmd: { event: unknown }): Transition {
  return fail('invalid', `Unknown event ${String(cmd.event)}.`);
}

/** What every client — the owner included — may see. Vote values appear only after reveal. */
export function publicState(
  s: BoardSession,
  participants: Participant[],
  now: number,
  prevoted: SessionState['prevoted'] = [],
): SessionState {
  const r = s.round;
  return {
    focus: s.focus,
    timer: {
      ...s.timer,
      remainingMs: s.timer.running && s.timer.endsAt !== null ? s.timer.endsAt - now : s.timer.remainingMs,
    },
    round: r
      ? {
          storyId: r.storyId,
          scale: r.scale,
          voterIds: Object.keys(r.votes).sort(),
          revealed: r.revealed,
          ...(r.revealed ? { votes: { ...r.votes }, stats: roundStats(r.scale, r.votes) } : {}),
        }
      : null,
    hands: [...s.hands],
    participants,
    prevoted,
    serverNow: now,
  };
}
