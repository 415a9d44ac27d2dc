import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/**
 * The stock y-websocket wire protocol (message types 0–3), plus one backwards-compatible
 * extension: an auth message (type 2) with sub-type 1 ("persisted") carrying how many
 * update-bearing messages from this connection the server has durably stored. Stock clients'
 * readAuthMessage ignores unknown sub-types, so outside clients are unaffected; ours use it to
 * show "saved". Documented in docs/protocol.md.
 */
export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
export const MSG_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export const AUTH_PERMISSION_DENIED = 0;
export const AUTH_PERSISTED = 1;

/** The extension's two messages as both sides see them. */
export type AuthMessage =
  { kind: 'permission-denied'; reason: string } | { kind: 'persisted'; count: number };

/** [2, 1, varUint(count)]: this connection's update-bearing messages stored so far. */
export function encodePersistedAck(count: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AUTH);
  encoding.writeVarUint(e, AUTH_PERSISTED);
  encoding.writeVarUint(e, count);
  return encoding.toUint8Array(e);
}

/** [2, 0, varString(reason)]: the stock y-protocols permission-denied message. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AUTH);
  encoding.writeVarUint(e, AUTH_PERMISSION_DENIED);
  encoding.writeVarString(e, reason);
  return encoding.toUint8Array(e);
}

/**
 * Reads the body of an auth message whose type the decoder has already consumed (as a y-websocket
 * message handler receives it). Null for a sub-type we do not know: ignored, as stock clients do.
 * Throws on truncated bytes.
 */
export function readAuthMessage(d: decoding.Decoder): AuthMessage | null {
  const sub = decoding.readVarUint(d);
  if (sub === AUTH_PERSISTED) return { kind: 'persisted', count: decoding.readVarUint(d) };
  if (sub === AUTH_PERMISSION_DENIED) return { kind: 'permission-denied', reason: decoding.readVarString(d) };
  return null;
}

/** A whole frame as an auth message, or null when it is none we know. Never throws. */
export function decodeAuthMessage(buf: Uint8Array): AuthMessage | null {
  try {
    const d = decoding.createDecoder(buf);
    if (decoding.readVarUint(d) !== MSG_AUTH) return null;
    return readAuthMessage(d);
  } catch {
    return null;
  }
}

/** True when an outgoing client message carries document content (sync step 2 or update). */
export function isUpdateBearing(buf: Uint8Array): boolean {
  return buf.length >= 2 && buf[0] === MSG_SYNC && (buf[1] === SYNC_STEP2 || buf[1] === SYNC_UPDATE);
}

/** Close codes (RFC 6455 private range). 44xx: the client must not retry; 45xx: transient. */
export const CLOSE = {
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  tooLarge: 4413,
  tooManyConnections: 4429,
  rateLimited: 4430,
  linkRotated: 4410,
  boardDeleted: 4411,
  /** the socket's send buffer passed its cap: the client stopped reading */
  tooSlow: 4408,
  docTooLarge: 4414,
  storeUnavailable: 4503,
  serverRestarting: 4500,
} as const;
