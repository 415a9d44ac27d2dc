import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { nanoid } from 'nanoid';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { Conn } from './connection';
import { closeConn } from './connection';
import { checkAccess } from './gate';
import { TokenBucket } from './limits';
import type { RoomManager } from './room-manager';
import { CLOSE } from '../../lib/realtime/wire';

export const SYNC_PREFIX = '/sync/';

/**
 * WebSocket upgrades at /sync/<boardId>?key=<key>. The gate runs before the socket is accepted:
 * unknown board → HTTP 404, bad key → 401, so nothing is ever sent to an unauthorised client.
 */
export function createSyncUpgrade(deps: { store: Store; rooms: RoomManager; config: Config; log: Logger }) {
  const { store, rooms, config, log } = deps;
  // ws enforces a hard frame cap a little above our limit, so we can answer an over-limit
  // message with our own 4413 close code rather than the library's generic 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxMessageBytes + 64 * 1024 });

  async function handle(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const boardId = decodeURIComponent(url.pathname.slice(SYNC_PREFIX.length));
    const gate = await checkAccess(store, boardId, url.searchParams.get('key'));
    if (!gate.ok) {
      log.info({ boardId: boardId.slice(0, 64), status: gate.status }, 'sync upgrade refused');
      return refuse(socket, gate.status, gate.message);
    }
    const room = await rooms.acquire(boardId, { forSync: true });
    try {
      if (socket.destroyed) return;
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn: Conn = {
          id: nanoid(10),
          ws,
          role: gate.role,
          clientIds: new Set(),
          persisted: 0,
          bucket: new TokenBucket(config.limits.ratePerSec, config.limits.rateBurst),
          missedPongs: 0,
        };
        if (room.closed) return closeConn(conn, CLOSE.serverRestarting, 'board is reloading, reconnect');
        room.addConn(conn);
        log.debug({ boardId, connId: conn.id, role: conn.role }, 'sync connected');
      });
    } finally {
      rooms.release(room);
    }
  }

  return {
    wss,
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => socket.destroy());
      handle(req, socket, head).catch((err: unknown) => {
        log.error({ err }, 'sync upgrade failed');
        refuse(socket, 503, 'Service unavailable');
      });
    },
  };
}

function refuse(socket: Duplex, status: number, message: string) {
  if (socket.destroyed) return;
  const text = { 401: 'Unauthorized', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
  const body = JSON.stringify({
    error: { code: status === 404 ? 'not_found' : status === 401 ? 'unauthorized' : 'unavailable', message },
  });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Pings every connection each interval; one that missed two pongs is cut (awareness removed with it). */
export function startHeartbeat(rooms: RoomManager, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => undefined;
  const t = setInterval(() => {
    void rooms.all().then((all) => {
      for (const room of all)
        for (const c of room.peers.conns.values()) {
          if (c.missedPongs >= 2) {
            c.ws.terminate();
            continue;
          }
          c.missedPongs += 1;
          try {
            c.ws.ping();
          } catch {
            c.ws.terminate();
          }
        }
    });
  }, intervalMs);
  t.unref();
  return () => clearInterval(t);
}
