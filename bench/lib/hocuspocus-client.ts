// Hocuspocus's own provider as a bench client. Needs the bench package (bench/node_modules), so it
// is loaded only when a Hocuspocus client is made (clients.ts) and typechecked by bench/tsconfig.json.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { ConnectClient } from './clients';
import { lastAt, WS } from './timed-socket';

export const connectHocuspocus: ConnectClient = (target, board, doc) => {
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
};
