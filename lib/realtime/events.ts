import { z } from 'zod';
import type { Role } from '../board/types';
import { ESTIMATE_SCALE_IDS, SCALE_IDS, type ScaleId } from '../session/scales';
import type { RoundStats } from '../session/stats';
import { USER_SECRET } from '../presence/user-id';
import { REACTIONS } from './session-constants';

/**
 * The live-session channel (socket.io, path /socket.io, namespace /session). Typed once here and
 * used by the server and the browser. Every client→server event takes an optional payload and an
 * ack callback answered with `Ack`.
 */

export { REACTIONS, SESSION_NAMESPACE } from './session-constants';

export const sessionUserSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/**
 * The handshake names the person by a per-browser secret (lib/presence/user-id.ts); the server
 * derives `user.id` from it. An `id` a client sends in `user` is dropped, never trusted.
 */
export const handshakeSchema = z.object({
  boardId: z.string().min(1).max(64),
  key: z.string().min(1).max(256),
  secret: z.string().regex(USER_SECRET),
  user: sessionUserSchema.omit({ id: true }),
});
export type SessionHandshake = z.infer<typeof handshakeSchema>;

const storyId = z.string().min(1).max(64);
export const payloads = {
  'focus:set': z.object({ storyId: storyId.nullable() }),
  'follow:set': z.object({ on: z.boolean() }),
  'timer:start': z.object({
    durationMs: z
      .number()
      .int()
      .min(1_000)
      .max(4 * 3_600_000),
  }),
  'timer:pause': z.object({}).optional(),
  'timer:resume': z.object({}).optional(),
  'timer:reset': z.object({}).optional(),
  'round:start': z.object({ storyId, scale: z.enum(SCALE_IDS as [ScaleId, ...ScaleId[]]) }),
  'round:vote': z.object({ value: z.string().min(1).max(8) }),
  'round:reveal': z.object({}).optional(),
  'round:revote': z.object({}).optional(),
  'round:accept': z.object({ value: z.string().min(1).max(8) }),
  'hand:set': z.object({ raised: z.boolean() }),
  'reaction:send': z.object({ emoji: z.enum(REACTIONS) }),
  // Outside a live round: kept in the store, never sent to anyone; a round on that story and scale
  // starts with it (#17). Estimate scales only: understanding is checked in the room.
  'prevote:cast': z.object({
    storyId,
    scale: z.enum(ESTIMATE_SCALE_IDS as [ScaleId, ...ScaleId[]]),
    value: z.string().min(1).max(8),
  }),
} as const;

export type ClientEvent = keyof typeof payloads;
export type Payload<E extends ClientEvent> = z.infer<(typeof payloads)[E]>;

export type ErrorCode = 'forbidden' | 'invalid' | 'conflict' | 'not_found' | 'rate_limited' | 'unavailable';
export type Ack = { ok: true } | { ok: false; error: { code: ErrorCode; message: string } };
export type AckFn = (ack: Ack) => void;

export interface TimerState {
  durationMs: number;
  /** server clock (ms since epoch) when the timebox ends; null while paused or stopped */
  endsAt: number | null;
  remainingMs: number;
  running: boolean;
}

export interface RoundState {
  storyId: string;
  scale: ScaleId;
  voterIds: string[];
  revealed: boolean;
  /** only after reveal */
  votes?: Record<string, string>;
  stats?: RoundStats;
}

export interface Participant extends SessionUser {
  role: Role;
  following: boolean;
}

export interface SessionState {
  focus: { storyId: string; by: string } | null;
  timer: TimerState;
  round: RoundState | null;
  hands: string[];
  participants: Participant[];
  /** who has pre-voted on which story and scale, outside a round — never what */
  prevoted: { storyId: string; scale: ScaleId; userIds: string[] }[];
  /** server clock when this state was sent: clients correct their countdown by the offset */
  serverNow: number;
}

export interface ReactionEvent {
  userId: string;
  name: string;
  color: string;
  emoji: (typeof REACTIONS)[number];
  at: number;
}

export interface ServerToClientEvents {
  'session:state': (state: SessionState) => void;
  reaction: (r: ReactionEvent) => void;
  'session:closed': (e: { reason: string }) => void;
}

type ClientHandler<E extends ClientEvent> = (payload: Payload<E>, ack?: AckFn) => void;
export type ClientToServerEvents = { [E in ClientEvent]: ClientHandler<E> };

/** Which role may send what (docs/architecture.md "Roles and keys"). */
export const EVENT_ROLES: Record<ClientEvent, readonly Role[]> = {
  'focus:set': ['owner'],
  'follow:set': ['owner', 'team', 'view'],
  'timer:start': ['owner'],
  'timer:pause': ['owner'],
  'timer:resume': ['owner'],
  'timer:reset': ['owner'],
  'round:start': ['owner'],
  'round:vote': ['owner', 'team'],
  'round:reveal': ['owner'],
  'round:revote': ['owner'],
  'round:accept': ['owner'],
  'hand:set': ['owner', 'team'],
  'reaction:send': ['owner', 'team'],
  'prevote:cast': ['owner', 'team'],
};
