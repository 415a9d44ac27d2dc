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
import { BoardCoalescer } from './coalesce';
import { depart, publicState, transition, type Transition } from './logic';
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
/** One state message per board per tick, however many events arrive in it. */
export const BROADCAST_TICK_MS = 50;
const roleRoom = (id: string, role: Role) => `board:${id}:${role}`;

export interface SessionLimits {
  /** session sockets one instance holds per board (MAX_SESSION_SOCKETS_PER_BOARD) */
  maxSocketsPerBoard: number;
  /** every inbound event of one socket (SESSION_RATE_PER_SEC / SESSION_RATE_BURST) */
  ratePerSec: number;
  rateBurst: number;
}

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
    limits: SessionLimits;
    adapter?: Parameters<Server['adapter']>[0];
  },
): Sessions {
  const { store, rooms, sessions, log } = deps;
  const { maxSocketsPerBoard } = deps.limits;
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
      // Counted and joined with no await in between, so concurrent handshakes cannot overshoot.
      const here = nsp.adapter.rooms.get(boardRoom(hs.data.boardId))?.size ?? 0;
      if (here >= maxSocketsPerBoard) {
        const msg = `This board's live session is full (${maxSocketsPerBoard} connections); try again later.`;
        return next(withData(new Error(msg), 'full'));
      }
      // A socket whose client leaves before it connects is cleaned up (rooms left) by socket.io.
      void socket.join([boardRoom(hs.data.boardId), roleRoom(hs.data.boardId, gate.role)]);
      socket.data = {
        boardId: hs.data.boardId,
        role: gate.role,
        user: hs.data.user,
        events: new TokenBucket(deps.limits.ratePerSec, deps.limits.rateBurst),
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

  async function currentState(boardId: string) {
    return publicState(await sessions.get(boardId), await participants(boardId), Date.now());
  }

  const broadcasts = new BoardCoalescer(
    BROADCAST_TICK_MS,
    async (boardId) => void nsp.to(boardRoom(boardId)).emit('session:state', await currentState(boardId)),
    (err, boardId) => log.error({ err, boardId }, 'session broadcast failed'),
  );

  /** When the user's last socket on the board is gone, their hand and follow flag go too. */
  async function departed(boardId: string, userId: string) {
    const left = await nsp.in(boardRoom(boardId)).fetchSockets();
    if (left.some((s) => s.data.user.id === userId)) return;
    await sessions.update<null>(boardId, (s) => {
      const next = depart(s, userId);
      return next ? { session: next, result: null } : { result: null };
    });
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
    if (event === 'reaction:send' && !d.reactions.take()) return refuse('rate_limited', RATE_LIMITED);
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

    const t = await sessions.update<Transition & { changed?: boolean }>(d.boardId, (s) => {
      const r = transition(s, cmd, { userId: d.user.id, role: d.role }, Date.now());
      if (!r.ok) return { result: r };
      // A no-op (a second follow:set on, a hand already raised) writes and sends nothing.
      const changed = JSON.stringify(r.session) !== JSON.stringify(s);
      return changed ? { session: r.session, result: { ...r, changed } } : { result: r };
    });
    if (!t.ok) return refuse(t.code, t.message);
    if (t.effect) await writeEstimate(d.boardId, t.effect.storyId, t.effect.value);
    if (t.changed) broadcasts.schedule(d.boardId);
    return { ok: true };
  }

  nsp.on('connection', (socket: SessionSocket) => {
    const { boardId, user } = socket.data;
    socket.onAny((event: string, ...args: unknown[]) => {
      const last = args.at(-1);
      const ack = typeof last === 'function' ? (a: Ack) => void last(a) : null;
      const payload = args.length > 0 && typeof args[0] !== 'function' ? args[0] : undefined;
      // Every inbound event costs a token, refused ones too: a flood of anything is cut here.
      if (!socket.data.events.take()) return ack?.(refuse('rate_limited', RATE_LIMITED));
      if (!isClientEvent(event))
        return ack?.(refuse('invalid', `Unknown event "${String(event).slice(0, 40)}".`));
      handle(socket, event, payload)
        .then((a) => ack?.(a))
        .catch((err: unknown) => {
          log.error({ err, boardId, event }, 'session event failed');
          ack?.(refuse('unavailable', 'Something went wrong on our side.'));
        });
    });
    socket.on('disconnect', () => {
      departed(boardId, user.id)
        .catch((err: unknown) => log.error({ err, boardId }, 'session departure failed'))
        .finally(() => broadcasts.schedule(boardId));
    });
    // The newcomer gets the state at once; everyone else sees them join on the next tick.
    currentState(boardId)
      .then((st) => socket.emit('session:state', st))
      .catch((err: unknown) => log.error({ err, boardId }, 'session state failed'));
    broadcasts.schedule(boardId);
  });

  return {
    io,
    async close(boardId, role, reason) {
      const target = nsp.in(role ? roleRoom(boardId, role) : boardRoom(boardId));
      target.emit('session:closed', { reason });
      target.disconnectSockets(true);
      if (!role) {
        broadcasts.cancel(boardId);
        // A Redis outage must not stop the board's deletion: nothing can reach this state once the
        // board is gone, and it expires on its own (redis-store.ts TTL).
        await sessions
          .delete(boardId)
          .catch((err: unknown) => log.warn({ err: String(err), boardId }, 'session state not deleted'));
      }
    },
    async shutdown() {
      broadcasts.stop();
      nsp.emit('session:closed', { reason: 'Server restarting' });
      nsp.disconnectSockets(true);
      // Not io.close(): that also closes the HTTP server and waits for every other socket.
      io.engine.close();
    },
  };
}

const RATE_LIMITED = 'Too many events; slow down.';

function refuse(code: ErrorCode, message: string): Ack {
  return { ok: false, error: { code, message } };
}

function withData(err: Error, code: string): Error {
  return Object.assign(err, { data: { code } });
}
