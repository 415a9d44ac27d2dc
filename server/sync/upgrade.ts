import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData } from 'ws';
import { nanoid } from 'nanoid';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { BoardRegistry } from '../store/store';
import { SyncSocket, WsPeer, toBytes } from './connection';
import { checkAccess } from '../access/gate';
import { REVOKE_REASONS, type RoomManager } from './room-manager';
import { hashKey } from '../keys';
import { CLOSE } from '../../lib/realtime/wire';

export const SYNC_PREFIX = '/sync/';

/**
 * WebSocket upgrades at /sync/<boardId>?key=<key>. The gate runs before the socket is accepted:
 * unknown board → HTTP 404, bad key → 401, so nothing is ever sent to an unauthorised client.
 * Everything about the socket lives here — its listeners and its liveness (the heartbeat); the
 * room sees only a Peer.
 */
export function createSyncUpgrade(deps: {
  store: BoardRegistry;
  rooms: RoomManager;
  config: Config;
  log: Logger;
}) {
  const { store, rooms, config, log } = deps;
  // ws buffers at most a little over our limit: a message up to that is refused by the room with
  // 4413; a larger one is cut by ws while it arrives, which SyncSocket also closes with 4413.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.limits.maxMessageBytes + 64 * 1024,
    WebSocket: SyncSocket,
  });
  /** peers attached to a room, for the heartbeat */
  const live = new Set<WsPeer>();

  async function handle(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const boardId = decodePath(url.pathname.slice(SYNC_PREFIX.length));
    if (boardId === null) return refuse(socket, 400, 'The board id in the path is not valid.');
    // A revocation landing between the gate's read and the attach below must still reach this socket.
    const mark = rooms.revocationMark();
    const key = url.searchParams.get('key');
    const gate = await checkAccess(store, boardId, key);
    if (!gate.ok) {
      log.info({ boardId: boardId.slice(0, 64), status: gate.status }, 'sync upgrade refused');
      return refuse(socket, gate.status, gate.message);
    }
    const room = await rooms.acquire(boardId, { forSync: true });
    try {
      if (socket.destroyed) return;
      wss.handleUpgrade(req, socket, head, (ws) => {
        const keyHash = hashKey(key ?? '');
        const peer = new WsPeer(ws, nanoid(10), gate.role, keyHash);
        if (!room.add(peer)) return;
        const late = rooms.revokedSince(mark, boardId, keyHash);
        if (late) {
          const [code, reason] =
            late.kind === 'deleted'
              ? [CLOSE.boardDeleted, REVOKE_REASONS.deleted]
              : [CLOSE.linkRotated, REVOKE_REASONS.rotated];
          room.revokeKey(gate.role, keyHash, code, reason);
        }
        live.add(peer);
        ws.on('message', (data: RawData) => room.receive(peer, toBytes(data)));
        ws.on('close', () => {
          live.delete(peer);
          room.remove(peer);
        });
        ws.on('error', () => ws.terminate());
        ws.on('pong', () => (peer.missedPongs = 0));
        log.debug({ boardId, connId: peer.id, role: peer.role }, 'sync connected');
      });
    } finally {
      rooms.release(room);
    }
  }

  /** Pings every peer each interval; one that missed two pongs is cut (awareness removed with it). */
  function startHeartbeat(intervalMs: number): () => void {
    if (intervalMs <= 0) return () => undefined;
    const t = setInterval(() => {
      for (const peer of live) {
        if (peer.missedPongs >= 2) {
          peer.ws.terminate();
          continue;
        }
        peer.missedPongs += 1;
        try {
          peer.ws.ping();
        } catch {
          peer.ws.terminate();
        }
      }
    }, intervalMs);
    t.unref();
    return () => clearInterval(t);
  }

  return {
    wss,
    startHeartbeat,
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => socket.destroy());
      handle(req, socket, head).catch((err: unknown) => {
        log.error({ err }, 'sync upgrade failed');
        refuse(socket, 503, 'Service unavailable');
      });
    },
  };
}

/** A malformed `%` escape is the client's mistake (400), not an upgrade failure (503 and a log line). */
function decodePath(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const REFUSALS: Record<number, [text: string, code: string]> = {
  400: ['Bad Request', 'bad_path'],
  401: ['Unauthorized', 'unauthorized'],
  404: ['Not Found', 'not_found'],
  503: ['Service Unavailable', 'unavailable'],
};

function refuse(socket: Duplex, status: number, message: string) {
  if (socket.destroyed) return;
  const [text, code] = REFUSALS[status] ?? ['Error', 'unavailable'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
