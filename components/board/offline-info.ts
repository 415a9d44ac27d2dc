import type { BoardInfoResponse } from '@/lib/validation/api';
import { ROLES } from '@/lib/board/types';

/**
 * What the API said about a board for a given key, remembered so the board can open from its
 * offline copy when the server cannot be reached. Never the owner's share links (secrets the
 * page does not need offline), and only for the same key: another link may grant another role.
 */

const PREFIX = 'shellboard:info:';

/** A short fingerprint, so the key itself is not written down a second time. */
function fingerprint(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export function rememberBoardInfo(key: string, info: BoardInfoResponse): void {
  const { id, title, createdAt, role } = info;
  try {
    localStorage.setItem(PREFIX + id, JSON.stringify({ k: fingerprint(key), id, title, createdAt, role }));
  } catch {
    // storage full or blocked: the board simply will not open offline
  }
}

export function recallBoardInfo(boardId: string, key: string): BoardInfoResponse | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(PREFIX + boardId) ?? 'null');
    if (!v || typeof v !== 'object') return null;
    const r = v as Record<string, unknown>;
    if (r.k !== fingerprint(key) || r.id !== boardId) return null;
    if (typeof r.title !== 'string' || typeof r.createdAt !== 'number') return null;
    const role = ROLES.find((x) => x === r.role);
    return role ? { id: boardId, title: r.title, createdAt: r.createdAt, role } : null;
  } catch {
    return null;
  }
}

export function forgetBoardInfo(boardId: string): void {
  try {
    localStorage.removeItem(PREFIX + boardId);
  } catch {
    // nothing stored either
  }
}
