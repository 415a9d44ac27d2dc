'use client';

import { useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { DefinitionPanel } from '@/components/board/lazy-panels';

/** Whether the "Definition of ready" panel is open: a page-wide store, like the values panel's. */
let open = false;
const listeners = new Set<() => void>();

function setOpen(next: boolean) {
  open = next;
  for (const l of [...listeners]) l();
}

function useDefinitionOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
    () => false,
  );
}

export function DefinitionButton() {
  const isOpen = useDefinitionOpen();
  return (
    <Button
      size="sm"
      variant={isOpen ? 'secondary' : 'ghost'}
      onClick={() => setOpen(!isOpen)}
      aria-expanded={isOpen}
      aria-controls="definition-panel"
    >
      Definition of ready
    </Button>
  );
}

/** Where the panel appears when open (above the backlog). */
export function DefinitionPanelSlot() {
  const isOpen = useDefinitionOpen();
  if (!isOpen) return null;
  return <DefinitionPanel onClose={() => setOpen(false)} />;
}
