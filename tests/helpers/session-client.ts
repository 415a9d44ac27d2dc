import { io, type Socket } from 'socket.io-client';
import { vi } from 'vitest';
import type {
  Ack,
  ClientToServerEvents,
  ServerToClientEvents,
  SessionState,
} from '../../lib/realtime/events';

export type SessionClient = Socket<ServerToClientEvents, ClientToServerEvents> & {
  state: () => SessionState | null;
  /** every decoded packet received, as JSON, for secrecy checks */
  packets: string[];
  call: (event: string, payload?: unknown) => Promise<Ack>;
};

const open: Socket[] = [];

export function sessionClient(
  url: string,
  boardId: string,
  key: string,
  user: { id: string; name: string },
): SessionClient {
  const s = io(`${url}/session`, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { boardId, key, user: { ...user, color: '#0090ff' } },
    reconnection: false,
    forceNew: true,
  }) as SessionClient;
  let last: SessionState | null = null;
  s.packets = [];
  s.io.on('packet', (p) => s.packets.push(JSON.stringify(p)));
  s.on('session:state', (st) => (last = st));
  s.state = () => last;
  s.call = (event, payload) =>
    new Promise<Ack>((resolve) => {
      const emit = s.emit as unknown as (...a: unknown[]) => void;
      if (payload === undefined) emit.call(s, event, resolve);
      else emit.call(s, event, payload, resolve);
    });
  open.push(s);
  return s;
}

export async function joined(s: SessionClient): Promise<SessionState> {
  await vi.waitFor(() => {
    if (!s.state()) throw new Error('no state yet');
  });
  return s.state()!;
}

export function connectError(s: SessionClient): Promise<{ message: string; data?: { code: string } }> {
  return new Promise((resolve) => s.once('connect_error', (e) => resolve(e as never)));
}

export function closeSessions(): void {
  for (const s of open.splice(0)) s.disconnect();
}
