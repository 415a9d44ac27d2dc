import { z } from 'zod';
import { markPromoted } from '../../lib/board/ops';
import { getStoryMap } from '../../lib/board/schema';
import { summarize } from '../../lib/promote/types';
import { contentHash, versionFromDoc } from '../../lib/promote/version';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { BoardRegistry, VersionStore } from '../store/store';
import type { RoomManager } from '../sync/room-manager';
import { SMALL_EDIT_BYTES } from '../sync/size';
import { keyedSerial } from '../serial';
import { requireRole } from './auth';
import { parseBody } from './body';
import { HttpError, sendJson } from './respond';
import type { Router } from './router';

const publishBody = z
  .object({ author: z.string().trim().min(1).max(80).optional() })
  .optional()
  .default({});

export function registerStoryRoutes(
  router: Router,
  deps: { store: BoardRegistry & VersionStore; rooms: RoomManager; config: Config; log: Logger },
) {
  const { store, rooms, config, log } = deps;
  /** One publish per story at a time in this process (the store also locks across instances). */
  const serialized = keyedSerial();

  router.on(
    'POST',
    '/api/boards/:id/stories/:storyId/publish',
    async (req, res, { id = '', storyId = '' }) => {
      await requireRole(store, req, id, ['owner']);
      const body = await parseBody(publishBody, req, config.limits.maxBodyBytes, { allowEmpty: true });
      const author = body.author ?? 'Product Owner';
      const { version, created } = await serialized(`${id}:${storyId}`, () =>
        rooms.withRoom(id, async (room) => {
          const read = versionFromDoc(room.doc, id, storyId, author, Date.now());
          if (!read.ok && read.reason === 'not_found')
            throw new HttpError(404, 'not_found', 'No such story on this board.');
          if (!read.ok)
            throw new HttpError(409, 'conflict', 'This story was deleted; restore it before publishing.');
          // Publishing marks the story promoted on the board: on a full board, refused before either.
          if (!room.fits(SMALL_EDIT_BYTES))
            throw new HttpError(
              413,
              'board_too_large',
              `This board has reached its size limit of ${config.limits.maxDocBytes} bytes (MAX_DOC_BYTES); nothing was published.`,
            );
          const out = await store.publishVersion(read.version, await contentHash(read.version));
          if (out.created) {
            // Server-origin edit: stored, then relayed to every client like any change.
            await room.serverEdit((doc) => {
              // Read above; only a client removing the map itself meanwhile could make it go.
              if (getStoryMap(doc, storyId)) markPromoted(doc, storyId, out.version.version);
            });
          }
          return out;
        }),
      );
      if (created) log.info({ boardId: id, storyId, version: version.version }, 'formal story published');
      sendJson(res, created ? 201 : 200, {
        storyId,
        version: version.version,
        publishedAt: version.publishedAt,
      });
    },
  );

  router.on('GET', '/api/boards/:id/stories', async (req, res, { id = '' }) => {
    await requireRole(store, req, id, ['owner', 'team', 'view']);
    sendJson(res, 200, { stories: (await store.latestVersions(id)).map(summarize) });
  });

  router.on(
    'GET',
    '/api/boards/:id/stories/:storyId/versions',
    async (req, res, { id = '', storyId = '' }) => {
      await requireRole(store, req, id, ['owner', 'team', 'view']);
      const versions = await store.storyVersions(id, storyId);
      if (versions.length === 0)
        throw new HttpError(404, 'not_found', 'This story has no published versions.');
      sendJson(res, 200, { versions });
    },
  );

  router.on(
    'GET',
    '/api/boards/:id/stories/:storyId/versions/:n',
    async (req, res, { id = '', storyId = '', n = '' }) => {
      await requireRole(store, req, id, ['owner', 'team', 'view']);
      const num = Number(n);
      if (!Number.isInteger(num) || num < 1)
        throw new HttpError(400, 'invalid_request', 'Version must be a positive integer.');
      const v = await store.storyVersion(id, storyId, num);
      if (!v) throw new HttpError(404, 'not_found', 'No such version.');
      sendJson(res, 200, v);
    },
  );
}
