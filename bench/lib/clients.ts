import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createRequire } from 'node:module';
import type { Board, Target } from './servers';
import { until } from './stats';
import { lastAt, WS } from './timed-socket';

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

export type ConnectClient = (
  target: Pick<Target, 'kind' | 'wsBase'>,
  board: Board,
  doc: Y.Doc,
) => BenchClient;

/**
 * Hocuspocus's provider lives in the bench package (bench/node_modules), installed by the first
 * `npm run bench`: loaded at run time, on the first Hocuspocus client, so the y-websocket clients
 * (and the root test suite's smoke test) work without it.
 */
let hocuspocus: ConnectClient | undefined;
function connectHocuspocus(): ConnectClient {
  hocuspocus ??= (createRequire(__filename)('./hocuspocus-client') as { connectHocuspocus: ConnectClient })
    .connectHocuspocus;
  return hocuspocus;
}

export function connectClient(
  target: Pick<Target, 'kind' | 'wsBase'>,
  board: Board,
  doc = new Y.Doc(),
): BenchClient {
  if (target.kind === 'hocuspocus') return connectHocuspocus()(target, board, doc);
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
