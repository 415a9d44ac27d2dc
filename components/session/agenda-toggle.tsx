'use client';

import { createPanelToggle, PanelButton } from '@/components/ui/panel-toggle';
import { useBoard } from '@/components/board/board-context';
import { AgendaPanel } from '@/components/board/lazy-panels';

const panel = createPanelToggle();

/** "Agenda" in the session dock (facilitator = owner link). */
export function AgendaButton() {
  return (
    <PanelButton panel={panel} controls="agenda-panel">
      Agenda
    </PanelButton>
  );
}

/** Where the agenda appears when open (above the backlog); only for the owner link. */
export function AgendaPanelSlot() {
  const isOpen = panel.useOpen();
  const { isOwner } = useBoard();
  if (!isOpen || !isOwner) return null;
  return <AgendaPanel onClose={() => panel.setOpen(false)} />;
}
