import dns from 'node:dns';
import net, { BlockList } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { TrackerError } from './types';

/**
 * The server contacts a tracker only at a public address, unless TRACKER_ALLOW_HOSTS lists the host
 * or its address (a self-hosted Jira on the office network is normal). The check runs inside the
 * connection's own DNS lookup (undici `connect.lookup`), so the address connected to is the address
 * checked: a name that answers public first and private next (DNS rebinding) is still refused.
 */

/** Not routable on the internet, or this machine: loopback, private, link-local, CGNAT, reserved. */
const PRIVATE = new BlockList();
for (const [a, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(a, bits, 'ipv4');
for (const [a, bits] of [
  ['::', 96], // unspecified, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(a, bits, 'ipv6');

/** `::ffff:a.b.c.d` (and its hex form) is the IPv4 address; anything else unchanged. */
export function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  if (net.isIPv4(address)) return { address, family: 'ipv4' };
  const m = /^(?:0{0,4}:){0,5}:?(?:0{0,4}:)*ffff:(.+)$/i.exec(address);
  if (m?.[1]) {
    const tail = m[1];
    if (net.isIPv4(tail)) return { address: tail, family: 'ipv4' };
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
    if (hex?.[1] && hex[2]) {
      const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
      return { address: [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.'), family: 'ipv4' };
    }
  }
  return { address, family: 'ipv6' };
}

export function isPrivateAddress(address: string): boolean {
  const a = unmapped(address);
  return PRIVATE.check(a.address, a.family);
}

export interface AllowList {
  hosts: Set<string>;
  addresses: BlockList;
}

/** TRACKER_ALLOW_HOSTS entries: `jira.corp.example`, `10.0.4.2`, `10.0.0.0/8`, `fd00::/8`. */
export function parseAllowList(entries: readonly string[]): AllowList {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  for (const raw of entries) {
    const e = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    const cidr = /^(.+)\/(\d{1,3})$/.exec(e);
    if (cidr?.[1] && net.isIP(cidr[1])) {
      const a = unmapped(cidr[1]);
      const bits = Number(cidr[2]) - (a.family === 'ipv4' && net.isIPv6(cidr[1]) ? 96 : 0);
      if (bits < 0 || bits > (a.family === 'ipv4' ? 32 : 128))
        throw new Error(`TRACKER_ALLOW_HOSTS: bad range ${raw}`);
      addresses.addSubnet(a.address, bits, a.family);
    } else if (net.isIP(e)) {
      const a = unmapped(e);
      addresses.addAddress(a.address, a.family);
    } else if (/^[a-z0-9.-]+$/.test(e)) hosts.add(e.replace(/\.$/, ''));
    else throw new Error(`TRACKER_ALLOW_HOSTS: not a hostname, IP address or CIDR range: ${raw}`);
  }
  return { hosts, addresses };
}

export type Lookup = (host: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: Lookup = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/** http(s) only, no user:password@ (a token belongs in a header, never in a URL that gets logged). */
export function checkUrlShape(url: URL): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TrackerError(0, `Only http and https trackers are supported (got ${url.protocol}).`, 'refused');
  if (url.username || url.password)
    throw new TrackerError(0, 'Put the token in the token field, not in the base URL.', 'refused');
}

export interface AddressGuard {
  /** Throws TrackerError 'refused' when the URL may not be contacted (resolving its host). */
  check(url: URL): Promise<void>;
  /** undici dispatcher whose every connection re-resolves and re-checks (the pin) */
  dispatcher: Agent;
  /** undici's own fetch, matching the dispatcher */
  fetch: typeof fetch;
}

export function createAddressGuard(
  allowEntries: readonly string[],
  lookup: Lookup = systemLookup,
): AddressGuard {
  const allow = parseAllowList(allowEntries);

  /** The host's addresses, each one allowed; throws naming the first refused. */
  async function resolve(hostname: string): Promise<{ address: string; family: number }[]> {
    const host = hostname
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '');
    const listed = allow.hosts.has(host);
    const found = net.isIP(host)
      ? [{ address: host, family: net.isIP(host) }]
      : await lookup(host).catch(() => []);
    if (found.length === 0)
      throw new TrackerError(0, `The tracker host ${host} does not resolve.`, 'unavailable');
    for (const f of found) {
      const a = unmapped(f.address);
      if (listed || allow.addresses.check(a.address, a.family) || !isPrivateAddress(f.address)) continue;
      throw new TrackerError(
        0,
        `${host} is at ${f.address}, a private or local address; list it in TRACKER_ALLOW_HOSTS to allow it.`,
        'refused',
      );
    }
    return found;
  }

  const dispatcher = new Agent({
    connect: {
      // Node's net calls this with `all: true` when it races IPv4/IPv6 (autoSelectFamily).
      lookup: ((hostname: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) => {
        resolve(hostname).then(
          (found) => (opts.all ? cb(null, found) : cb(null, found[0]!.address, found[0]!.family)),
          (err: Error) => cb(err),
        );
      }) as unknown as net.LookupFunction,
    },
  });

  return {
    async check(url) {
      checkUrlShape(url);
      await resolve(url.hostname);
    },
    dispatcher,
    fetch: undiciFetch as unknown as typeof fetch,
  };
}
