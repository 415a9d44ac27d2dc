import type { RawData, WebSocket } from 'ws';
import type { Role } from '../../lib/board/types';
import { CLOSE } from '../../lib/realtime/wire';
import { TokenBucket } from './limits';

/** One WebSocket on one board, with what the gate decided about it. */
export interface Conn {
  id: string;
  ws: WebSocket;
  role: Role;
  /** awareness client ids this connection speaks for */
  clientIds: Set<number>;
  /** update-bearing messages stored (or found empty) so far: sent back as the "persisted" ack */
  persisted: number;
  bucket: TokenBucket;
  missedPongs: number;
}

/** RFC 6455 limits a close reason to 123 bytes. */
export function closeConn(conn: Conn, code: number, reason: string): void {
  const r = Buffer.from(reason, 'utf8').subarray(0, 123).toString('utf8');
  try {
    conn.ws.close(code, r);
  } catch {
    conn.ws.terminate();
  }
}

const MAX_BUFFERED = 32 * 1024 * 1024;

export function send(conn: Conn, msg: Uint8Array): void {
  const ws = conn.ws;
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED) {
    // A client that stopped reading would otherwise grow our memory without bound.
    closeConn(conn, CLOSE.tooSlow, 'client too slow to keep up');
    return;
  }
  ws.send(msg, { binary: true });
}

export function toBytes(raw: RawData): Uint8Array {
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  if (Array.isArray(raw)) return new Uint8Array(Buffer.concat(raw));
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}
