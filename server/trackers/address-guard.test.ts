import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressGuard, isPrivateAddress, parseAllowList, unmapped } from './address-guard';
import { createTrackerHttp } from './http';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['0.0.0.0', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['100.64.0.1', true],
    ['100.127.255.254', true],
    ['100.128.0.1', false],
    ['169.254.169.254', true],
    ['224.0.0.1', true],
    ['8.8.8.8', false],
    ['1.1.1.1', false],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['0:0:0:0:0:ffff:10.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['2606:4700::1111', false],
    ['2a00:1450:4001::200e', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('reads IPv4-mapped forms as their IPv4 address', () => {
    expect(unmapped('::ffff:c0a8:101')).toEqual({ address: '192.168.1.1', family: 'ipv4' });
    expect(unmapped('2001:db8::1')).toEqual({ address: '2001:db8::1', family: 'ipv6' });
  });
});

describe('TRACKER_ALLOW_HOSTS', () => {
  it('takes hostnames, addresses and ranges; refuses anything else', () => {
    const a = parseAllowList(['Jira.Corp.Example', '10.0.4.2', '192.168.0.0/16', 'fd00::/8', '[::1]']);
    expect(a.hosts.has('jira.corp.example')).toBe(true);
    expect(a.addresses.check('10.0.4.2', 'ipv4')).toBe(true);
    expect(a.addresses.check('10.0.4.3', 'ipv4')).toBe(false);
    expect(a.addresses.check('192.168.9.9', 'ipv4')).toBe(true);
    expect(a.addresses.check('fd00::5', 'ipv6')).toBe(true);
    expect(a.addresses.check('::1', 'ipv6')).toBe(true);
    expect(() => parseAllowList(['http://x'])).toThrow(/TRACKER_ALLOW_HOSTS/);
    expect(() => parseAllowList(['10.0.0.0/33'])).toThrow(/bad range/);
  });
});

describe('the guard', () => {
  const answers = new Map<string, string[]>();
  const lookup = async (host: string) =>
    (answers.get(host) ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses private answers, schemes other than http(s) and credentials in the URL', async () => {
    answers.set('inside.example', ['8.8.8.8', '10.0.0.7']);
    answers.set('public.example', ['8.8.8.8']);
    const g = createAddressGuard([], lookup);
    await expect(g.check(new URL('https://inside.example/'))).rejects.toMatchObject({
      reason: 'refused',
      message: /10\.0\.0\.7.*TRACKER_ALLOW_HOSTS/,
    });
    await expect(g.check(new URL('https://public.example/'))).resolves.toBeUndefined();
    await expect(g.check(new URL('https://[::ffff:127.0.0.1]/'))).rejects.toMatchObject({
      reason: 'refused',
    });
    await expect(g.check(new URL('ftp://public.example/'))).rejects.toMatchObject({ reason: 'refused' });
    await expect(g.check(new URL('https://u:p@public.example/'))).rejects.toMatchObject({
      reason: 'refused',
    });
    await expect(g.check(new URL('https://nowhere.example/'))).rejects.toMatchObject({
      reason: 'unavailable',
    });
    // Listed by name or by range, it is allowed.
    await expect(
      createAddressGuard(['inside.example'], lookup).check(new URL('https://inside.example/')),
    ).resolves.toBeUndefined();
    await expect(
      createAddressGuard(['10.0.0.0/24'], lookup).check(new URL('https://inside.example/')),
    ).resolves.toBeUndefined();
  });

  describe('on a real connection', () => {
    let server: http.Server;
    let port = 0;
    beforeAll(async () => {
      server = http.createServer((_req, res) =>
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'),
      );
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('refuses loopback without the setting and connects with it', async () => {
      const client = (allow: string[]) => {
        const guard = createAddressGuard(allow);
        return createTrackerHttp({
          baseUrl: `http://127.0.0.1:${port}`,
          guard,
          fetch: guard.fetch,
          attempts: 1,
        });
      };
      await expect(client([]).request({ method: 'GET', path: '/' })).rejects.toMatchObject({
        reason: 'refused',
      });
      await expect(client(['127.0.0.1']).request({ method: 'GET', path: '/' })).resolves.toMatchObject({
        status: 200,
        body: { ok: true },
      });
    });

    it('pins the connection: a name that was public at the check and is loopback at connect is refused', async () => {
      // First answer public (the check), then loopback (the connection's own lookup): rebinding.
      let calls = 0;
      const rebinding = async () => [{ address: calls++ === 0 ? '8.8.8.8' : '127.0.0.1', family: 4 }];
      const guard = createAddressGuard([], rebinding);
      const c = createTrackerHttp({
        baseUrl: `http://rebind.example:${port}`,
        guard,
        fetch: guard.fetch,
        attempts: 1,
      });
      await expect(c.request({ method: 'GET', path: '/' })).rejects.toMatchObject({
        status: 0,
        message: /private or local/,
      });
      expect(calls).toBeGreaterThanOrEqual(2);
      // Listed, the same name connects to the loopback server (the lookup's answer is used).
      const allowed = createAddressGuard(['rebind.example'], async () => [
        { address: '127.0.0.1', family: 4 },
      ]);
      const ok = createTrackerHttp({
        baseUrl: `http://rebind.example:${port}`,
        guard: allowed,
        fetch: allowed.fetch,
        attempts: 1,
      });
      await expect(ok.request({ method: 'GET', path: '/' })).resolves.toMatchObject({ status: 200 });
    });
  });
});

describe('TRACKER_ALLOW_HOSTS in the configuration', () => {
  it('refuses a malformed entry at start, naming it', async () => {
    const { loadConfig } = await import('../config');
    expect(() =>
      loadConfig({ NODE_ENV: 'test', TRACKER_ALLOW_HOSTS: 'jira.corp.example, https://x/' }),
    ).toThrow(/TRACKER_ALLOW_HOSTS.*https:\/\/x\//s);
    expect(
      loadConfig({ NODE_ENV: 'test', TRACKER_ALLOW_HOSTS: 'jira.corp.example, 10.0.0.0/8' }).trackers
        .allowHosts,
    ).toEqual(['jira.corp.example', '10.0.0.0/8']);
  });
});
