import { ROLES, type Role } from '../board/types';

/**
 * Awareness state every client publishes: `{ user: { id, name, color, role }, storyId?, typing? }`.
 * Read in the browser on every presence change, for every peer, on the board and present pages.
 * Checked by hand rather than with zod on purpose: these five fields are the whole schema, and
 * keeping a validation library off the first-load path is what keeps the board page under its
 * JS budget (docs/performance.md). Unknown keys are dropped; anything malformed reads as absent.
 */
export interface AwarenessUser {
  id: string;
  name: string;
  color: string;
  role: Role;
}

export interface AwarenessState {
  user: AwarenessUser;
  storyId?: string | null;
  typing?: boolean | null;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;
/**
 * A user id: what `nanoid()` makes (components/presence/use-identity.ts), at most 64 characters.
 * The server keeps one attendee per id, so a client-chosen id must be small and plain.
 */
export const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isUserId(v: unknown): v is string {
  return typeof v === 'string' && USER_ID.test(v);
}

function text(v: unknown, min: number, max: number): v is string {
  return typeof v === 'string' && v.length >= min && v.length <= max;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseAwarenessUser(v: unknown): AwarenessUser | null {
  if (!isRecord(v)) return null;
  const { id, name, color, role } = v;
  if (!isUserId(id) || !text(name, 1, 80) || !text(color, 7, 7) || !COLOR.test(color)) return null;
  if (!(ROLES as readonly unknown[]).includes(role)) return null;
  return { id, name, color, role: role as Role };
}

export function parseAwareness(v: unknown): AwarenessState | null {
  if (!isRecord(v)) return null;
  const user = parseAwarenessUser(v.user);
  if (!user) return null;
  const { storyId, typing } = v;
  if (storyId != null && !text(storyId, 0, 64)) return null;
  if (typing != null && typeof typing !== 'boolean') return null;
  const out: AwarenessState = { user };
  if (storyId !== undefined) out.storyId = storyId;
  if (typing !== undefined) out.typing = typing;
  return out;
}
