// Shellboard's service worker: keeps the app shell (board pages and Next's hashed static files) so a
// board can be reloaded with no network. Board content is never here: it lives in the IndexedDB copy
// (lib/realtime/offline-cache.ts); the page HTML holds no key and no board data.
// Board pages: network first, the last good copy when offline. Static files: immutable, cache first.
const CACHE = 'shellboard-shell-v1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate' && url.pathname.startsWith('/b/')) {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            event.waitUntil(caches.open(CACHE).then((c) => c.put(url.pathname, copy)));
          }
          return res;
        })
        .catch(() =>
          caches
            .open(CACHE)
            .then((c) => c.match(url.pathname))
            .then((hit) => hit || Response.error()),
        ),
    );
    return;
  }
  if (url.pathname.startsWith('/_next/static/')) {
    event.respondWith(
      caches.open(CACHE).then((c) =>
        c.match(req).then(
          (hit) =>
            hit ||
            fetch(req).then((res) => {
              if (res.ok) event.waitUntil(c.put(req, res.clone()));
              return res;
            }),
        ),
      ),
    );
  }
});
