import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config';
import { createBoard } from './helpers/server';
import { upgradeStatus } from './helpers/upgrade';
import { useTestServer } from './helpers/use-test-server';

const srv = useTestServer({ perTest: true });

/** Creates a board as if forwarded for `forwardedFor` (an X-Forwarded-For value); the status. */
const create = async (forwardedFor?: string) =>
  (
    await fetch(`${srv.url}/api/boards`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}),
      },
      body: '{"title":"T"}',
    })
  ).status;

describe('board-creation limit behind a proxy (TRUST_PROXY)', () => {
  it('from a listed proxy, limits each forwarded client on its own; a forged left part changes nothing', async () => {
    await srv.start({ TRUST_PROXY: '10.9.9.9, 127.0.0.1', BOARD_CREATE_BURST: '2' });
    expect([await create('203.0.113.1'), await create('203.0.113.1')]).toEqual([201, 201]);
    expect(await create('203.0.113.1')).toBe(429);
    // The client may write anything left of what our proxies appended; the limit still finds it.
    expect(await create('198.51.100.77, 203.0.113.1')).toBe(429);
    // A second trusted hop is skipped too.
    expect(await create('203.0.113.1, 10.9.9.9')).toBe(429);
    // Someone else behind the same proxy is not limited by the first client.
    expect([await create('203.0.113.2'), await create('203.0.113.2, 10.9.9.9')]).toEqual([201, 201]);
  });

  it('by default (no proxy trusted) ignores X-Forwarded-For: a client cannot escape the limit with it', async () => {
    await srv.start({ BOARD_CREATE_BURST: '2' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await create(`203.0.113.${i + 10}`));
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('TRUST_PROXY takes IP addresses only, and treats IPv4-mapped IPv6 as the IPv4 address', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'proxy.internal' })).toThrow(ConfigError);
    expect([...loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '::ffff:10.0.0.1,::1' }).trustProxy]).toEqual([
      '10.0.0.1',
      '::1',
    ]);
    expect(loadConfig({ NODE_ENV: 'test' }).trustProxy.size).toBe(0);
  });
});

describe('a malformed % escape in a board id', () => {
  it('answers 400 on the API and on a sync upgrade, and logs no error', async () => {
    const lines: string[] = [];
    await srv.start({ LOG_LEVEL: 'info' }, undefined, { write: (l) => void lines.push(l) });
    const b = await createBoard(srv.url);
    for (const path of [`/api/boards/%E0%A4%A`, `/api/boards/%zz/export?format=json`]) {
      const res = await fetch(`${srv.url}${path}`, { headers: { Authorization: `Bearer ${b.team}` } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_path');
    }
    expect(await upgradeStatus(srv.wsUrl, '%zz', b.team)).toBe(400);
    expect(await upgradeStatus(srv.wsUrl, 'ab%E0%A4%A', b.team)).toBe(400);
    expect(lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
    expect(lines.join('\n')).not.toContain(b.team);
  });
});
