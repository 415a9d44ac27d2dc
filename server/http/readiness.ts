import { readinessReport } from '../../lib/board/readiness-report';
import type { BoardRegistry } from '../store/store';
import type { RoomManager } from '../sync/room-manager';
import { requireRole } from './auth';
import { sendJson } from './respond';
import type { Router } from './router';

/** The definition of ready and every story's readiness, from the live doc (any role). */
export function registerReadinessRoutes(router: Router, deps: { store: BoardRegistry; rooms: RoomManager }) {
  const { store, rooms } = deps;
  router.on('GET', '/api/boards/:id/readiness', async (req, res, { id = '' }) => {
    await requireRole(store, req, id, ['owner', 'team', 'view']);
    const report = await rooms.withRoom(id, (room) => readinessReport(room.doc));
    sendJson(res, 200, report);
  });
}
