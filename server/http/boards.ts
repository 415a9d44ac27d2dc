import type { IncomingMessage } from 'node:http';
import * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { initMeta } from '../../lib/board/ops';
import {
  createBoardBody,
  type BoardInfoResponse,
  type BoardLinks,
  type CreateBoardResponse,
} from '../../lib/validation/api';
import type { Config } from '../config';
import { hashKey, newKey, openLinks, sealLinks } from '../keys';
import type { Logger } from '../log';
import type { BoardRegistry, DocumentLog, Store } from '../store/store';
import { checkAccess } from '../access/gate';
import { TokenBucket } from '../access/token-bucket';
import { parseBody } from './body';
import { clientAddress } from './client-address';
import { HttpError, bearerKey, sendJson } from './respond';
import type { Router } from './router';

export function linkBase(config: Config, req: IncomingMessage): string {
  if (config.publicUrl) return config.publicUrl;
  const host =
    req.headers.host && /^[A-Za-z0-9.[\]:-]+$/.test(req.headers.host) ? req.headers.host : 'localhost';
  return `http://${host}`;
}

export function boardLinks(
  base: string,
  id: string,
  keys: { owner: string; team: string; view: string },
): BoardLinks {
  const link = (k: string) => `${base}/b/${id}#k=${k}`;
  return { owner: link(keys.owner), team: link(keys.team), view: link(keys.view) };
}

/** Per-client-address limit (behind a TRUST_PROXY proxy, the forwarded one) on board creation so one script cannot fill the disk. */
function createLimiter(burst: number) {
  const buckets = new Map<string, TokenBucket>();
  return (ip: string): boolean => {
    if (buckets.size > 10_000) buckets.clear();
    let b = buckets.get(ip);
    if (!b) buckets.set(ip, (b = new TokenBucket(0.5, burst)));
    return b.take();
  };
}

export function registerBoardRoutes(
  router: Router,
  deps: { store: BoardRegistry & DocumentLog; config: Config; log: Logger },
): void {
  const { store, config, log } = deps;
  const allowCreate = createLimiter(config.limits.boardCreateBurst);

  router.on('POST', '/api/boards', async (req, res) => {
    if (!allowCreate(clientAddress(req, config.trustProxy))) {
      throw new HttpError(
        429,
        'rate_limited',
        'Too many boards created from this address; try again in a minute.',
      );
    }
    const { title } = await parseBody(createBoardBody, req, config.limits.maxBodyBytes);
    const id = nanoid(14);
    const keys = { owner: newKey(), team: newKey(), view: newKey() };
    const createdAt = Date.now();
    await store.createBoard({
      id,
      title,
      createdAt,
      keyHashes: { owner: hashKey(keys.owner), team: hashKey(keys.team), view: hashKey(keys.view) },
      sealedLinks: sealLinks(keys.owner, id, { team: keys.team, view: keys.view }),
    });
    const doc = new Y.Doc();
    initMeta(doc, title, createdAt);
    await store.appendUpdates(id, [Y.encodeStateAsUpdate(doc)]);
    doc.destroy();
    log.info({ boardId: id }, 'board created');
    const body: CreateBoardResponse = { id, links: boardLinks(linkBase(config, req), id, keys) };
    sendJson(res, 201, body);
  });

  router.on('GET', '/api/boards/:id', async (req, res, { id = '' }) => {
    const key = bearerKey(req);
    const gate = await checkAccess(store, id, key);
    if (!gate.ok) throw new HttpError(gate.status, gate.code, gate.message);
    const body: BoardInfoResponse = {
      id: gate.board.id,
      title: gate.board.title,
      createdAt: gate.board.createdAt,
      role: gate.role,
    };
    if (gate.role === 'owner' && key) {
      const shared = openLinks(key, id, gate.board.sealedLinks);
      if (shared) body.links = boardLinks(linkBase(config, req), id, { owner: key, ...shared });
    }
    sendJson(res, 200, body);
  });
}

/** 200 {"ok":true} when the store (and Redis, when scaled out) answer; 503 naming what is down. */
export function registerHealthRoute(
  router: Router,
  deps: { store: Pick<Store, 'ping'>; scale: { ping(): Promise<void> } },
): void {
  router.on('GET', '/api/health', async (_req, res) => {
    const check = async (p: Promise<void>) =>
      Promise.race([
        p.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref()),
      ]).catch(() => false);
    const [store, redis] = await Promise.all([check(deps.store.ping()), check(deps.scale.ping())]);
    if (store && redis) return sendJson(res, 200, { ok: true });
    sendJson(res, 503, { ok: false, store: store ? 'up' : 'down', redis: redis ? 'up' : 'down' });
  });
}
