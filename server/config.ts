import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { normalizeAddress } from './http/client-address';
import { parseAllowList } from './trackers/address-guard';

/** All configuration comes from the environment, parsed once here. */
const int = (def: number) => z.coerce.number().int().nonnegative().default(def);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .optional(),
  REDIS_URL: z.string().url().optional(),
  PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .transform((u) => u?.replace(/\/+$/, '')),
  // Reverse proxies (comma-separated IP addresses) whose X-Forwarded-For is believed; default none.
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine((as) => as.every((a) => isIP(a) !== 0), 'a comma-separated list of IP addresses')
    .transform((as) => new Set(as.map(normalizeAddress))),
  // Issue trackers (docs/trackers.md): the key sealing tracker tokens at rest (required with
  // DATABASE_URL: every instance must share it), and private hosts/addresses a tracker may be on.
  TRACKER_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  TRACKER_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      try {
        parseAllowList(entries);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      }
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  // Limits (docs/architecture.md "Sync server"); every one overridable.
  MAX_MESSAGE_BYTES: int(1024 * 1024),
  MAX_DOC_BYTES: int(32 * 1024 * 1024),
  MAX_CONNECTIONS_PER_BOARD: int(250),
  // Sockets of a board that view links may never take (default a fifth of the cap): owner and team
  // always get in, and a writer at a full board sheds a view socket (docs/protocol.md "Limits").
  WRITER_RESERVED_CONNECTIONS: z.coerce.number().int().nonnegative().optional(),
  // People a board remembers for its session summary; the longest-departed are forgotten first.
  MAX_ATTENDEES_PER_BOARD: z.coerce.number().int().positive().default(500),
  MAX_SESSION_SOCKETS_PER_BOARD: int(250),
  // Session events per socket (reactions have their own, tighter bucket); raised only by the fuzzer.
  SESSION_RATE_PER_SEC: int(20),
  SESSION_RATE_BURST: int(40),
  MAX_AWARENESS_BYTES: int(8 * 1024),
  RATE_PER_SEC: int(100),
  RATE_BURST: int(500),
  MAX_BODY_BYTES: int(64 * 1024),
  // Boards one IP may create at once (refilled at one per 2 s); raised only by the benchmark.
  BOARD_CREATE_BURST: int(30),
  HEARTBEAT_MS: int(30_000),
  ROOM_GRACE_MS: int(10_000),
  // Scaled out: how often each instance re-reads its live boards' keys, for revocations Redis lost.
  KEY_RECHECK_MS: int(30_000),
  COMPACT_AFTER_UPDATES: int(500),
  COMPACT_AFTER_BYTES: int(1024 * 1024),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
  redisUrl?: string;
  /** identifies this process on the Redis fan-out channels */
  instanceId: string;
  publicUrl?: string;
  /** proxies whose X-Forwarded-For decides the client address (server/http/client-address.ts) */
  trustProxy: ReadonlySet<string>;
  logLevel: Env['LOG_LEVEL'];
  trackers: {
    /** TRACKER_SECRET; without it the embedded default keeps a key file in dataDir */
    secret?: string;
    /** TRACKER_ALLOW_HOSTS entries: hostnames, IP addresses, CIDR ranges */
    allowHosts: string[];
  };
  sqliteSynchronous: Env['SQLITE_SYNCHRONOUS'];
  limits: {
    maxMessageBytes: number;
    maxDocBytes: number;
    maxConnectionsPerBoard: number;
    writerReservedConnections: number;
    maxAttendeesPerBoard: number;
    /** live-session sockets per board on one instance; the next is refused with connect error `full` */
    maxSessionSocketsPerBoard: number;
    sessionRatePerSec: number;
    sessionRateBurst: number;
    maxAwarenessBytes: number;
    ratePerSec: number;
    rateBurst: number;
    maxBodyBytes: number;
    boardCreateBurst: number;
  };
  heartbeatMs: number;
  roomGraceMs: number;
  keyRecheckMs: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const reserved = e.WRITER_RESERVED_CONNECTIONS ?? Math.ceil(e.MAX_CONNECTIONS_PER_BOARD / 5);
  if (reserved > e.MAX_CONNECTIONS_PER_BOARD)
    throw new ConfigError(
      'Invalid configuration:\n  WRITER_RESERVED_CONNECTIONS: must not exceed MAX_CONNECTIONS_PER_BOARD',
    );
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    instanceId: randomBytes(8).toString('hex'),
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    trackers: { secret: e.TRACKER_SECRET, allowHosts: e.TRACKER_ALLOW_HOSTS },
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    limits: {
      maxMessageBytes: e.MAX_MESSAGE_BYTES,
      maxDocBytes: e.MAX_DOC_BYTES,
      maxConnectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD,
      writerReservedConnections: reserved,
      maxAttendeesPerBoard: e.MAX_ATTENDEES_PER_BOARD,
      maxSessionSocketsPerBoard: e.MAX_SESSION_SOCKETS_PER_BOARD,
      sessionRatePerSec: e.SESSION_RATE_PER_SEC,
      sessionRateBurst: e.SESSION_RATE_BURST,
      maxAwarenessBytes: e.MAX_AWARENESS_BYTES,
      ratePerSec: e.RATE_PER_SEC,
      rateBurst: e.RATE_BURST,
      maxBodyBytes: e.MAX_BODY_BYTES,
      boardCreateBurst: e.BOARD_CREATE_BURST,
    },
    heartbeatMs: e.HEARTBEAT_MS,
    roomGraceMs: e.ROOM_GRACE_MS,
    keyRecheckMs: e.KEY_RECHECK_MS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    compactAfterBytes: e.COMPACT_AFTER_BYTES,
  };
}
