'use client';

import { useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { ValuesPanel } from '@/components/board/lazy-panels';

/**
 * Whether the "Personas & metrics" panel is open. A tiny page-wide store, so the header button
 * and the panel (rendered in the board's main column) need no props threaded between them.
 */
let open = false;
const listeners = new Set<() => void>();

function setOpen(next: boolean) {
  open = next;
  for (const l of [...listeners]) l();
}

function useValuesOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
    () => false,
  );
}

export function ValuesButton() {
  const isOpen = useValuesOpen();
  return (
    <Button
      size="sm"
      variant={isOpen ? 'secondary' : 'ghost'}
      onClick={() => setOpen(!isOpen)}
      aria-expanded={isOpen}
      aria-controls="values-panel"
    >
      Personas &amp; metrics
    </Button>
  );
}

/** Where the panel appears when open (above the backlog). */
export function ValuesPanelSlot() {
  const isOpen = useValuesOpen();
  if (!isOpen) return null;
  return <ValuesPanel onClose={() => setOpen(false)} />;
}
