'use client';

import { useEffect, useRef } from 'react';
import { keepAppShell } from '@/components/offline/app-shell';
import { PANEL_LOADERS } from './lazy-panels';
import { useOnceSettled } from './use-once-settled';

/**
 * The board's panels are split out of the first load (docs/performance.md: page weight), but a
 * person who goes offline must still be able to open a story, the lanes or a dialog. So once the
 * board is on screen (`ready`) and the browser is idle, every split-out module is fetched and
 * evaluated; the `dynamic()` wrappers then resolve from memory, with or without a network. Then the
 * app shell is kept for offline reloads (components/offline/app-shell.ts): after the panels, so
 * their files are among those it stores.
 */

export function usePreloadPanels(ready: boolean): void {
  const cancelled = useRef(false);
  useEffect(() => {
    cancelled.current = false;
    return () => {
      cancelled.current = true;
    };
  }, []);
  useOnceSettled(ready, () => {
    // one after another: the board's own traffic (sync, session) keeps priority
    void PANEL_LOADERS.reduce<Promise<unknown>>(
      (prev, next) => prev.then(() => (cancelled.current ? undefined : next().catch(() => undefined))),
      Promise.resolve(),
    )
      .then(() => (cancelled.current ? undefined : keepAppShell()))
      .then(() => {
        // "ready to go offline": tests wait for it before cutting the network
        if (!cancelled.current) document.documentElement.dataset.panelsLoaded = 'true';
      });
  });
}
