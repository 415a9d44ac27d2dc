import type { Ack, Payload, SessionState } from '../../lib/realtime/events';
import { SCALE_IDS, isInScale, type ScaleId } from '../../lib/session/scales';
import type { PrevoteStore } from '../store/store';
import type { BoardSession } from './logic';

/**
 * Pre-votes (#17): an estimate cast between sessions. The value goes to the store and nowhere else —
 * not in the state, not to the owner, not back to the voter; the state says only who pre-voted. A
 * round started on that story and scale takes them as its first votes (each person may change theirs).
 */
/**
 * Bounds, because anyone with the team link can mint fresh identities: the stored rows and the
 * `prevoted` list every state message carries stay bounded whatever a client sends.
 */
export const PREVOTE_LIMITS = { perStory: 100, perBoard: 1000 };

export async function castPrevote(
  store: PrevoteStore,
  boardId: string,
  userId: string,
  p: Payload<'prevote:cast'>,
  live: BoardSession['round'],
  limits = PREVOTE_LIMITS,
): Promise<Ack> {
  if (!isInScale(p.scale, p.value))
    return { ok: false, error: { code: 'invalid', message: `"${p.value}" is not on the ${p.scale} scale.` } };
  if (live && live.storyId === p.storyId && !live.revealed)
    return {
      ok: false,
      error: { code: 'conflict', message: 'A round on this story is running: vote in the round instead.' },
    };
  const groups = await store.prevoters(boardId);
  const here = groups.find((g) => g.storyId === p.storyId && g.scale === p.scale)?.userIds ?? [];
  // Changing one's own pre-vote is always allowed; only a new one counts against the bounds.
  if (!here.includes(userId)) {
    const total = groups.reduce((n, g) => n + g.userIds.length, 0);
    if (here.length >= limits.perStory || total >= limits.perBoard)
      return {
        ok: false,
        error: {
          code: 'conflict',
          message:
            here.length >= limits.perStory
              ? `This story already has ${limits.perStory} pre-votes on this scale; vote in the round.`
              : `This board already holds ${limits.perBoard} pre-votes; start rounds to use them.`,
        },
      };
  }
  await store.castPrevote(boardId, { ...p, userId, at: Date.now() });
  return { ok: true };
}

/** A stored row group whose scale this build knows (rows are written only through zod, but read defensively). */
export function isPrevoted(p: {
  storyId: string;
  scale: string;
  userIds: string[];
}): p is SessionState['prevoted'][number] {
  return (SCALE_IDS as readonly string[]).includes(p.scale);
}

/**
 * The round just started on (story, scale): its votes so far plus the pre-votes taken from the store;
 * a vote cast in the round already wins over the same person's pre-vote.
 */
export function withPrevotes(
  s: BoardSession,
  storyId: string,
  scale: ScaleId,
  pre: Record<string, string>,
): BoardSession | null {
  const r = s.round;
  if (!r || r.storyId !== storyId || r.scale !== scale || r.revealed) return null;
  return { ...s, round: { ...r, votes: { ...pre, ...r.votes } } };
}
