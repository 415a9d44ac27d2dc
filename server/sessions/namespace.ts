import type http from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import type { Role } from '../../lib/board/types';
import { setStoryEstimate } from '../../lib/board/ops';
import { getStoryMap, readStory } from '../../lib/board/schema';
import {
  EVENT_ROLES,
  SESSION_NAMESPACE,
  handshakeSchema,
  type Ack,
  type ClientEvent,
  type ClientToServerEvents,
  type ErrorCode,
  type Participant,
  type ServerToClientEvents,
  type SessionUser,
} from '../../lib/realtime/events';
import type { Logger } from '../log';
import type { BoardRegistry } from '../store/store';
import { checkAccess } from '../access/gate';
import { TokenBucket } from '../access/token-bucket';
import { SMALL_EDIT_BYTES } from '../sync/size';
import type { RoomManager } from '../sync/room-manager';
import { isClientEvent, parseCommand } from './commands';
import { publicState, transition, type Transition } from './logic';
import type { SessionStore } from './store';

interface SocketData {
  boardId: string;
  role: Role;
  user: SessionUser;
  events: TokenBucket;
  reactions: TokenBucket;
}
type SessionSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type SessionNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

const boardRoom = (id: string) => `board:${id}`;
const roleRoom = (id: string, role: Role) => `board:${id}:${role}`;

export interface Sessions {
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  /** Tells every session socket of a board (or of one role) why, then disconnects it. */
  close(boardId: string, role: Role | null, reason: string): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The live-session channel: socket.io at /socket.io, namespace /session, on our one HTTP server.
 * The same gate as sync decides the role; every inbound event is zod-validated, role-checked and
 * answered with an ack — refused events are never dropped silently.
 */
export function attachSessions(
  server: http.Server,
  deps: {
    store: BoardRegistry;
    rooms: RoomManager;
    sessions: SessionStore;
    log: Logger;
    adapter?: Parameters<Server['adapter']>[0];
  },
): Sessions {
  const { store, rooms, sessions, log } = deps;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(
    server,
    {
      path: '/socket.io',
      serveClient: false,
      destroyUpgrade: false, // /sync and Next's HMR upgrades on the same server are not ours
      maxHttpBufferSize: 64 * 1024,
    },
  );
  // With Redis, rooms and broadcasts span instances (fetchSockets, emits, disconnects).
  if (deps.adapter) io.adapter(deps.adapter);
  const nsp: SessionNamespace = io.of(SESSION_NAMESPACE);

  nsp.use(async (socket, next) => {
    const hs = handshakeSchema.safeParse(socket.handshake.auth);
    if (!hs.success) {
      return next(
        withData(
          new Error('Invalid handshake: send auth { boardId, key, user: { id, name, color } }.'),
          'invalid',
        ),
      );
    }
    try {
      const gate = await checkAccess(store, hs.data.boardId, hs.data.key);
      if (!gate.ok) return next(withData(new Error(gate.message), gate.code));
      socket.data = {
        boardId: hs.data.boardId,
        role: gate.role,
        user: hs.data.user,
        events: new TokenBucket(20, 40),
        reactions: new TokenBucket(3, 6),
      };
      next();
    } catch (err) {
      log.error({ err }, 'session handshake failed');
      next(withData(new Error('Service unavailable, try again.'), 'unavailable'));
    }
  });

  async function participants(boardId: string): Promise<Participant[]> {
    const session = await sessions.get(boardId);
    const sockets = await nsp.in(boardRoom(boardId)).fetchSockets();
    const byUser = new Map<string, Participant>();
    for (const s of sockets) {
      const d = s.data;
      if (!byUser.has(d.user.id)) {
        byUser.set(d.user.id, { ...d.user, role: d.role, following: session.following.includes(d.user.id) });
      }
    }
    return [...byUser.values()];
  }

  async function broadcast(boardId: string) {
    const state = publicState(await sessions.get(boardId), await participants(boardId), Date.now());
    nsp.to(boardRoom(boardId)).emit('session:state', state);
  }

  async function storyExists(boardId: string, storyId: string): Promise<boolean> {
    return rooms.withRoom(boardId, (room) => {
      const m = getStoryMap(room.doc, storyId);
      return m !== null && readStory(storyId, m).deletedAt === null;
    });
  }

  /** Whether a small server edit (the accepted estimate) still fits under MAX_DOC_BYTES. */
  function editFits(boardId: string): Promise<boolean> {
    return rooms.withRoom(boardId, (room) => room.fits(SMALL_EDIT_BYTES));
  }

  /** The accepted estimate, written into the board doc (stored, then relayed). */
  async function writeEstimate(boardId: string, storyId: string, value: string) {
    await rooms.withRoom(boardId, (room) =>
      room.serverEdit((doc) => {
        // Soft-deleted stories keep their estimate too; only a map removed meanwhile is skipped.
        if (getStoryMap(doc, storyId)) setStoryEstimate(doc, storyId, value);
      }),
    );
  }

  async function handle(socket: SessionSocket, event: ClientEvent, raw: unknown): Promise<Ack> {
    const d = socket.data;
    if (!EVENT_ROLES[event].includes(d.role)) {
      return refuse('forbidden', `A ${d.role} link may not ${event.replace(':', ' ')}.`);
    }
    const bucket = event === 'reaction:send' ? d.reactions : d.events;
    if (!bucket.take()) return refuse('rate_limited', 'Too many events; slow down.');
    const parsed = parseCommand(event, raw);
    if (!parsed.ok) return refuse('invalid', parsed.message);
    const cmd = parsed.command;

    if (cmd.event === 'reaction:send') {
      nsp.to(boardRoom(d.boardId)).emit('reaction', {
        userId: d.user.id,
        name: d.user.name,
        color: d.user.color,
        emoji: cmd.payload.emoji,
        at: Date.now(),
      });
      return { ok: true };
    }
    // Stories named by the facilitator must exist on the board.
    const named = cmd.event === 'round:start' || cmd.event === 'focus:set' ? cmd.payload.storyId : null;
    if (named && !(await storyExists(d.boardId, named)))
      return refuse('not_found', 'No such story on this board.');

    // The accepted estimate is written to the board: on a full board, refused before the round closes.
    if (event === 'round:accept' && !(await editFits(d.boardId)))
      return refuse(
        'conflict',
        'This board has reached its size limit (MAX_DOC_BYTES); nothing was accepted.',
      );

    const t = await sessions.update<Transition>(d.boardId, (s) => {
      const r = transition(s, cmd, { userId: d.user.id, role: d.role }, Date.now());
      return r.ok ? { session: r.session, result: r } : { result: r };
    });
    if (!t.ok) return refuse(t.code, t.message);
    if (t.effect) await writeEstimate(d.boardId, t.effect.storyId, t.effect.value);
    await broadcast(d.boardId);
    return { ok: true };
  }

  nsp.on('connection', (socket: SessionSocket) => {
    const { boardId, role } = socket.data;
    void socket.join([boardRoom(boardId), roleRoom(boardId, role)]);
    socket.onAny((event: string, ...args: unknown[]) => {
      const last = args.at(-1);
      const ack = typeof last === 'function' ? (a: Ack) => void last(a) : null;
      const payload = args.length > 0 && typeof args[0] !== 'function' ? args[0] : undefined;
      if (!isClientEvent(event))
        return ack?.(refuse('invalid', `Unknown event "${String(event).slice(0, 40)}".`));
      handle(socket, event, payload)
        .then((a) => ack?.(a))
        .catch((err: unknown) => {
          log.error({ err, boardId, event }, 'session event failed');
          ack?.(refuse('unavailable', 'Something went wrong on our side.'));
        });
    });
    socket.on('disconnect', () => void broadcast(boardId).catch(() => undefined));
    void broadcast(boardId).catch((err: unknown) => log.error({ err, boardId }, 'session broadcast failed'));
  });

  return {
    io,
    async close(boardId, role, reason) {
      const target = nsp.in(role ? roleRoom(boardId, role) : boardRoom(boardId));
      target.emit('session:closed', { reason });
      target.disconnectSockets(true);
      if (!role) await sessions.delete(boardId);
    },
    async shutdown() {
      nsp.emit('session:closed', { reason: 'Server restarting' });
      nsp.disconnectSockets(true);
      // Not io.close(): that also closes the HTTP server and waits for every other socket.
      io.engine.close();
    },
  };
}

function refuse(code: ErrorCode, message: string): Ack {
  return { ok: false, error: { code, message } };
}

function withData(err: Error, code: string): Error {
  return Object.assign(err, { data: { code } });
}
