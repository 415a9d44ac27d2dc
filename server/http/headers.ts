import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  // Share keys live in URL fragments, which browsers never send; no-referrer also keeps paths private.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function setBaseHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(BASE_HEADERS)) res.setHeader(k, v);
}

/**
 * A strict, per-request nonce CSP for pages. Next reads the nonce from the *request's*
 * Content-Security-Policy header and stamps it on its scripts; 'strict-dynamic' lets those load
 * their chunks. No 'unsafe-eval' (dev mode needs it for HMR, so there we send none).
 */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // The offline app shell's service worker (public/sw.js); 'strict-dynamic' would otherwise block it.
    "worker-src 'self'",
    // React style attributes and Next's injected styles need inline styles; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function applyPageCsp(req: IncomingMessage, res: ServerResponse): void {
  const csp = pageCsp(randomBytes(16).toString('base64'));
  req.headers['content-security-policy'] = csp;
  res.setHeader('Content-Security-Policy', csp);
}
