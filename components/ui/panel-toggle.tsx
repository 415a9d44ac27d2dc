'use client';

import { useSyncExternalStore, type ReactNode } from 'react';
import { Button } from './button';

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

/** The button that opens and closes a panel: pressed-looking while open, naming what it controls. */
export function PanelButton({
  panel,
  controls,
  testId,
  children,
}: {
  panel: PanelToggle;
  /** id of the panel it opens */
  controls: string;
  testId?: string;
  children: ReactNode;
}) {
  const isOpen = panel.useOpen();
  return (
    <Button
      size="sm"
      variant={isOpen ? 'secondary' : 'ghost'}
      onClick={() => panel.setOpen(!isOpen)}
      aria-expanded={isOpen}
      aria-controls={controls}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
