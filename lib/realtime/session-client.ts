import { io, type Socket } from 'socket.io-client';
import { SESSION_NAMESPACE } from './session-constants';
import type {
  Ack,
  ClientEvent,
  ClientToServerEvents,
  Payload,
  ReactionEvent,
  ServerToClientEvents,
  SessionState,
  SessionUser,
} from './events';

export type SessionGone = 'bad-key' | 'not-found' | 'rotated' | 'deleted' | 'other';

export interface SessionSnapshot {
  state: SessionState | null;
  /** server clock minus local clock, measured when the last state arrived */
  offset: number;
  connected: boolean;
  /** connected at least once: a later disconnect is a drop, and retrying is reconnecting */
  everConnected: boolean;
  /** an attempt to connect failed at least once (before a first connection, too) */
  failedOnce: boolean;
  closed: { reason: SessionGone; detail: string } | null;
}

export interface SessionClientOptions {
  origin: string;
  boardId: string;
  key: string;
  /** the per-browser secret the server derives `user.id` from (lib/presence/user-id.ts) */
  secret: string;
  user: Omit<SessionUser, 'id'>;
}

export const INITIAL_SESSION_SNAPSHOT: SessionSnapshot = {
  state: null,
  offset: 0,
  connected: false,
  everConnected: false,
  failedOnce: false,
  closed: null,
};

const RESTARTING = 'Server restarting';
const CALL_TIMEOUT_MS = 8_000;

/** Which full-page reason a server close message stands for (texts from server/http/links.ts). */
function goneFor(reason: string): SessionGone {
  if (/deleted/i.test(reason)) return 'deleted';
  if (/replaced/i.test(reason)) return 'rotated';
  return 'other';
}

/**
 * The browser side of the live session: one socket.io connection, the latest public state, the
 * clock offset for countdowns, typed acked calls and ephemeral reactions. Framework-free; the
 * React hook subscribes to it with useSyncExternalStore.
 */
export class SessionClient {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private snap: SessionSnapshot = { ...INITIAL_SESSION_SNAPSHOT };
  private listeners = new Set<() => void>();
  private reactionListeners = new Set<(r: ReactionEvent) => void>();
  private restartTimer: ReturnType<typeof setTimeout> | null = null;

  constructor({ origin, boardId, key, secret, user }: SessionClientOptions) {
    this.socket = io(origin + SESSION_NAMESPACE, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { boardId, key, secret, user: { name: user.name, color: user.color } },
    });
    this.socket.on('connect', () => this.set({ connected: true, everConnected: true }));
    this.socket.on('disconnect', (reason) => {
      this.set({ connected: false });
      // A server-side disconnect is not retried by socket.io; a restart is, by us, unless closed.
      if (reason === 'io server disconnect' && !this.snap.closed) this.retrySoon();
    });
    this.socket.on('connect_error', (err) => {
      const code = (err as Error & { data?: { code?: string } }).data?.code;
      if (code === 'unauthorized' || code === 'forbidden') this.close('bad-key', err.message);
      else if (code === 'not_found') this.close('not-found', err.message);
      // anything else (network, unavailable): socket.io keeps retrying with backoff
      else if (!this.snap.failedOnce) this.set({ failedOnce: true });
    });
    this.socket.on('session:state', (state) => {
      this.set({ state, offset: state.serverNow - Date.now() });
    });
    this.socket.on('reaction', (r) => {
      for (const l of this.reactionListeners) l(r);
    });
    this.socket.on('session:closed', ({ reason }) => {
      if (reason === RESTARTING) return; // the disconnect that follows triggers a reconnect
      this.close(goneFor(reason), reason);
    });
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getSnapshot = (): SessionSnapshot => this.snap;

  onReaction(l: (r: ReactionEvent) => void): () => void {
    this.reactionListeners.add(l);
    return () => this.reactionListeners.delete(l);
  }

  /** Sends one event and resolves with the server's ack (or a local `unavailable` on timeout). */
  call<E extends ClientEvent>(event: E, payload: Payload<E>): Promise<Ack> {
    return new Promise((resolve) => {
      // The typed emit cannot express "ack after timeout" generically; the contract is `Ack`.
      const timed = this.socket.timeout(CALL_TIMEOUT_MS) as unknown as {
        emit(ev: string, p: unknown, cb: (err: Error | null, ack?: Ack) => void): void;
      };
      timed.emit(event, payload ?? {}, (err, ack) => {
        if (err || !ack)
          resolve({ ok: false, error: { code: 'unavailable', message: 'No answer from the server.' } });
        else resolve(ack);
      });
    });
  }

  destroy(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.listeners.clear();
    this.reactionListeners.clear();
  }

  private retrySoon() {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => this.socket.connect(), 500 + Math.random() * 1_000);
  }

  private close(reason: SessionGone, detail: string) {
    this.set({ closed: { reason, detail }, connected: false });
    this.socket.disconnect();
  }

  private set(patch: Partial<SessionSnapshot>) {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }
}
