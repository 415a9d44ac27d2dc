import { createHash } from 'node:crypto';
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

/** Several labels' ids, sorted: compare with a sorted list from the server. */
export function uids(...labels: string[]): string[] {
  return labels.map(uid).sort();
}

const open: Socket[] = [];

/** A test person's secret, from a readable label ('dev1'): stable, so tests can name people. */
export function secretOf(label: string): string {
  return `test-secret-${label}`.padEnd(22, '_');
}

/** The user id the server derives for a label's secret (what votes, hands and participants show). */
export function uid(label: string): string {
  return createHash('sha256').update(secretOf(label)).digest('base64url');
}

export function sessionClient(
  url: string,
  boardId: string,
  key: string,
  /**
   * `id` is a label: the client sends secretOf(id) (or `secret`), and the server names it uid(id).
   * `claimId` also sends `user.id`, as an older or hostile client would.
   */
  user: { id: string; name: string; secret?: string | null; claimId?: string },
): SessionClient {
  const claim = user.claimId === undefined ? {} : { id: user.claimId };
  const s = io(`${url}/session`, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: {
      boardId,
      key,
      // null: no secret at all, as a client from before secrets
      ...(user.secret === null ? {} : { secret: user.secret ?? secretOf(user.id) }),
      user: { ...claim, name: user.name, color: '#0090ff' },
    },
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
