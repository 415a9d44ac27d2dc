import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTrackerHttp, trackerMessage } from './http';
import { TrackerError } from './types';

type Reply = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A real HTTP server answering with `replies` in turn (the last one repeats). */
async function serve(replies: Reply[]): Promise<{
  base: string;
  seen: { method?: string; url?: string; body: string; headers: http.IncomingHttpHeaders }[];
}> {
  const seen: { method?: string; url?: string; body: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, body, headers: req.headers });
      const reply = replies[Math.min(seen.length - 1, replies.length - 1)];
      reply?.(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix`, seen };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_q, res) =>
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));

const noSleep = { sleep: async () => undefined };

describe('createTrackerHttp', () => {
  it('sends JSON below the base path and returns the parsed body', async () => {
    const s = await serve([json(201, { id: 7 })]);
    const client = createTrackerHttp({ baseUrl: s.base + '/', ...noSleep });
    const res = await client.request({
      method: 'POST',
      path: '/issues.json',
      json: { a: 1 },
      headers: { 'X-Key': 'k' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 7 });
    expect(s.seen[0]).toMatchObject({ method: 'POST', url: '/prefix/issues.json', body: '{"a":1}' });
    expect(s.seen[0]?.headers['x-key']).toBe('k');
    expect(s.seen[0]?.headers['content-type']).toBe('application/json');
  });

  it('retries 429 and 5xx, waiting what Retry-After asks', async () => {
    const s = await serve([
      json(429, { message: 'slow down' }, { 'Retry-After': '2' }),
      json(503, {}),
      json(200, { ok: true }),
    ]);
    const waits: number[] = [];
    const client = createTrackerHttp({
      baseUrl: s.base,
      backoffMs: 50,
      sleep: async (ms) => void waits.push(ms),
    });
    const res = await client.request({ method: 'GET', path: '/x' });
    expect(res.body).toEqual({ ok: true });
    expect(s.seen).toHaveLength(3);
    expect(waits).toEqual([2000, 100]);
  });

  it('gives up after the attempts with the tracker’s own message', async () => {
    const s = await serve([json(502, { errors: ['Upstream is down'] })]);
    const client = createTrackerHttp({ baseUrl: s.base, attempts: 2, ...noSleep });
    const err = await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrackerError);
    expect((err as TrackerError).status).toBe(502);
    expect((err as TrackerError).message).toContain('Upstream is down');
    expect(s.seen).toHaveLength(2);
  });

  it('does not retry a 4xx, and says what the tracker said', async () => {
    const s = await serve([json(401, { errorMessages: ['You are not authenticated.'] })]);
    const client = createTrackerHttp({ baseUrl: s.base, ...noSleep });
    const err = (await client
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e)) as TrackerError;
    expect(err.reason).toBe('unauthorized');
    expect(err.message).toBe('401: You are not authenticated.');
    expect(s.seen).toHaveLength(1);
  });

  it('does not wait longer than maxWaitMs for a Retry-After', async () => {
    const s = await serve([json(429, { message: 'later' }, { 'Retry-After': '3600' })]);
    const client = createTrackerHttp({ baseUrl: s.base, ...noSleep });
    const err = (await client
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e)) as TrackerError;
    expect(err.status).toBe(429);
    expect(s.seen).toHaveLength(1);
  });

  it('never follows a redirect elsewhere', async () => {
    const target = await serve([json(200, { stolen: true })]);
    const s = await serve([(_q, res) => res.writeHead(302, { Location: target.base + '/x' }).end()]);
    const client = createTrackerHttp({ baseUrl: s.base, ...noSleep });
    const err = (await client
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e)) as TrackerError;
    expect(err.status).toBe(302);
    expect(target.seen).toHaveLength(0);
  });

  it('refuses paths that would leave the base URL', async () => {
    const client = createTrackerHttp({ baseUrl: 'http://127.0.0.1:9', ...noSleep });
    await expect(client.request({ method: 'GET', path: '//evil.example/x' })).rejects.toThrow(TrackerError);
    await expect(client.request({ method: 'GET', path: 'x' })).rejects.toThrow(TrackerError);
  });

  it('bounds the answer’s size and the wait for it', async () => {
    const big = await serve([(_q, res) => res.writeHead(200).end('x'.repeat(5000))]);
    const client = createTrackerHttp({ baseUrl: big.base, maxResponseBytes: 1000, ...noSleep });
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toThrow(/larger than 1000 bytes/);
    const slow = await serve([() => undefined]);
    const timed = createTrackerHttp({ baseUrl: slow.base, timeoutMs: 100, attempts: 1, ...noSleep });
    await expect(timed.request({ method: 'GET', path: '/x' })).rejects.toThrow(/did not answer/);
  });
});

describe('trackerMessage', () => {
  it.each([
    [{ message: 'Bad credentials' }, 'Bad credentials'],
    [{ errorMessages: [], errors: { summary: 'Field required' } }, 'summary: Field required'],
    [
      { errors: ['Subject cannot be blank', 'Tracker is invalid'] },
      'Subject cannot be blank; Tracker is invalid',
    ],
    [{ message: { title: ['is too long'] } }, 'title: is too long'],
    [null, 'fallback'],
  ])('reads %j', (body, text) => {
    expect(trackerMessage(body, 'fallback')).toBe(text);
  });
});
