'use client';

import { Button } from '@/components/ui/button';
import { createPanelToggle } from '@/components/ui/panel-toggle';
import { DefinitionPanel } from '@/components/board/lazy-panels';

const panel = createPanelToggle();

export function DefinitionButton() {
  const isOpen = panel.useOpen();
  return (
    <Button
      size="sm"
      variant={isOpen ? 'secondary' : 'ghost'}
      onClick={() => panel.setOpen(!isOpen)}
      aria-expanded={isOpen}
      aria-controls="definition-panel"
    >
      Definition of ready
    </Button>
  );
}

/** Where the panel appears when open (above the backlog). */
export function DefinitionPanelSlot() {
  const isOpen = panel.useOpen();
  if (!isOpen) return null;
  return <DefinitionPanel onClose={() => panel.setOpen(false)} />;
}
