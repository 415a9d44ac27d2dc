import * as Y from 'yjs';
import { VIEW_ONLY, checkTouches } from '../../lib/board/rules';
import type { Role } from '../../lib/board/types';
import { CLOSE, encodePermissionDenied } from '../../lib/realtime/wire';
import type { Logger } from '../log';
import type { Peer } from './peer';
import { inspectUpdate, type Authorship } from './update-inspector';

/**
 * The schema-aware write gate: every update a client sends passes here before the room's doc
 * sees it. It is inspected (update-inspector.ts) and what it would change is checked against the
 * role's rules (lib/board/rules.ts); one forbidden part refuses it whole, with permission-denied
 * and a reason, and nothing of it is applied, stored, relayed or acknowledged. So is an update
 * that could not integrate completely (Yjs would park it). Server edits never come here.
 */
export type Admission = 'apply' | 'noop' | 'refused';

export type Decision =
  | { kind: 'apply'; clients: Set<number> }
  | { kind: 'noop' }
  | { kind: 'refuse'; why: 'role' | 'missing'; reason: string; detail?: string };

export const MISSING_REASON =
  'This change builds on changes the server does not have, so it was not saved. Reload the board.';

/** Refusals logged per connection: the first, then one line per this many (with the count). */
const LOG_EVERY = 100;

/**
 * The gate's decision for an update from a connection of `role`, without applying anything.
 * `own` says which Yjs clients' items that connection wrote (its person may undo them).
 */
export function decide(doc: Y.Doc, role: Role, update: Uint8Array, own?: Authorship): Decision {
  const inspection = inspectUpdate(doc, update, own);
  if (!inspection.ok)
    return { kind: 'refuse', why: 'missing', reason: MISSING_REASON, detail: inspection.missing };
  if (!inspection.news) return { kind: 'noop' };
  if (role === 'view') return { kind: 'refuse', why: 'role', reason: VIEW_ONLY };
  const verdict = checkTouches(role, inspection.touches);
  return verdict.ok
    ? { kind: 'apply', clients: inspection.clients }
    : { kind: 'refuse', why: 'role', reason: verdict.reason };
}

export class WriteGate {
  private readonly refusals = new WeakMap<Peer, number>();
  /**
   * Which connection wrote each Yjs client's items: the first to bring new structs of it, or the
   * next one once that connection has closed (the same browser tab, reconnected). A team
   * connection may remove what it wrote itself — its person's undo — and nothing else. A
   * reconnected tab whose first write is an undo (a deletion brings no structs) is recognised by
   * its presence: a y-websocket client's awareness id is its Yjs client id (`speaksFor`).
   */
  private readonly authors = new Map<number, Peer>();
  /** what the last admitted update brings, claimed by its peer once applied */
  private admitted: { peer: Peer; clients: Set<number> } | null = null;
  /** every refusal on this board since the room loaded */
  refused = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly boardId: string,
    private readonly log: Logger,
    private readonly speaksFor: (peer: Peer, client: number) => boolean = () => false,
  ) {}

  /** Whether `peer` wrote `client`'s items: its recorded author, or — that one gone — its speaker. */
  private owns(peer: Peer, client: number): boolean {
    const author = this.authors.get(client);
    if (author === peer) return true;
    return (!author || !author.isOpen()) && this.speaksFor(peer, client);
  }

  /**
   * `apply`: new and allowed; `noop`: holds nothing the doc lacks (a reconnecting viewer's step 2,
   * an echo): accepted without applying; `refused`: the peer was told why. Throws ProtocolError on
   * bytes that are no update.
   */
  admit(peer: Peer, update: Uint8Array): Admission {
    const d = decide(this.doc, peer.role, update, (client) => this.owns(peer, client));
    if (d.kind === 'refuse') return this.refuse(peer, d);
    this.admitted = d.kind === 'apply' ? { peer, clients: d.clients } : null;
    return d.kind;
  }

  /**
   * Applies an admitted update with the peer as origin. Should Yjs still leave anything pending
   * (the inspector missed a dependency), the pending part is dropped — never kept, stored or
   * acked — and the peer cut off; false then.
   */
  apply(peer: Peer, update: Uint8Array): boolean {
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (err) {
      // Whatever Yjs integrated before throwing is stored and relayed like any other change.
      this.log.warn({ err, boardId: this.boardId, connId: peer.id }, 'update failed to apply');
      peer.close(CLOSE.malformed, 'update could not be applied');
      return false;
    }
    const admitted = this.admitted;
    this.admitted = null;
    if (admitted?.peer === peer) {
      for (const client of admitted.clients) {
        const author = this.authors.get(client);
        if (!author || !author.isOpen()) this.authors.set(client, peer);
      }
    }
    const store = this.doc.store;
    if (store.pendingStructs === null && store.pendingDs === null) return true;
    store.pendingStructs = null;
    store.pendingDs = null;
    this.log.error({ boardId: this.boardId, connId: peer.id, role: peer.role }, 'update left pending parts');
    peer.send(encodePermissionDenied(MISSING_REASON));
    peer.close(CLOSE.malformed, 'update could not be applied completely');
    return false;
  }

  private refuse(peer: Peer, { why, reason, detail }: Decision & { kind: 'refuse' }): 'refused' {
    this.refused += 1;
    const n = (this.refusals.get(peer) ?? 0) + 1;
    this.refusals.set(peer, n);
    if (n === 1 || n % LOG_EVERY === 0) {
      // Board id, connection and role: never the key (it is in the socket's URL, not here).
      const fields = { boardId: this.boardId, connId: peer.id, role: peer.role, why, reason, detail };
      this.log.warn({ ...fields, refusedOnConnection: n, refusedOnBoard: this.refused }, 'update refused');
    }
    peer.send(encodePermissionDenied(reason));
    return 'refused';
  }
}
