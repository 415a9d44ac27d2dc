import pino, { type Logger } from 'pino';

/**
 * Structured logs. Keys travel in URL query strings (sync) and Authorization headers (API);
 * neither is ever logged: we log paths without query strings and redact auth headers.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    redact: { paths: ['req.headers.authorization', 'key', '*.key'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };

/** A request path safe to log: no query string (the sync key lives there). */
export function safePath(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
