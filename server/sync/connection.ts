import type { RawData, WebSocket } from 'ws';
import type { Role } from '../../lib/board/types';
import { CLOSE } from '../../lib/realtime/wire';
import type { Peer } from './peer';

const MAX_BUFFERED = 32 * 1024 * 1024;

/** A room's peer over a `ws` socket (the socket's listeners and the heartbeat are in upgrade.ts). */
export class WsPeer implements Peer {
  /** heartbeat pings since the last pong */
  missedPongs = 0;

  constructor(
    readonly ws: WebSocket,
    readonly id: string,
    readonly role: Role,
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
