'use client';

import { useEffect } from 'react';
import { PANEL_LOADERS } from './lazy-panels';

/**
 * The board's panels are split out of the first load (docs/performance.md: page weight), but a
 * person who goes offline must still be able to open a story, the lanes or a dialog. So once the
 * board has painted and the browser is idle, every split-out module is fetched and evaluated; the
 * `dynamic()` wrappers then resolve from memory, with or without a network.
 */

export function usePreloadPanels(): void {
  useEffect(() => {
    let cancelled = false;
    const load = () => {
      if (cancelled) return;
      // one after another: the board's own traffic (sync, session) keeps priority
      void PANEL_LOADERS.reduce<Promise<unknown>>(
        (prev, next) => prev.then(() => (cancelled ? undefined : next().catch(() => undefined))),
        Promise.resolve(),
      ).then(() => {
        // "ready to go offline": tests wait for it before cutting the network
        if (!cancelled) document.documentElement.dataset.panelsLoaded = 'true';
      });
    };
    const idle = window.requestIdleCallback?.(load, { timeout: 2000 });
    const timer = idle === undefined ? window.setTimeout(load, 500) : undefined;
    return () => {
      cancelled = true;
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, []);
}
