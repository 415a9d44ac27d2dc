'use client';

import { Button } from '@/components/ui/button';
import { createPanelToggle } from '@/components/ui/panel-toggle';
import { ValuesPanel } from '@/components/board/lazy-panels';

/** Whether the "Personas & metrics" panel is open. */
const panel = createPanelToggle();

export function ValuesButton() {
  const isOpen = panel.useOpen();
  return (
    <Button
      size="sm"
      variant={isOpen ? 'secondary' : 'ghost'}
      onClick={() => panel.setOpen(!isOpen)}
      aria-expanded={isOpen}
      aria-controls="values-panel"
    >
      Personas &amp; metrics
    </Button>
  );
}

/** Where the panel appears when open (above the backlog). */
export function ValuesPanelSlot() {
  const isOpen = panel.useOpen();
  if (!isOpen) return null;
  return <ValuesPanel onClose={() => panel.setOpen(false)} />;
}
