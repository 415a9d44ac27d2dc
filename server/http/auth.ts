import type { IncomingMessage } from 'node:http';
import type { Role } from '../../lib/board/types';
import type { BoardRegistry } from '../store/store';
import { checkAccess } from '../access/gate';
import { HttpError, bearerKey } from './respond';

/** The gate for the API: the Bearer key decides the role; `allowed` lists who may call. */
export async function requireRole(
  store: BoardRegistry,
  req: IncomingMessage,
  boardId: string,
  allowed: readonly Role[],
) {
  const key = bearerKey(req);
  const gate = await checkAccess(store, boardId, key);
  if (!gate.ok) throw new HttpError(gate.status, gate.code, gate.message);
  if (!allowed.includes(gate.role)) {
    throw new HttpError(
      403,
      'forbidden',
      allowed.length === 1 ? `Only the ${allowed[0]} link may do this.` : 'This link may not do this.',
    );
  }
  return { board: gate.board, role: gate.role, key: key ?? '' };
}
