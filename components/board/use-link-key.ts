'use client';

import { useSyncExternalStore } from 'react';

/**
 * The board key from the URL fragment (`#k=<key>`). The fragment never reaches the server, so
 * the key stays out of logs; it is only sent in the Bearer header and the sync socket params.
 * undefined while rendering on the server (unknown yet), null when the link has no key.
 */
export function parseKey(hash: string): string | null {
  const k = new URLSearchParams(hash.replace(/^#/, '')).get('k');
  return k && /^[A-Za-z0-9_-]{1,128}$/.test(k) ? k : null;
}

function subscribe(l: () => void) {
  window.addEventListener('hashchange', l);
  return () => window.removeEventListener('hashchange', l);
}

export function useLinkKey(): string | null | undefined {
  return useSyncExternalStore(
    subscribe,
    () => parseKey(window.location.hash),
    () => undefined,
  );
}
