import { connectTrackerBody } from '../../lib/trackers/api';
import type { Config } from '../config';
import type { BoardRegistry } from '../store/store';
import { trackerErrorBody } from '../trackers/errors';
import type { TrackerService } from '../trackers/service';
import { TrackerError } from '../trackers/types';
import { requireRole } from './auth';
import { linkBase } from './boards';
import { parseBody } from './body';
import { HttpError, sendJson } from './respond';
import type { Handler, Router } from './router';

/** A tracker's "no" as the documented 502 (or 400 for a refused address), with its own words. */
const trackerErrors =
  (h: Handler): Handler =>
  async (req, res, params) => {
    try {
      await h(req, res, params);
    } catch (err) {
      if (!(err instanceof TrackerError)) throw err;
      const { status, body } = trackerErrorBody(err);
      sendJson(res, status, body);
    }
  };

/** The tracker contract (docs/trackers.md): connection, push, status, bulk push, push summaries. */
export function registerTrackerRoutes(
  router: Router,
  deps: { store: BoardRegistry; trackers: TrackerService; config: Config },
) {
  const { store, trackers, config } = deps;
  const anyRole = ['owner', 'team', 'view'] as const;

  router.on(
    'PUT',
    '/api/boards/:id/tracker',
    trackerErrors(async (req, res, { id = '' }) => {
      await requireRole(store, req, id, ['owner']);
      const body = await parseBody(connectTrackerBody, req, config.limits.maxBodyBytes);
      sendJson(res, 200, await trackers.connect(id, body));
    }),
  );

  router.on('GET', '/api/boards/:id/tracker', async (req, res, { id = '' }) => {
    await requireRole(store, req, id, anyRole);
    const v = await trackers.get(id);
    if (!v) throw new HttpError(404, 'tracker_not_connected', 'This board has no tracker connected.');
    sendJson(res, 200, v);
  });

  router.on('DELETE', '/api/boards/:id/tracker', async (req, res, { id = '' }) => {
    await requireRole(store, req, id, ['owner']);
    if (!(await trackers.disconnect(id)))
      throw new HttpError(404, 'tracker_not_connected', 'This board has no tracker connected.');
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  });

  router.on('GET', '/api/boards/:id/tracker/pushes', async (req, res, { id = '' }) => {
    await requireRole(store, req, id, anyRole);
    sendJson(res, 200, { pushes: await trackers.pushes(id) });
  });

  router.on(
    'POST',
    '/api/boards/:id/stories/:storyId/push',
    trackerErrors(async (req, res, { id = '', storyId = '' }) => {
      await requireRole(store, req, id, ['owner']);
      const { created, body } = await trackers.push(id, storyId, linkBase(config, req));
      sendJson(res, created ? 201 : 200, body);
    }),
  );

  router.on(
    'GET',
    '/api/boards/:id/stories/:storyId/tracker',
    trackerErrors(async (req, res, { id = '', storyId = '' }) => {
      await requireRole(store, req, id, anyRole);
      sendJson(res, 200, await trackers.status(id, storyId));
    }),
  );

  router.on(
    'POST',
    '/api/boards/:id/push',
    trackerErrors(async (req, res, { id = '' }) => {
      await requireRole(store, req, id, ['owner']);
      sendJson(res, 200, await trackers.pushAll(id, linkBase(config, req)));
    }),
  );
}
