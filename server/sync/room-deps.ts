import type { Config } from '../config';
import type { Logger } from '../log';
import type { Fanout } from '../scale/fanout';
import type { Store } from '../store/store';
import type { Room } from './room';

/** A change applied to the room's doc and not yet stored. */
export interface Pending {
  /** the connection whose message produced it, SERVER_ORIGIN, or REMOTE_ORIGIN */
  origin: unknown;
  /** Yjs's own encoding of what was integrated: always well-formed, whatever the client sent */
  update: Uint8Array;
}

/** What a room needs from the process around it. */
export interface RoomDeps {
  store: Store;
  config: Config;
  log: Logger;
  onEmpty: (room: Room) => void;
  /** present when scaled out: stored updates and awareness go to the other instances */
  fanout?: Fanout;
  unsubscribe?: () => Promise<void>;
}
