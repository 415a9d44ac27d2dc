import type { IncomingMessage } from 'node:http';
import { rotateLinkBody, type RotateLinkResponse } from '../../lib/validation/api';
import type { Config } from '../config';
import { hashKey, newKey, openLinks, sealLinks } from '../keys';
import type { Logger } from '../log';
import type { BoardRegistry } from '../store/store';
import { REVOKE_REASONS, type RoomManager } from '../sync/room-manager';
import type { Sessions } from '../sessions/namespace';
import { boardLinks, linkBase } from './boards';
import { parseBody } from './body';
import { HttpError, sendJson } from './respond';
import { requireRole } from './auth';
import type { Router } from './router';

/** Rotations refused by the compare-and-set before one gives up (each lost to another rotation). */
const MAX_ROTATE_ATTEMPTS = 8;

/** Owner-only board administration: rotate a share link, delete the board. */
export function registerOwnerRoutes(
  router: Router,
  deps: { store: BoardRegistry; rooms: RoomManager; sessions: Sessions; config: Config; log: Logger },
): void {
  const { store, rooms, sessions, config, log } = deps;

  const requireOwner = (req: IncomingMessage, id: string) => requireRole(store, req, id, ['owner']);

  router.on('POST', '/api/boards/:id/links/rotate', async (req, res, { id = '' }) => {
    let { board, key: ownerKey } = await requireOwner(req, id);
    const { role } = await parseBody(rotateLinkBody, req, config.limits.maxBodyBytes);
    // Compare-and-set: what we read may be stale by now (another rotation, even of the owner key,
    // may have landed while the body arrived). When the write is refused, re-read (through the gate:
    // a rotated owner key is refused there) and rotate on top of what is stored now.
    let keys: { owner: string; team: string; view: string } | null = null;
    let revokedHash = '';
    for (let attempt = 0; !keys; attempt++) {
      if (attempt >= MAX_ROTATE_ATTEMPTS) {
        throw new HttpError(503, 'busy', 'The links are being changed right now; try again.');
      }
      if (attempt > 0) ({ board, key: ownerKey } = await requireOwner(req, id));
      const shared = openLinks(ownerKey, id, board.sealedLinks);
      if (!shared) throw new HttpError(500, 'internal', 'The stored links could not be opened.');
      const next = { owner: ownerKey, ...shared, [role]: newKey() };
      const hashes = { ...board.keyHashes, [role]: hashKey(next[role]) };
      const sealed = sealLinks(next.owner, id, { team: next.team, view: next.view });
      if (await store.updateKeys(id, board.keyHashes, hashes, sealed)) {
        keys = next;
        revokedHash = board.keyHashes[role];
      }
    }
    // The old key stops working at once: everyone connected with it, on every instance, is told
    // why and cut off (session sockets through the socket.io Redis adapter).
    await rooms.revoke({ boardId: id, kind: 'rotated', role, keyHash: revokedHash });
    await sessions.close(id, role, REVOKE_REASONS.rotated);
    log.info({ boardId: id, role }, 'link rotated');
    const links = boardLinks(linkBase(config, req), id, keys);
    const body: RotateLinkResponse = { role, link: links[role], links };
    sendJson(res, 200, body);
  });

  router.on('DELETE', '/api/boards/:id', async (req, res, { id = '' }) => {
    await requireOwner(req, id);
    await rooms.revoke({ boardId: id, kind: 'deleted' });
    await sessions.close(id, null, REVOKE_REASONS.deleted);
    await store.deleteBoard(id);
    log.info({ boardId: id }, 'board deleted');
    sendJson(res, 200, { deleted: true });
  });
}
