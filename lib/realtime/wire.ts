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

export function encodePersistedAck(count: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AUTH);
  encoding.writeVarUint(e, AUTH_PERSISTED);
  encoding.writeVarUint(e, count);
  return encoding.toUint8Array(e);
}

/** Returns the acked count if `buf` is a persisted-ack message, else null. Never throws. */
export function decodePersistedAck(buf: Uint8Array): number | null {
  try {
    const d = decoding.createDecoder(buf);
    if (decoding.readVarUint(d) !== MSG_AUTH) return null;
    if (decoding.readVarUint(d) !== AUTH_PERSISTED) return null;
    return decoding.readVarUint(d);
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
  heartbeat: 4408,
  docTooLarge: 4414,
  storeUnavailable: 4503,
  serverRestarting: 4500,
} as const;
