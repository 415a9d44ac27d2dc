import { WebSocket, type RawData } from 'ws';
import type { Role } from '../../lib/board/types';
import { CLOSE } from '../../lib/realtime/wire';
import type { Peer } from './peer';

const MAX_BUFFERED = 32 * 1024 * 1024;

/**
 * The server's socket class (WebSocketServer's `WebSocket` option). A frame over `maxPayload` (or
 * one that inflates past it) makes `ws` stop reading and close with 1009 and no reason; this
 * closes it with our own 4413 and a reason instead, so one limit has one close code whatever the
 * size — and `ws` still never buffers more than `maxPayload`.
 */
export class SyncSocket extends WebSocket {
  override close(code?: number, reason?: string | Buffer): void {
    if (code === 1009) super.close(CLOSE.tooLarge, 'message too large');
    else super.close(code, reason);
  }
}

/** A room's peer over a `ws` socket (the socket's listeners and the heartbeat are in upgrade.ts). */
export class WsPeer implements Peer {
  /** heartbeat pings since the last pong */
  missedPongs = 0;

  constructor(
    readonly ws: WebSocket,
    readonly id: string,
    readonly role: Role,
    readonly keyHash?: string,
  ) {}

  isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(msg: Uint8Array): void {
    if (!this.isOpen()) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED) {
      // A client that stopped reading would otherwise grow our memory without bound.
      this.close(CLOSE.tooSlow, 'client too slow to keep up');
      return;
    }
    this.ws.send(msg, { binary: true });
  }

  /** RFC 6455 limits a close reason to 123 bytes. */
  close(code: number, reason: string): void {
    const r = Buffer.from(reason, 'utf8').subarray(0, 123).toString('utf8');
    try {
      this.ws.close(code, r);
    } catch {
      this.ws.terminate();
    }
  }
}

export function toBytes(raw: RawData): Uint8Array {
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  if (Array.isArray(raw)) return new Uint8Array(Buffer.concat(raw));
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}
