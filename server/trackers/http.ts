import { TrackerError, type TrackerHttp, type TrackerRequest, type TrackerResponse } from './types';

export interface TrackerHttpOptions {
  baseUrl: string;
  /** per attempt */
  timeoutMs?: number;
  /** attempts in all for 429, 5xx and network failures */
  attempts?: number;
  /** first backoff; doubles per attempt (a Retry-After header wins, up to maxWaitMs) */
  backoffMs?: number;
  maxWaitMs?: number;
  /** largest response body read */
  maxResponseBytes?: number;
  /**
   * Throws (TrackerError 'refused') when the address may not be contacted; also given as fetch's
   * `dispatcher` so the connection goes to the address that was checked (./address-guard.ts).
   */
  guard?: { check(url: URL): Promise<void>; dispatcher?: unknown };
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

/** The tracker's own words from an error body: GitHub/GitLab `message`, Jira `errorMessages`/`errors`, Redmine `errors`. */
export function trackerMessage(body: unknown, fallback: string): string {
  const out: string[] = [];
  // `prefix` names the field a message is about (GitLab `{message:{title:["is too long"]}}`).
  const take = (v: unknown, prefix = '') => {
    if (typeof v === 'string' && v.trim()) out.push(prefix + v.trim());
    else if (Array.isArray(v)) v.forEach((x) => take(x, prefix));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) take(x, /^\d+$/.test(k) ? prefix : `${k}: `);
  };
  if (typeof body === 'string') take(body.slice(0, 300));
  else if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const k of ['message', 'error', 'error_description', 'errorMessages', 'errors']) take(b[k]);
  }
  const text = [...new Set(out)].join('; ').slice(0, 500);
  return text || fallback;
}

function retryAfterMs(h: Headers, now: number): number | null {
  const v = h.get('retry-after');
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function readBody(res: Response, max: number): Promise<unknown> {
  const reader = res.body?.getReader();
  if (!reader) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new TrackerError(0, `The tracker's answer was larger than ${max} bytes.`, 'unavailable');
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The shared client: every request goes to `baseUrl` + path (never elsewhere: redirects are not
 * followed), bounded in time and size, retried with backoff on 429 / 5xx / network errors.
 */
export function createTrackerHttp(opts: TrackerHttpOptions): TrackerHttp {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const attempts = opts.attempts ?? 3;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const backoffMs = opts.backoffMs ?? 300;
  const maxWaitMs = opts.maxWaitMs ?? 10_000;
  const maxBytes = opts.maxResponseBytes ?? 4 * 1024 * 1024;
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  return {
    async request(req: TrackerRequest): Promise<TrackerResponse> {
      if (!req.path.startsWith('/') || req.path.startsWith('//'))
        throw new TrackerError(0, 'Bad tracker path.', 'refused');
      const url = new URL(base + req.path);
      await opts.guard?.check(url);
      let lastError: TrackerError | null = null;
      for (let attempt = 0; attempt < attempts; attempt++) {
        let res: Response;
        try {
          const init: RequestInit & { dispatcher?: unknown } = {
            method: req.method,
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
            headers: {
              Accept: 'application/json',
              ...(req.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
              ...req.headers,
            },
            body: req.json !== undefined ? JSON.stringify(req.json) : undefined,
          };
          if (opts.guard?.dispatcher) init.dispatcher = opts.guard.dispatcher;
          res = await doFetch(url, init);
        } catch (err) {
          const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
          lastError = new TrackerError(
            0,
            timedOut
              ? `The tracker did not answer within ${Math.round(timeoutMs / 1000)} s.`
              : `The tracker could not be reached (${err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err)}).`,
            'unavailable',
          );
          if (attempt + 1 < attempts) await sleep(Math.min(maxWaitMs, backoffMs * 2 ** attempt));
          continue;
        }
        const body = await readBody(res, maxBytes);
        if (res.status >= 200 && res.status < 300) return { status: res.status, headers: res.headers, body };
        if (res.status >= 300 && res.status < 400)
          throw new TrackerError(
            res.status,
            `The tracker answered ${res.status} (a redirect to ${res.headers.get('location') ?? 'elsewhere'}); check the base URL.`,
            'invalid',
          );
        lastError = new TrackerError(
          res.status,
          `${res.status}: ${trackerMessage(body, res.statusText || 'error')}`,
        );
        if (!RETRYABLE(res.status) || attempt + 1 >= attempts) break;
        const wait = retryAfterMs(res.headers, Date.now()) ?? backoffMs * 2 ** attempt;
        if (wait > maxWaitMs) break; // the tracker asks for longer than a person should wait: say so
        await sleep(wait);
      }
      throw lastError ?? new TrackerError(0, 'The tracker could not be reached.', 'unavailable');
    },
  };
}
