/**
 * Whether an error means "the database cannot be reached right now" (the API answers 503 and the
 * client retries) rather than a bug (500). Covers the pg driver (socket errors, SQLSTATE classes
 * 08 connection exception, 53 insufficient resources, 57P0x shutdown, a pool that cannot connect),
 * SQLite still locked after the store's retries, and a room that failed on a store write.
 */
export function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    if (/^(08|53)[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return true;
  }
  return UNAVAILABLE_MESSAGES.some((re) => re.test(err.message));
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // pg: the server or the network dropped the connection
  /timeout exceeded when trying to connect/, // pg.Pool: connectionTimeoutMillis passed
  /^Client has encountered a connection error/, // pg: a client reused after its socket failed
  /^storage unavailable$/, // server/sync/room.ts: the room failed on a store write
];
