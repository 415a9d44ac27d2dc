'use client';

import { createPanelToggle, PanelButton } from '@/components/ui/panel-toggle';
import { ValuesPanel } from '@/components/board/lazy-panels';

/** Whether the "Personas & metrics" panel is open. */
const panel = createPanelToggle();

export function ValuesButton() {
  return (
    <PanelButton panel={panel} controls="values-panel">
      Personas &amp; metrics
    </PanelButton>
  );
}

/** Where the panel appears when open (above the backlog). */
export function ValuesPanelSlot() {
  const isOpen = panel.useOpen();
  if (!isOpen) return null;
  return <ValuesPanel onClose={() => panel.setOpen(false)} />;
}
