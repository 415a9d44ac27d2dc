/**
 * The app shell for offline reloads: a service worker (public/sw.js) serves a board's page and its
 * static files from the Cache API when the network is gone. This page was loaded before the worker
 * controlled it, so it stores itself and what it has loaded so far; later files go through the worker.
 * Production only (the dev server's files change on every edit), and only where the browser allows
 * service workers (a secure context: https or localhost).
 */

export const SHELL_CACHE = 'shellboard-shell-v1';

function supported(): boolean {
  return process.env.NODE_ENV === 'production' && 'serviceWorker' in navigator && 'caches' in window;
}

export async function keepAppShell(): Promise<void> {
  if (process.env.NODE_ENV !== 'production' && 'serviceWorker' in navigator) {
    // A worker left by a production build on this origin would serve stale dev files: remove it.
    const regs = await navigator.serviceWorker.getRegistrations().catch(() => []);
    await Promise.all(regs.map((r) => r.unregister()));
    return;
  }
  if (!supported()) return;
  try {
    await navigator.serviceWorker.register('/sw.js');
    const statics = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/_next/static/'))
      .map((u) => u.pathname + u.search);
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll([location.pathname, ...new Set(statics)]);
  } catch {
    // no worker or no cache: the board still works online, and edits still wait in IndexedDB
  }
}

/** Forgets the cached pages of a board whose link no longer works. */
export async function forgetAppShell(boardId: string): Promise<void> {
  if (!('caches' in window)) return;
  try {
    const cache = await caches.open(SHELL_CACHE);
    const prefix = `/b/${boardId}`;
    for (const req of await cache.keys()) {
      const path = new URL(req.url).pathname;
      if (path === prefix || path.startsWith(`${prefix}/`)) await cache.delete(req);
    }
  } catch {
    // nothing cached
  }
}
