import * as Y from 'yjs';
import WebSocket from 'ws';
import { vi } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import { BoardConnection } from '../../lib/realtime/sync-client';

const open: { destroy(): void }[] = [];

/** Our own client (stock provider + "saved" tracking), on the `ws` polyfill. */
export function connect(wsUrl: string, boardId: string, key: string, doc?: Y.Doc): BoardConnection {
  const c = new BoardConnection({
    url: wsUrl,
    boardId,
    key,
    doc,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  open.push(c);
  return c;
}

/** An unmodified y-websocket provider, exactly as an outside client would connect. */
export function stockProvider(
  wsUrl: string,
  boardId: string,
  key: string,
  doc = new Y.Doc(),
): WebsocketProvider {
  const p = new WebsocketProvider(wsUrl, boardId, doc, {
    params: { key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  open.push(p);
  return p;
}

export async function synced(c: BoardConnection | WebsocketProvider): Promise<void> {
  const p = c instanceof BoardConnection ? c.provider : c;
  await vi.waitFor(() => {
    if (!p.synced) throw new Error('not synced yet');
  });
}

export async function saved(c: BoardConnection): Promise<void> {
  await vi.waitFor(() => {
    if (!c.saved) throw new Error(`not saved: ${JSON.stringify(c.getStatus())}`);
  });
}

export function destroyAll(): void {
  for (const c of open.splice(0)) c.destroy();
}

/** JSON with sorted keys: Y.Map iteration order depends on arrival order, content does not. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : val,
  );
}

export const sameState = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
  canonical(a.toJSON()) === canonical(b.toJSON());
