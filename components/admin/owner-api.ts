import type { BoardLinks, RotateLinkResponse } from '@/lib/validation/api';
import type { Role } from '@/lib/board/types';

/** Owner-only board administration over the HTTP API; the key travels only in the Bearer header. */
export function keyFromLink(link: string): string {
  return new URL(link).hash.replace(/^#k=/, '');
}

async function fail(res: Response): Promise<never> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
}

export async function rotateLink(boardId: string, ownerKey: string, role: Role): Promise<RotateLinkResponse> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links/rotate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ownerKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (!res.ok) return fail(res);
  return (await res.json()) as RotateLinkResponse;
}

export async function deleteBoard(boardId: string, ownerKey: string): Promise<void> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${ownerKey}` },
  });
  if (!res.ok) return fail(res);
}

export type { BoardLinks };
