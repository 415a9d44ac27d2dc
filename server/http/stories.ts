import { createHash } from 'node:crypto';
import { z } from 'zod';
import type * as Y from 'yjs';
import { getStoryMap, isEntityMap, readNotes, readStory, roots } from '../../lib/board/schema';
import { buildDraft, discussionSnapshot } from '../../lib/promote/draft';
import { readDraft } from '../../lib/promote/draft-doc';
import { summarize, type FormalStoryVersion } from '../../lib/promote/types';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { RoomManager } from '../sync/room-manager';
import { SMALL_EDIT_BYTES } from '../sync/size';
import { requireRole } from './auth';
import { HttpError, readJson, sendJson } from './respond';
import type { Router } from './router';

const publishBody = z
  .object({ author: z.string().trim().min(1).max(80).optional() })
  .optional()
  .default({});

/** Reads what a publish needs from the live doc; throws 404/409 for missing or deleted stories. */
function versionFromDoc(
  doc: Y.Doc,
  boardId: string,
  storyId: string,
  author: string,
): Omit<FormalStoryVersion, 'version'> {
  const map = getStoryMap(doc, storyId);
  if (!map) throw new HttpError(404, 'not_found', 'No such story on this board.');
  const story = readStory(storyId, map);
  if (story.deletedAt !== null)
    throw new HttpError(409, 'conflict', 'This story was deleted; restore it before publishing.');
  const notes = readNotes(doc);
  const personaMap = story.personaId ? roots(doc).personas.get(story.personaId) : undefined;
  const personaName =
    isEntityMap(personaMap) && typeof personaMap.get('name') === 'string'
      ? (personaMap.get('name') as string)
      : null;
  const built = buildDraft(story, notes, personaName);
  const edited = readDraft(doc, storyId);
  const kinds = [
    ...new Set(notes.filter((n) => n.storyId === storyId && n.deletedAt === null).map((n) => n.kind)),
  ].sort();
  return {
    boardId,
    storyId,
    title: story.title.trim() || 'Untitled story',
    narrative: edited?.narrative || built.narrative,
    criteria: edited ? edited.criteria : built.criteria,
    decisions: built.decisions,
    openQuestions: built.openQuestions,
    estimate: story.estimate,
    persona: personaName,
    value: story.value,
    effort: story.effort,
    labels: [...(story.stream ? [story.stream] : []), ...kinds],
    author,
    publishedAt: Date.now(),
    discussion: discussionSnapshot(storyId, notes),
  };
}

/** Identity of a version's content: what a reader would see, minus when and by whom. */
function contentHash(v: Omit<FormalStoryVersion, 'version'>): string {
  const { publishedAt: _t, author: _a, ...content } = v;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export function registerStoryRoutes(
  router: Router,
  deps: { store: Store; rooms: RoomManager; config: Config; log: Logger },
) {
  const { store, rooms, config, log } = deps;
  const locks = new Map<string, Promise<unknown>>();

  /** One publish per story at a time in this process (the store also locks across instances). */
  function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = locks.get(key) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    locks.set(key, next);
    void next.finally(() => locks.get(key) === next && locks.delete(key)).catch(() => undefined);
    return next;
  }

  router.on(
    'POST',
    '/api/boards/:id/stories/:storyId/publish',
    async (req, res, { id = '', storyId = '' }) => {
      await requireRole(store, req, id, ['owner']);
      const parsed = publishBody.safeParse(
        req.headers['content-length'] === '0' || !req.headers['content-type']
          ? undefined
          : await readJson(req, config.limits.maxBodyBytes),
      );
      if (!parsed.success)
        throw new HttpError(400, 'invalid_request', parsed.error.issues.map((i) => i.message).join('; '));
      const author = parsed.data.author ?? 'Product Owner';
      const { version, created } = await serialized(`${id}:${storyId}`, async () => {
        const room = await rooms.acquire(id);
        try {
          // Publishing marks the story promoted on the board: on a full board, refused before either.
          if (!room.fits(SMALL_EDIT_BYTES))
            throw new HttpError(
              413,
              'board_too_large',
              `This board has reached its size limit of ${config.limits.maxDocBytes} bytes (MAX_DOC_BYTES); nothing was published.`,
            );
          const draft = versionFromDoc(room.doc, id, storyId, author);
          const out = await store.publishVersion(draft, contentHash(draft));
          if (out.created) {
            // Server-origin edit: stored, then relayed to every client like any change.
            await room.serverEdit((doc) => {
              const m = getStoryMap(doc, storyId);
              m?.set('status', 'promoted');
              m?.set('formalId', storyId);
              m?.set('formalVersion', out.version.version);
            });
          }
          return out;
        } finally {
          rooms.release(room);
        }
      });
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
