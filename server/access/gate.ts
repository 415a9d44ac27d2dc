import type { Role } from '../../lib/board/types';
import { boardIdSchema } from '../../lib/validation/api';
import { roleForKey } from '../keys';
import type { BoardRecord, BoardRegistry } from '../store/store';

/**
 * The permission gate: one decision used by sync, the session channel and the HTTP API.
 * A board id that does not parse is treated exactly like an unknown board.
 */
export type GateResult =
  | { ok: true; board: BoardRecord; role: Role }
  | { ok: false; status: 401 | 404; code: 'unauthorized' | 'not_found'; message: string };

export async function checkAccess(
  store: BoardRegistry,
  boardId: string,
  key: string | null | undefined,
): Promise<GateResult> {
  if (!boardIdSchema.safeParse(boardId).success) return notFound();
  const board = await store.getBoard(boardId);
  if (!board) return notFound();
  const role = roleForKey(board.keyHashes, key);
  if (!role)
    return {
      ok: false,
      status: 401,
      code: 'unauthorized',
      message: 'This link is not valid for this board.',
    };
  return { ok: true, board, role };
}

function notFound(): GateResult {
  return { ok: false, status: 404, code: 'not_found', message: 'No board with this id.' };
}
