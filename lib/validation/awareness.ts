import { z } from 'zod';
import { ROLES } from '../board/types';

/** Awareness state every client publishes: `{ user: { id, name, color, role }, storyId?, typing? }`. */
export const awarenessUserSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  role: z.enum(ROLES),
});

export const awarenessStateSchema = z.object({
  user: awarenessUserSchema,
  storyId: z.string().max(64).nullish(),
  typing: z.boolean().nullish(),
});

export type AwarenessUser = z.infer<typeof awarenessUserSchema>;
export type AwarenessState = z.infer<typeof awarenessStateSchema>;

export function parseAwareness(v: unknown): AwarenessState | null {
  const r = awarenessStateSchema.safeParse(v);
  return r.success ? r.data : null;
}
