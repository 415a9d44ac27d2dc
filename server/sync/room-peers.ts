import { TokenBucket } from '../access/token-bucket';
import type { Origin } from './origin';
import type { Peer } from './peer';
import type { Role } from '../../lib/board/types';
import type { KeyHashes } from '../keys';

/** relays held for a peer that has not sent sync step 1 before they are sent anyway */
const MAX_HELD_RELAYS = 256;

export interface PeerLimits {
  ratePerSec: number;
  rateBurst: number;
  maxConnectionsPerBoard: number;
  /** sockets view links may never take: the team's and owner's */
  writerReservedConnections: number;
}

/** What the room keeps about each peer. */
export interface Member {
  /** update-bearing messages stored (or found empty) so far: sent back as the "persisted" ack */
  persisted: number;
  bucket: TokenBucket;
  /** relays held until its sync step 1 is answered; null once answered */
  held: Uint8Array[] | null;
}

/**
 * A room's peers and how messages reach them. Doc updates are held for a peer until its sync
 * step 1 is answered: the answer is computed from the doc at a clean point, so it contains every
 * held relay, and they are dropped then. Sent early instead, they arrive before the state they
 * build on, and the client's Yjs parks them as pending structs and re-merges that pending set with
 * every later update — in a reconnect storm that made each client's catch-up quadratic.
 */
export class RoomPeers {
  private readonly members = new Map<Peer, Member>();
  /** view-link peers, oldest first: they have their own cap and are shed first */
  private readonly views = new Set<Peer>();
  /** peers whose key was revoked */
  private readonly revoked = new WeakSet<Peer>();

  constructor(private readonly limits: PeerLimits) {}

  /**
   * Whether `peer` may join: 'yes', 'no' (the board is full for its role: close with 4429), or a
   * view peer to shed to make room for it. View links may hold at most `maxConnectionsPerBoard −
   * writerReservedConnections` sockets, so a public view link cannot lock the team out; a writer
   * at a full board takes the newest view socket's place (viewers reconnect within their cap).
   */
  admit(peer: Peer): 'yes' | 'no' | Peer {
    const { maxConnectionsPerBoard: max, writerReservedConnections: reserved } = this.limits;
    if (peer.role === 'view') {
      return this.views.size < max - reserved && this.members.size < max ? 'yes' : 'no';
    }
    if (this.members.size < max) return 'yes';
    let newest: Peer | undefined;
    for (const v of this.views) newest = v;
    return newest ?? 'no';
  }

  add(peer: Peer): void {
    const bucket = new TokenBucket(this.limits.ratePerSec, this.limits.rateBurst);
    this.members.set(peer, { persisted: 0, bucket, held: [] });
    if (peer.role === 'view') this.views.add(peer);
  }

  /** False when the peer was not (or no longer) here. */
  remove(peer: Peer): boolean {
    this.views.delete(peer);
    return this.members.delete(peer);
  }

  get(peer: Peer): Member | undefined {
    return this.members.get(peer);
  }

  get size(): number {
    return this.members.size;
  }

  /** A copy: closing a peer while iterating must not skip any. */
  all(): Peer[] {
    return [...this.members.keys()];
  }

  closeWhere(pick: (p: Peer) => boolean, code: number, reason: string): void {
    for (const p of this.all()) if (pick(p)) p.close(code, reason);
  }

  /** Whether nothing more the peer sends may be applied, stored or acked (its key was revoked). */
  isRevoked(peer: Peer): boolean {
    return this.revoked.has(peer);
  }

  /**
   * A key was revoked (its link rotated): every peer admitted with it is refused from now on —
   * what it still sends is never applied, stored, relayed or acked — and closed. Peers without a
   * recorded key hash are matched by role.
   */
  revokeKey(role: Role, keyHash: string, code: number, reason: string): void {
    const hit = (p: Peer) => p.role === role && (p.keyHash === undefined || p.keyHash === keyHash);
    for (const p of this.all())
      if (hit(p)) {
        this.revoked.add(p);
        p.close(code, reason);
      }
  }

  /**
   * A revocation this instance may never have been told of (Redis was down when it was sent):
   * peers admitted with a key that is no longer their role's key are refused and closed as if
   * it had arrived. Returns how many were.
   */
  revokeStale(current: KeyHashes, code: number, reason: string): number {
    let n = 0;
    for (const p of this.all())
      if (p.keyHash !== undefined && p.keyHash !== current[p.role]) {
        this.revokeKey(p.role, p.keyHash, code, reason);
        n++;
      }
    return n;
  }

  /** Its sync step 2 has been sent: everything held is in it, and relays flow from now on. */
  answered(peer: Peer): void {
    const m = this.members.get(peer);
    if (m) m.held = null;
  }

  /** Presence and other messages: to every peer, never held. */
  broadcast(msg: Uint8Array): void {
    for (const p of this.members.keys()) p.send(msg);
  }

  /**
   * One relay message per peer per stored batch, not one per update: in a reconnect storm every
   * client's catch-up lands in the same turn, and relaying each to every other client is n²
   * messages for the server to write and for every client to decode. When the batch has one
   * author, that author is skipped as before; with several, each receives the merge including its
   * own change, which Yjs applies as a no-op.
   */
  relayBatch(encoded: Uint8Array, origins: Origin[]): void {
    const oneAuthor = origins.every((o) => o === origins[0]);
    this.relayUpdate(encoded, oneAuthor ? origins[0]! : null);
  }

  /** A doc update to every peer but `except`, held for those still waiting for their answer. */
  relayUpdate(msg: Uint8Array, except: Origin | null): void {
    for (const [p, m] of this.members) {
      if (p === except) continue;
      if (!m.held) {
        p.send(msg);
        continue;
      }
      m.held.push(msg);
      if (m.held.length > MAX_HELD_RELAYS) {
        // A client that never asks for the state still gets every change, just not held forever.
        const held = m.held;
        m.held = null;
        for (const h of held) p.send(h);
      }
    }
  }
}
