import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Board, Target } from './servers';
import { until } from './stats';

/**
 * A real client of one server under test: the stock y-websocket provider for our server and the
 * reference server (same wire protocol), Hocuspocus's own provider for Hocuspocus.
 */
export interface BenchClient {
  doc: Y.Doc;
  readonly synced: boolean;
  /** resolves with performance.now() at the provider's own "synced" event */
  whenSynced(): Promise<number>;
  /** at the last "synced" event: when the message that completed the sync arrived (before decoding) */
  readonly answeredAt: number;
  disconnect(): void;
  connect(): void;
  destroy(): void;
}

/**
 * The `ws` client, timestamping each message before the provider handles it: `lastMessageAt`, read
 * inside the provider's "synced" event, is when the server's answer arrived, before it was decoded.
 */
class TimedWebSocket extends WebSocket {
  lastMessageAt = 0;
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.addEventListener('message', () => (this.lastMessageAt = performance.now()));
  }
}

const WS = TimedWebSocket as unknown as typeof globalThis.WebSocket;
const lastAt = (ws: unknown) => (ws instanceof TimedWebSocket ? ws.lastMessageAt : NaN);

export function connectClient(
  target: Pick<Target, 'kind' | 'wsBase'>,
  board: Board,
  doc = new Y.Doc(),
): BenchClient {
  if (target.kind === 'hocuspocus') {
    // One socket per provider, like a browser tab (Hocuspocus could multiplex several boards on one).
    const socket = new HocuspocusProviderWebsocket({ url: target.wsBase, WebSocketPolyfill: WS });
    const p = new HocuspocusProvider({ websocketProvider: socket, name: board.room, document: doc });
    let answeredAt = NaN;
    p.on('synced', () => (answeredAt = lastAt(socket.webSocket)));
    p.attach();
    return {
      doc,
      get synced() {
        return p.isSynced;
      },
      whenSynced: () =>
        p.isSynced
          ? Promise.resolve(performance.now())
          : new Promise((r) => p.on('synced', () => r(performance.now()))),
      get answeredAt() {
        return answeredAt;
      },
      disconnect: () => socket.disconnect(),
      connect: () => void socket.connect(),
      destroy: () => {
        p.destroy();
        socket.destroy();
      },
    };
  }
  const p = new WebsocketProvider(target.wsBase, board.room, doc, {
    params: board.key ? { key: board.key } : {},
    WebSocketPolyfill: WS,
    disableBc: true,
  });
  let answeredAt = NaN;
  p.on('sync', (s: boolean) => {
    if (s) answeredAt = lastAt(p.ws);
  });
  return {
    doc,
    get synced() {
      return p.synced;
    },
    whenSynced: () =>
      p.synced
        ? Promise.resolve(performance.now())
        : new Promise((r) => p.once('sync', (s: boolean) => s && r(performance.now()))),
    get answeredAt() {
      return answeredAt;
    },
    disconnect: () => p.disconnect(),
    connect: () => p.connect(),
    destroy: () => p.destroy(),
  };
}

/** Connects `n` clients to a board at once and waits until all are synced. */
export async function connectMany(
  target: Target,
  board: Board,
  n: number,
  timeoutMs = 60_000,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let i = 0; i < n; i++) clients.push(connectClient(target, board));
  await until(() => clients.every((c) => c.synced), timeoutMs, `${n} clients to sync`);
  return clients;
}

export function destroyAll(clients: BenchClient[]): void {
  for (const c of clients) c.destroy();
}
