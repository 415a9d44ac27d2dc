import { TrackerError } from './types';

/**
 * How a tracker failure reaches the API (docs/trackers.md "Error codes"). The tracker answered no →
 * 502 with its own words and status; an address the guard refused → 400 (the owner must change the
 * base URL or TRACKER_ALLOW_HOSTS, retrying cannot help).
 */
export function trackerErrorBody(err: TrackerError): {
  status: number;
  body: { error: { code: string; message: string; trackerStatus: number } };
} {
  const code =
    err.reason === 'refused'
      ? 'tracker_address_refused'
      : err.reason === 'unauthorized'
        ? 'tracker_unauthorized'
        : err.reason === 'forbidden'
          ? 'tracker_forbidden'
          : err.reason === 'not_found'
            ? 'tracker_not_found'
            : err.reason === 'invalid'
              ? 'tracker_rejected'
              : 'tracker_unavailable';
  return {
    status: err.reason === 'refused' ? 400 : 502,
    body: { error: { code, message: err.message, trackerStatus: err.status } },
  };
}

/** A TrackerError with every occurrence of `secret` blanked out (a tracker may echo what it got). */
export function scrubbed(err: unknown, secret: string): unknown {
  if (!(err instanceof TrackerError) || !secret || !err.message.includes(secret)) return err;
  return new TrackerError(err.status, err.message.split(secret).join('[token]'), err.reason);
}
