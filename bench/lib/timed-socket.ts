import WebSocket from 'ws';

/**
 * The `ws` client, timestamping each message before the provider handles it: `lastMessageAt`, read
 * inside the provider's "synced" event, is when the server's answer arrived, before it was decoded.
 */
export class TimedWebSocket extends WebSocket {
  lastMessageAt = 0;
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.addEventListener('message', () => (this.lastMessageAt = performance.now()));
  }
}

/** The timed socket, as the WebSocket constructor the providers take. */
export const WS = TimedWebSocket as unknown as typeof globalThis.WebSocket;
export const lastAt = (ws: unknown) => (ws instanceof TimedWebSocket ? ws.lastMessageAt : NaN);
