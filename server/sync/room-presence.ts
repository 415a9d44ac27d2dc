import type * as Y from 'yjs';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import { CLOSE } from '../../lib/realtime/wire';
import type { Fanout } from '../scale/fanout';
import { RoomAttendees } from './room-attendees';
import { REMOTE_ORIGIN, SERVER_ORIGIN, type Origin } from './origin';
import type { Peer } from './peer';
import { decodeAwareness, encodeAwareness, encodeAwarenessEntries } from './protocol';

const MAX_CLIENT_IDS_PER_CONN = 8;
const DEPARTED_MS = 60_000;

export interface PresenceDeps {
  boardId: string;
  maxAwarenessBytes: number;
  /** people remembered for the session summary (RoomAttendees) */
  maxAttendees: number;
  fanout?: Fanout;
  /** sends a message to every connection of the room */
  broadcast: (msg: Uint8Array) => void;
}

/**
 * A room's presence (Yjs awareness): which connection speaks for which awareness ids, truthful
 * roles, removal when a connection leaves, fan-out to other instances, and who attended.
 */
export class RoomPresence {
  readonly awareness: Awareness;
  /** who was on the board and when (for the session summary) */
  readonly attendees: RoomAttendees;
  /** ids of connections that left recently: late re-broadcasts must not resurrect them */
  private departed = new Map<number, number>();
  /** ids of clients connected to other instances */
  private remoteIds = new Set<number>();
  /** ids changed this turn, by where the change came from (only local ones are fanned out) */
  private changedLocal = new Set<number>();
  private changedRemote = new Set<number>();
  private flushScheduled = false;
  private destroyed = false;
  /** which peer speaks for each awareness id (an index: a storm checks 40,000 entries) */
  private owners = new Map<number, Peer>();
  /** the awareness ids each peer speaks for */
  private idsOf = new Map<Peer, Set<number>>();

  constructor(
    doc: Y.Doc,
    private readonly deps: PresenceDeps,
  ) {
    this.attendees = new RoomAttendees(deps.maxAttendees);
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  private onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: Origin,
  ) => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    this.noteAttendees(added.concat(updated), removed);
    const into = origin === REMOTE_ORIGIN ? this.changedRemote : this.changedLocal;
    for (const id of changed) into.add(id);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flush);
  };

  /**
   * Every change of one event-loop turn goes out as one awareness message (y-protocols format, each
   * id with its latest state and clock). When 200 clients join at once, announcing each to every
   * other separately is 40,000 messages; stock providers then echo each one back, doubling it.
   */
  private flush = () => {
    this.flushScheduled = false;
    if (this.destroyed) return;
    const local = [...this.changedLocal];
    const all = local.concat([...this.changedRemote].filter((id) => !this.changedLocal.has(id)));
    this.changedLocal.clear();
    this.changedRemote.clear();
    if (all.length === 0) return;
    this.deps.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, all)));
    if (local.length > 0)
      this.deps.fanout?.publish(this.deps.boardId, 'awareness', encodeAwarenessUpdate(this.awareness, local));
  };

  private noteAttendees(present: number[], removed: number[]) {
    const now = Date.now();
    const states = this.awareness.getStates();
    for (const id of present) this.attendees.seen(id, states.get(id), now);
    for (const id of removed) this.attendees.gone(id, now);
  }

  /** Every current state, for a newcomer or a query-awareness; null when nobody is here. */
  snapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)) : null;
  }

  /**
   * Stock providers re-broadcast every awareness change they receive, including other clients'.
   * So entries for ids owned by another connection (or that just left) are ignored, not punished:
   * a connection only ever speaks for the ids it claimed first.
   */
  receive(peer: Peer, update: Uint8Array): void {
    const own = [];
    for (const e of decodeAwareness(update)) {
      if (e.bytes > this.deps.maxAwarenessBytes)
        return peer.close(CLOSE.tooLarge, 'awareness state too large');
      const owner = this.ownerOf(e.clientId);
      if ((owner && owner !== peer) || this.remoteIds.has(e.clientId)) continue;
      if (!owner) {
        if (e.state === null) continue;
        let ids = this.idsOf.get(peer);
        // A departed id stays gone when others re-broadcast it — but a connection's very first
        // claim is its own state (y-websocket announces itself on open): a tab that reconnected.
        if (this.departed.has(e.clientId) && ids && ids.size > 0) continue;
        this.departed.delete(e.clientId);
        if (!ids) this.idsOf.set(peer, (ids = new Set()));
        if (ids.size >= MAX_CLIENT_IDS_PER_CONN) continue;
        ids.add(e.clientId);
        this.owners.set(e.clientId, peer);
      }
      // Presence must tell the truth about roles: whatever a client claims, it shows its key's role.
      const state = e.state as { user?: { role?: unknown } } | null;
      if (state && typeof state === 'object' && state.user && typeof state.user === 'object') {
        state.user.role = peer.role;
      }
      own.push(e);
    }
    if (own.length > 0) applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(own), peer);
  }

  private ownerOf(id: number): Peer | null {
    return this.owners.get(id) ?? null;
  }

  /** Whether `peer` speaks for awareness id `id` — for a y-websocket client, its Yjs client id. */
  speaksFor(peer: Peer, id: number): boolean {
    return this.owners.get(id) === peer;
  }

  /** A peer left: its states go for everyone at once (no ghost avatars). */
  leave(peer: Peer): void {
    const ids = this.idsOf.get(peer);
    this.idsOf.delete(peer);
    if (!ids || ids.size === 0) return;
    const now = Date.now();
    for (const id of ids) {
      this.departed.set(id, now);
      if (this.owners.get(id) === peer) this.owners.delete(id);
    }
    for (const [id, t] of this.departed) if (now - t > DEPARTED_MS) this.departed.delete(id);
    removeAwarenessStates(this.awareness, [...ids], SERVER_ORIGIN);
  }

  /** Presence from another instance. */
  applyRemote(payload: Uint8Array): void {
    for (const e of decodeAwareness(payload)) {
      if (e.state === null) this.remoteIds.delete(e.clientId);
      else this.remoteIds.add(e.clientId);
    }
    applyAwarenessUpdate(this.awareness, payload, REMOTE_ORIGIN);
  }

  /** After a fan-out outage: re-announce our own clients to the instances that missed them. */
  announceLocal(): void {
    const ids = [...this.awareness.getStates().keys()].filter((id) => !this.remoteIds.has(id));
    if (ids.length > 0)
      this.deps.fanout?.publish(this.deps.boardId, 'awareness', encodeAwarenessUpdate(this.awareness, ids));
  }

  destroy(): void {
    this.destroyed = true;
    this.awareness.destroy();
  }
}
