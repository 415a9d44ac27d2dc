import type { Role } from '../../lib/board/types';

/**
 * One client of a room, as the room sees it: whatever carries the bytes (a `ws` socket in
 * production, a recording fake in unit tests) stays outside. Sending to a peer that is not open
 * does nothing; closing one is final, and its transport tells the room with `Room.remove`.
 */
export interface Peer {
  readonly id: string;
  /** what the gate decided this peer's key may do */
  readonly role: Role;
  /** the hash of the key the gate admitted it with (a rotation of that key cuts it off) */
  readonly keyHash?: string;
  send(msg: Uint8Array): void;
  close(code: number, reason: string): void;
  isOpen(): boolean;
}
