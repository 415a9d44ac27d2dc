import { send, type Conn } from './connection';

/** relays held for a connection that has not sent sync step 1 before they are sent anyway */
const MAX_HELD_RELAYS = 256;

/**
 * A room's live connections and how messages reach them. Doc updates are held for a connection
 * until its sync step 1 is answered: the answer is computed from the doc at a clean point, so it
 * contains every held relay, and they are dropped then. Sent early instead, they arrive before the
 * state they build on, and the client's Yjs parks them as pending structs and re-merges that
 * pending set with every later update — in a reconnect storm that made each client's catch-up
 * quadratic.
 */
export class RoomPeers {
  readonly conns = new Map<Conn['ws'], Conn>();
  private readonly awaitingStep1 = new Map<Conn, Uint8Array[]>();

  add(conn: Conn): void {
    this.conns.set(conn.ws, conn);
    this.awaitingStep1.set(conn, []);
  }

  /** False when the connection was not (or no longer) here. */
  remove(conn: Conn): boolean {
    this.awaitingStep1.delete(conn);
    return this.conns.delete(conn.ws);
  }

  /** Its sync step 2 has been sent: everything held is in it, and relays flow from now on. */
  answered(conn: Conn): void {
    this.awaitingStep1.delete(conn);
  }

  /** Presence and other messages: to every connection but `except`, never held. */
  broadcast(msg: Uint8Array, except: unknown): void {
    for (const c of this.conns.values()) if (c !== except) send(c, msg);
  }

  /**
   * One relay message per connection per stored batch, not one per update: in a reconnect storm
   * every client's catch-up lands in the same turn, and relaying each to every other client is n²
   * messages for the server to write and for every client to decode. When the batch has one
   * author, that author is skipped as before; with several, each receives the merge including its
   * own change, which Yjs applies as a no-op.
   */
  relayBatch(encoded: Uint8Array, origins: unknown[]): void {
    const oneAuthor = origins.every((o) => o === origins[0]);
    this.relayUpdate(encoded, oneAuthor ? origins[0] : null);
  }

  /** A doc update to every connection but `except`, held for those still waiting for their answer. */
  relayUpdate(msg: Uint8Array, except: unknown): void {
    for (const c of this.conns.values()) {
      if (c === except) continue;
      const held = this.awaitingStep1.get(c);
      if (!held) {
        send(c, msg);
        continue;
      }
      held.push(msg);
      if (held.length > MAX_HELD_RELAYS) {
        // A client that never asks for the state still gets every change, just not held forever.
        this.awaitingStep1.delete(c);
        for (const m of held) send(c, m);
      }
    }
  }
}
