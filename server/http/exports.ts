import { z } from 'zod';
import { createStory, setStoryEstimate } from '../../lib/board/ops';
import { readNotes, readStories } from '../../lib/board/schema';
import { exportGithub } from '../../lib/export/github';
import { IMPORT_FORMATS, parseImport } from '../../lib/export/import';
import { exportJiraCsv } from '../../lib/export/jira-csv';
import { exportJson } from '../../lib/export/json';
import { exportMarkdown } from '../../lib/export/markdown';
import { buildSessionSummary, sessionSummaryMarkdown } from '../../lib/export/session-summary';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { BoardRegistry, VersionStore } from '../store/store';
import type { RoomManager } from '../sync/room-manager';
import { DocTooLargeError, newStoriesBytes } from '../sync/size';
import { requireRole } from './auth';
import { linkBase } from './boards';
import { parseBody } from './body';
import { HttpError, sendJson } from './respond';
import type { Router } from './router';
import type { ServerResponse } from 'node:http';

export const EXPORT_FORMATS = ['md', 'jira-csv', 'json', 'github'] as const;
const ANY = ['owner', 'team', 'view'] as const;

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'board'
  );
}

function sendFile(res: ServerResponse, type: string, filename: string, body: string) {
  res.writeHead(200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

const importBody = z.object({
  format: z.enum(IMPORT_FORMATS, { error: `format must be one of: ${IMPORT_FORMATS.join(', ')}` }),
  content: z.string().max(2 * 1024 * 1024),
  /** false (default) = preview only; true = create the stories */
  commit: z.boolean().optional().default(false),
  author: z.string().trim().min(1).max(80).optional(),
});

export function registerExportRoutes(
  router: Router,
  deps: { store: BoardRegistry & VersionStore; rooms: RoomManager; config: Config; log: Logger },
) {
  const { store, rooms, config, log } = deps;

  router.on('GET', '/api/boards/:id/export', async (req, res, { id = '' }) => {
    const { board } = await requireRole(store, req, id, ANY);
    const format = new URL(req.url ?? '', 'http://x').searchParams.get('format') ?? '';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new HttpError(
        400,
        'invalid_format',
        `Unknown export format "${format.slice(0, 20)}"; use one of: ${EXPORT_FORMATS.join(', ')}.`,
      );
    }
    const stories = await store.latestVersions(id);
    const base = linkBase(config, req);
    const name = `${slug(board.title)}-stories`;
    if (format === 'md')
      return sendFile(res, 'text/markdown', `${name}.md`, exportMarkdown(board.title, stories, base));
    if (format === 'jira-csv') return sendFile(res, 'text/csv', `${name}-jira.csv`, exportJiraCsv(stories));
    if (format === 'json') {
      return sendFile(
        res,
        'application/json',
        `${name}.json`,
        JSON.stringify(exportJson({ id, title: board.title }, stories), null, 2),
      );
    }
    sendFile(
      res,
      'application/json',
      `${name}-github.json`,
      JSON.stringify(exportGithub(stories, base), null, 2),
    );
  });

  router.on('GET', '/api/boards/:id/session-summary', async (req, res, { id = '' }) => {
    const { board } = await requireRole(store, req, id, ANY);
    const q = new URL(req.url ?? '', 'http://x').searchParams;
    const format = q.get('format') ?? 'md';
    if (format !== 'md' && format !== 'json')
      throw new HttpError(400, 'invalid_format', 'Use format=md or format=json.');
    const until = Date.now();
    const startOfDay = new Date();
    startOfDay.setHours(0, 0, 0, 0);
    const since = q.has('since') ? Number(q.get('since')) : startOfDay.getTime();
    if (!Number.isFinite(since) || since < 0 || since > until)
      throw new HttpError(400, 'invalid_request', 'since must be a time in ms before now.');
    const summary = await rooms.withRoom(id, (room) =>
      buildSessionSummary(
        { id, title: board.title },
        readStories(room.doc),
        readNotes(room.doc),
        [...room.attendees.values()].filter((a) => a.lastSeen >= since).map((a) => a.name),
        since,
        until,
      ),
    );
    if (format === 'json') return sendJson(res, 200, summary);
    sendFile(
      res,
      'text/markdown',
      `${slug(board.title)}-session-${new Date(until).toISOString().slice(0, 10)}.md`,
      sessionSummaryMarkdown(summary),
    );
  });

  router.on('POST', '/api/boards/:id/import', async (req, res, { id = '' }) => {
    await requireRole(store, req, id, ['owner', 'team']);
    const { format, content, commit, author } = await parseBody(importBody, req, 2 * 1024 * 1024 + 4096);
    const result = parseImport(format, content);
    if (!commit) return sendJson(res, 200, { ...result, created: [] });
    if (result.stories.length === 0)
      throw new HttpError(400, 'nothing_to_import', 'Nothing to import: every row had a problem.');
    const created: string[] = [];
    const createdBy = author ?? 'import';
    try {
      // Measured before anything is applied: an import past MAX_DOC_BYTES is refused whole.
      await rooms.withRoom(id, (room) =>
        room.serverEdit(
          (doc) => {
            for (const s of result.stories) {
              const storyId = createStory(doc, { title: s.title, why: s.why, createdBy });
              if (s.estimate) setStoryEstimate(doc, storyId, s.estimate);
              created.push(storyId);
            }
          },
          newStoriesBytes(result.stories, createdBy),
        ),
      );
    } catch (err) {
      if (!(err instanceof DocTooLargeError)) throw err;
      throw new HttpError(
        413,
        'board_too_large',
        `Importing these ${result.stories.length} stories (about ${err.bytes} bytes) would take the board past its size limit of ${err.limit} bytes (MAX_DOC_BYTES); nothing was imported.`,
      );
    }
    log.info({ boardId: id, count: created.length }, 'stories imported');
    sendJson(res, 201, { ...result, created });
  });
}
