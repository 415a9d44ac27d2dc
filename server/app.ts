import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import type { Logger } from './log';
import type { Store } from './store/store';
import { RoomManager } from './sync/room-manager';
import { SYNC_PREFIX, createSyncUpgrade } from './sync/upgrade';
import { Router } from './http/router';
import { registerBoardRoutes, registerHealthRoute } from './http/boards';
import { registerOwnerRoutes } from './http/links';
import { registerStoryRoutes } from './http/stories';
import { registerExportRoutes } from './http/exports';
import { registerTrackerRoutes } from './http/trackers';
import { sealerFor } from './trackers/secret';
import { TrackerService } from './trackers/service';
import type { ConnectorFactory, TrackerKind } from './trackers/types';
import { applyPageCsp, setBaseHeaders } from './http/headers';
import { attachSessions, type Sessions } from './sessions/namespace';
import { createScale } from './scale';
import { CLOSE } from '../lib/realtime/wire';

/** Long past any append a deleted board's room could still have had in flight (they are ms). */
const PURGE_AFTER_DELETE_MS = 2000;

export interface PageHandler {
  request: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void> | void;
}

export interface Shellboard {
  server: http.Server;
  rooms: RoomManager;
  sessions: Sessions;
  store: Store;
  listen(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Wires the one HTTP server: /api → our router, /sync/<id> upgrades → the Yjs sync server,
 * everything else → Next (when given; tests run without it).
 */
export function createShellboard(deps: {
  config: Config;
  log: Logger;
  store: Store;
  pages?: PageHandler;
  /** tests only: connector factories ahead of server/trackers/registry.ts */
  trackers?: { factories?: Partial<Record<TrackerKind, ConnectorFactory>>; statusTtlMs?: number };
}): Shellboard {
  const { config, log, store, pages } = deps;
  const scale = createScale(config, log);
  const rooms = new RoomManager(store, config, log, scale.fanout);
  // Scaled out, a revocation Redis never delivered is caught when Redis is back and on a timer.
  const recheckKeys = () =>
    void rooms.recheckKeys(store).catch((err: unknown) => log.error({ err }, 'key recheck failed'));
  scale.fanout?.onRecover(recheckKeys);
  const recheckTimer = scale.fanout ? setInterval(recheckKeys, config.keyRecheckMs) : null;
  recheckTimer?.unref();
  // A write in flight on some instance when a board is deleted can land after the delete: each
  // instance that hears of the delete removes such rows once its own writes have settled.
  rooms.onBoardDeleted((boardId) => {
    setTimeout(() => {
      store
        .purgeOrphan(boardId)
        .then((n) => n > 0 && log.info({ boardId, rows: n }, 'purged rows written after a delete'))
        .catch((err: unknown) => log.error({ err, boardId }, 'purge after delete failed'));
    }, PURGE_AFTER_DELETE_MS).unref();
  });
  const router = new Router(log);
  const sync = createSyncUpgrade({ store, rooms, config, log });

  const server = http.createServer((req, res) => {
    setBaseHeaders(res);
    const url = req.url ?? '/';
    if (url === '/api' || url.startsWith('/api/')) {
      void router.handle(req, res);
      return;
    }
    if (!pages) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    if (config.env === 'production') applyPageCsp(req, res);
    Promise.resolve(pages.request(req, res)).catch((err: unknown) => {
      log.error({ err }, 'page handler failed');
      if (!res.headersSent) res.writeHead(500).end('Internal error');
    });
  });
  // socket.io attaches its own upgrade listener for /socket.io; ours leaves those alone.
  const sessions = attachSessions(server, {
    store,
    rooms,
    sessions: scale.sessionStore,
    adapter: scale.socketAdapter,
    log,
    limits: {
      maxSocketsPerBoard: config.limits.maxSessionSocketsPerBoard,
      ratePerSec: config.limits.sessionRatePerSec,
      rateBurst: config.limits.sessionRateBurst,
    },
  });
  registerHealthRoute(router, { store, scale });
  registerBoardRoutes(router, { store, config, log });
  registerOwnerRoutes(router, { store, rooms, sessions, config, log });
  registerStoryRoutes(router, { store, rooms, config, log });
  registerExportRoutes(router, { store, rooms, config, log });
  const trackers = new TrackerService({
    store,
    log,
    sealer: sealerFor(config),
    allowHosts: config.trackers.allowHosts,
    factories: deps.trackers?.factories,
    statusTtlMs: deps.trackers?.statusTtlMs,
  });
  registerTrackerRoutes(router, { store, trackers, config });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '/';
    if (url.startsWith(SYNC_PREFIX)) return sync.handleUpgrade(req, socket, head);
    if (url.startsWith('/socket.io/')) return;
    if (pages?.upgrade)
      return void Promise.resolve(pages.upgrade(req, socket, head)).catch(() => socket.destroy());
    socket.destroy();
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  const stopHeartbeat = sync.startHeartbeat(config.heartbeatMs);

  return {
    server,
    rooms,
    sessions,
    store,
    listen: () =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
      }),
    async close() {
      stopHeartbeat();
      if (recheckTimer) clearInterval(recheckTimer);
      await sessions.shutdown();
      server.close();
      await rooms.shutdown(CLOSE.serverRestarting, 'server restarting');
      sync.wss.close();
      server.closeAllConnections();
      await scale.close();
      await trackers.close();
      await store.close();
    },
  };
}
