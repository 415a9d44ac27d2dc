import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  MSG_AWARENESS,
  MSG_AUTH,
  MSG_QUERY_AWARENESS,
  MSG_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../../lib/realtime/wire';

/**
 * Decoding of inbound y-websocket messages into a closed set of shapes, so the room never touches
 * raw bytes and every malformed input becomes one ProtocolError (never an exception elsewhere).
 */
export class ProtocolError extends Error {}

export type Inbound =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' };

export function decodeMessage(buf: Uint8Array): Inbound {
  try {
    const d = decoding.createDecoder(buf);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MSG_SYNC: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === SYNC_STEP1) {
          Y.decodeStateVector(payload); // throws on garbage
          return { type: 'step1', stateVector: payload };
        }
        if (sub === SYNC_STEP2 || sub === SYNC_UPDATE)
          return { type: 'update', update: payload, step2: sub === SYNC_STEP2 };
        throw new ProtocolError(`unknown sync message ${sub}`);
      }
      case MSG_AWARENESS:
        return { type: 'awareness', update: decoding.readVarUint8Array(d) };
      case MSG_QUERY_AWARENESS:
        return { type: 'query-awareness' };
      case MSG_AUTH:
        return { type: 'auth' };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (e) {
    if (e instanceof ProtocolError) throw e;
    throw new ProtocolError('malformed message');
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

/** A step-2 frame around an update already encoded (e.g. a stored full-state snapshot). */
export function encodeSyncStep2FromUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarUint(e, SYNC_STEP2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** parsed JSON state; null means "this client left" */
  state: unknown;
  bytes: number;
}

/** Parses an awareness update (y-protocols format) without applying it. */
export function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  try {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    const out: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const json = decoding.readVarString(d);
      out.push({ clientId, clock, state: JSON.parse(json) as unknown, bytes: json.length });
    }
    return out;
  } catch {
    throw new ProtocolError('malformed awareness update');
  }
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const a of entries) {
    encoding.writeVarUint(e, a.clientId);
    encoding.writeVarUint(e, a.clock);
    encoding.writeVarString(e, JSON.stringify(a.state));
  }
  return encoding.toUint8Array(e);
}
