'use client';

import { useSyncExternalStore } from 'react';

export interface PanelToggle {
  useOpen: () => boolean;
  setOpen: (next: boolean) => void;
}

/**
 * Whether one of the board's panels is open: a tiny page-wide store, so the button that opens it
 * (in the header or the dock) and the panel (in the board's main column) need no props threaded
 * between them.
 */
export function createPanelToggle(): PanelToggle {
  let open = false;
  const listeners = new Set<() => void>();
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  };
  return {
    setOpen(next) {
      if (open === next) return;
      open = next;
      for (const l of [...listeners]) l();
    },
    useOpen() {
      return useSyncExternalStore(
        subscribe,
        () => open,
        () => false,
      );
    },
  };
}
