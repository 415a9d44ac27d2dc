import type { Peer } from './peer';

/** A change made by the server itself (accept an estimate, mark a story promoted). */
export const SERVER_ORIGIN = 'server';
/** A change another instance already stored, arriving by fan-out: relayed, never stored again. */
export const REMOTE_ORIGIN = 'remote';
/** Stored state loaded into a doc (a room's load, a compaction's fold). */
export const STORE_ORIGIN = 'store';

/**
 * Who made a change to a room's doc or awareness: the transaction origin of every change we make,
 * and what the room's listeners branch on (store it or not, fan it out or not, skip its author).
 */
export type Origin = Peer | typeof SERVER_ORIGIN | typeof REMOTE_ORIGIN | typeof STORE_ORIGIN;
