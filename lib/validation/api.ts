import { z } from 'zod';
import { ROLES, TITLE_MAX } from '../board/types';

export const createBoardBody = z.object({
  title: z
    .string({ error: 'title must be a string' })
    .trim()
    .min(1, 'title must not be empty')
    .max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`),
});
export type CreateBoardBody = z.infer<typeof createBoardBody>;

export const boardIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);

export interface BoardLinks {
  owner: string;
  team: string;
  view: string;
}

export interface CreateBoardResponse {
  id: string;
  links: BoardLinks;
}

export interface BoardInfoResponse {
  id: string;
  title: string;
  createdAt: number;
  role: (typeof ROLES)[number];
  /** Only for the owner: every share link (decrypted with the owner's key for this request). */
  links?: BoardLinks;
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export const rotateLinkBody = z.object({
  role: z.enum(ROLES, { error: 'role must be "owner", "team" or "view"' }),
});

export interface RotateLinkResponse {
  role: (typeof ROLES)[number];
  /** the new link for that role */
  link: string;
  links: BoardLinks;
}
