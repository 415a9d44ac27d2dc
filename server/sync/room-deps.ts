import type { Config } from '../config';
import type { Logger } from '../log';
import type { Fanout } from '../scale/fanout';
import type { DocumentLog } from '../store/store';
import type { Origin } from './origin';
import type { Room } from './room';

/** A change applied to the room's doc and not yet stored. */
export interface Pending {
  origin: Origin;
  /** Yjs's own encoding of what was integrated: always well-formed, whatever the client sent */
  update: Uint8Array;
}

/** The limits a room enforces: the sync ones of Config's limits, plus when to compact. */
export type RoomLimits = Pick<
  Config['limits'],
  | 'maxMessageBytes'
  | 'maxDocBytes'
  | 'maxConnectionsPerBoard'
  | 'writerReservedConnections'
  | 'maxAttendeesPerBoard'
  | 'maxAwarenessBytes'
  | 'ratePerSec'
  | 'rateBurst'
> &
  Pick<Config, 'compactAfterUpdates' | 'compactAfterBytes'>;

export function roomLimits(config: Config): RoomLimits {
  const { limits: l } = config;
  return {
    maxMessageBytes: l.maxMessageBytes,
    maxDocBytes: l.maxDocBytes,
    maxConnectionsPerBoard: l.maxConnectionsPerBoard,
    writerReservedConnections: l.writerReservedConnections,
    maxAttendeesPerBoard: l.maxAttendeesPerBoard,
    maxAwarenessBytes: l.maxAwarenessBytes,
    ratePerSec: l.ratePerSec,
    rateBurst: l.rateBurst,
    compactAfterUpdates: config.compactAfterUpdates,
    compactAfterBytes: config.compactAfterBytes,
  };
}

/** What a room needs from the process around it. */
export interface RoomDeps {
  store: DocumentLog;
  limits: RoomLimits;
  log: Logger;
  /** the room's last peer left, or it failed (see Room.state): the manager decides what follows */
  onEmpty: (room: Room) => void;
  /** present when scaled out: stored updates and awareness go to the other instances */
  fanout?: Fanout;
  unsubscribe?: () => Promise<void>;
}
