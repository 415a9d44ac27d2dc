/** What the session dock says about its connection; null while connected (nothing to say). */
export interface SessionConnectionFacts {
  connected: boolean;
  /** the session has been connected at least once on this page */
  everConnected: boolean;
  /** an attempt to connect has failed at least once */
  failedOnce: boolean;
}

/**
 * "Reconnecting" is only true once there is something to retry: the first connection failed,
 * or a live one dropped. Before that, a fresh page is simply connecting.
 */
export function sessionStatusText({
  connected,
  everConnected,
  failedOnce,
}: SessionConnectionFacts): string | null {
  if (connected) return null;
  if (!everConnected && !failedOnce) return 'Connecting…';
  return 'Session reconnecting…';
}
