'use client';

import { createPanelToggle, PanelButton } from '@/components/ui/panel-toggle';
import { DefinitionPanel } from '@/components/board/lazy-panels';

const panel = createPanelToggle();

export function DefinitionButton() {
  return (
    <PanelButton panel={panel} controls="definition-panel">
      Definition of ready
    </PanelButton>
  );
}

/** Where the panel appears when open (above the backlog). */
export function DefinitionPanelSlot() {
  const isOpen = panel.useOpen();
  if (!isOpen) return null;
  return <DefinitionPanel onClose={() => panel.setOpen(false)} />;
}
