import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) and `10.0.0.1` are the same address. */
export function normalizeAddress(a: string): string {
  const t = a.trim().toLowerCase();
  return t.startsWith('::ffff:') && isIP(t.slice(7)) === 4 ? t.slice(7) : t;
}

/**
 * The address a request came from, for per-client limits. `X-Forwarded-For` is honoured only when
 * the connecting peer is a listed proxy (TRUST_PROXY), since anyone else can write it: walking it
 * from the right, the first address that is not one of our proxies is the client. With no proxies
 * listed it is the socket's address.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const peer = normalizeAddress(req.socket.remoteAddress ?? 'unknown');
  if (!trustedProxies.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(normalizeAddress)
    .filter((h) => isIP(h) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!trustedProxies.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}
