import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShellboard, type Shellboard } from '../server/app';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/log';
import { SqliteStore } from '../server/store/sqlite';
import { tempDir } from './helpers/server';

// The real server in production mode; a stand-in for Next records what the page handler receives.
let app: Shellboard;
let url: string;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  const dir = tempDir();
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
  });
  app = createShellboard({
    config,
    log: createLogger('silent'),
    store: new SqliteStore(path.join(dir, 'db.sqlite')),
    pages: {
      request: (req, res) => {
        seen.push(req);
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>');
      },
    },
  });
  url = `http://127.0.0.1:${await app.listen()}`;
});
afterAll(async () => app.close());

describe('HTTP hardening', () => {
  it('pages get a per-request nonce CSP without unsafe-eval, and Next sees the same nonce', async () => {
    const a = await fetch(`${url}/b/some-board`);
    const b = await fetch(`${url}/`);
    const csp = a.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(b.headers.get('content-security-policy')).not.toBe(csp); // fresh nonce per request
    expect(seen[0]!.headers['content-security-policy']).toBe(csp);
    for (const r of [a, b]) {
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('API errors are JSON without stack traces, even for garbage paths and methods', async () => {
    for (const [method, p] of [
      ['GET', '/api/boards/%ZZ'],
      ['PATCH', '/api/boards'],
      ['GET', '/api/boards/x/y/z/unknown'],
    ] as const) {
      const r = await fetch(`${url}${p}`, { method });
      expect(r.status).toBeGreaterThanOrEqual(400);
      const text = await r.text();
      expect(() => JSON.parse(text)).not.toThrow();
      expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+/);
    }
  });
});
