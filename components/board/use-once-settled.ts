'use client';

import { useEffect, useRef } from 'react';

/** How long work waits for the board before it runs anyway (a board that never syncs still gets it). */
const FALLBACK_MS = 10_000;
/** Once ready, the longest it waits for the browser to be idle. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * Runs `fn` once per mount, when `ready` is true and the browser is next idle — so work nobody is
 * waiting for (caching the app shell, preloading panels) stays out of the board's first paint:
 * started at mount, it competed with the sync socket and the document's decoding for the same two
 * cores, and re-requested the page from the server while the server was answering the sync.
 */
export function useOnceSettled(ready: boolean, fn: () => void): void {
  const ref = useRef(fn);
  const done = useRef(false);
  useEffect(() => {
    ref.current = fn;
  });
  const run = () => {
    if (done.current) return;
    done.current = true;
    ref.current();
  };
  // The fallback, from mount.
  useEffect(() => {
    const t = window.setTimeout(run, FALLBACK_MS);
    return () => window.clearTimeout(t);
  }, []);
  useEffect(() => {
    if (!ready || done.current) return;
    const idle = window.requestIdleCallback?.(run, { timeout: IDLE_TIMEOUT_MS });
    const timer = idle === undefined ? window.setTimeout(run, 500) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [ready]);
}
