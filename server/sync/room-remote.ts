import * as Y from 'yjs';
import type { Logger } from '../log';
import type { FanoutMessage } from '../scale/fanout';
import type { DocumentLog } from '../store/store';
import { REMOTE_ORIGIN } from './origin';
import type { Room } from './room';

/** A message from another instance: already stored there, so apply and relay, never store again. */
export function applyRemote(room: Room, m: FanoutMessage, log: Logger): void {
  if (room.state !== 'open') return;
  room.applyDeferred();
  try {
    if (m.kind === 'update') Y.applyUpdate(room.doc, m.payload, REMOTE_ORIGIN);
    else room.presence.applyRemote(m.payload);
  } catch (err) {
    log.error({ err, boardId: room.boardId, from: m.from }, 'bad fan-out message');
  }
}

/** After a fan-out outage: fold in whatever other instances stored meanwhile (idempotent). */
export async function resyncFromStore(room: Room, store: DocumentLog, log: Logger): Promise<void> {
  const { snapshot, updates } = await store.loadDoc(room.boardId);
  for (const u of snapshot ? [snapshot, ...updates] : updates)
    applyRemote(room, { kind: 'update', from: 'store', payload: u }, log);
  if (room.state === 'open') room.presence.announceLocal();
}
