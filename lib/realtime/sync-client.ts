import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { MSG_AUTH, isUpdateBearing, readAuthMessage } from './wire';

/**
 * The browser's (and tests') connection to a board: a stock y-websocket provider, plus tracking of
 * what the server has durably stored so the UI can say "saved" truthfully.
 */

export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'closed';

export interface SyncStatus {
  connection: ConnectionState;
  /** initial sync with the server finished on the current connection */
  synced: boolean;
  /** update messages sent on this connection that the server has not yet confirmed as stored */
  unsaved: number;
  /** local changes made while disconnected, waiting to be sent */
  waiting: number;
  /** set when the server closed us for good (bad key, link rotated, board deleted) */
  closed: { code: number; reason: string } | null;
  /** set when the server refused a write (view link) */
  denied: string | null;
  /** the board on screen came from this browser's offline copy and has not synced since */
  fromCopy: boolean;
}

/** Status before anything is known (also what the UI shows before a connection exists). */
export const INITIAL_STATUS: SyncStatus = {
  connection: 'connecting',
  synced: false,
  unsaved: 0,
  waiting: 0,
  closed: null,
  denied: null,
  fromCopy: false,
};

type WebSocketCtor = typeof WebSocket;

export interface BoardConnectionOptions {
  /** e.g. ws://host:3000/sync */
  url: string;
  boardId: string;
  key: string;
  doc?: Y.Doc;
  /** defaults to the global WebSocket; tests pass `ws` */
  WebSocketImpl?: WebSocketCtor;
  connect?: boolean;
  /**
   * A view link: never send document content. The server would refuse it anyway; holding it back
   * here means a doc that picked up state from elsewhere (a cache) cannot even try to push it.
   */
  readOnly?: boolean;
  /** transaction origins that load stored state (an offline cache) rather than make changes */
  quietOrigins?: unknown[];
}

export class BoardConnection {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  private status: SyncStatus = INITIAL_STATUS;
  private listeners = new Set<() => void>();
  private sent = 0;
  private acked = 0;
  private everConnected = false;
  /** a connection attempt has failed: from then on "not connected" reads as offline, not connecting */
  private failedOnce = false;
  private readonly quiet: Set<unknown>;

  constructor(opts: BoardConnectionOptions) {
    this.doc = opts.doc ?? new Y.Doc();
    this.quiet = new Set(opts.quietOrigins ?? []);
    const readOnly = opts.readOnly ?? false;
    const Base = opts.WebSocketImpl ?? WebSocket;
    const counter = () => {
      this.sent += 1;
      this.refresh();
    };
    // Count update-bearing messages as they leave, so acks from the server can be matched.
    class TrackedSocket extends (Base as unknown as {
      new (url: string, protocols?: string | string[]): WebSocket;
    }) {
      send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        if (data instanceof Uint8Array && isUpdateBearing(data)) {
          if (readOnly) return;
          counter();
        }
        super.send(data);
      }
    }
    this.provider = new WebsocketProvider(opts.url, opts.boardId, this.doc, {
      params: { key: opts.key },
      WebSocketPolyfill: TrackedSocket as unknown as WebSocketCtor,
      connect: opts.connect ?? true,
      disableBc: true,
    });
    this.provider.messageHandlers[MSG_AUTH] = (_enc, dec) => {
      const msg = readAuthMessage(dec);
      if (msg?.kind === 'persisted') {
        this.acked = msg.count;
        this.refresh();
      } else if (msg?.kind === 'permission-denied') {
        this.status = { ...this.status, denied: msg.reason };
        this.emit();
      }
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connecting') {
        this.sent = 0;
        this.acked = 0;
      }
      if (status === 'connected') this.everConnected = true;
      this.refresh();
    });
    this.provider.on('sync', () => this.refresh());
    // A socket that never opened (no network when the page loaded) emits no status change.
    this.provider.on('connection-close', () => {
      this.failedOnce = true;
      this.refresh();
    });
    this.provider.on('closed', (ev) => {
      this.status = { ...this.status, closed: { code: ev.code, reason: ev.reason } };
      this.refresh();
    });
    this.doc.on('update', this.onLocalUpdate);
  }

  private onLocalUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin === this.provider || this.quiet.has(origin)) return;
    if (!this.provider.wsconnected) {
      this.status = { ...this.status, waiting: this.status.waiting + 1 };
      this.emit();
    }
  };

  private refresh() {
    const p = this.provider;
    const connection: ConnectionState = this.status.closed
      ? 'closed'
      : p.wsconnected
        ? 'connected'
        : p.wsconnecting && !this.everConnected && !this.failedOnce
          ? 'connecting'
          : 'offline';
    const synced = p.wsconnected && p.synced;
    const unsaved = Math.max(0, this.sent - this.acked);
    // Changes made offline count as waiting until the connection has synced and the server stored them.
    const waiting = connection === 'connected' && synced && unsaved === 0 ? 0 : this.status.waiting;
    const fromCopy = this.status.fromCopy && !synced;
    const next: SyncStatus = { ...this.status, connection, synced, unsaved, waiting, fromCopy };
    const prev = this.status;
    if (
      prev.connection !== next.connection ||
      prev.synced !== next.synced ||
      prev.unsaved !== next.unsaved ||
      prev.waiting !== next.waiting ||
      prev.fromCopy !== next.fromCopy ||
      prev.closed !== next.closed
    ) {
      this.status = next;
      this.emit();
    }
  }

  private emit() {
    for (const l of this.listeners) l();
  }

  /** True once everything this client has written is durably stored on the server. */
  get saved(): boolean {
    const s = this.status;
    return s.connection === 'connected' && s.synced && s.unsaved === 0 && s.waiting === 0;
  }

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * The offline copy finished loading into the doc: when it brought content, the board is shown
   * from it at once and the status says so until the first sync with the server.
   */
  copyLoaded(): void {
    // Anything in the doc's struct store came from the copy (nothing else has run yet).
    if (this.status.synced || this.doc.store.clients.size === 0) return;
    this.status = { ...this.status, fromCopy: true };
    this.emit();
  }

  /** Starts connecting (for a connection created with `connect: false`). */
  connect(): void {
    if (!this.provider.shouldConnect) this.provider.connect();
  }

  destroy(): void {
    this.doc.off('update', this.onLocalUpdate);
    this.provider.destroy();
    this.listeners.clear();
  }
}
