'use client';

import { Button } from '@/components/ui/button';
import { createPanelToggle } from '@/components/ui/panel-toggle';
import { useBoard } from '@/components/board/board-context';
import { AgendaPanel } from '@/components/board/lazy-panels';

const panel = createPanelToggle();

/** "Agenda" in the session dock (facilitator = owner link). */
export function AgendaButton() {
  const isOpen = panel.useOpen();
  return (
    <Button
      size="sm"
      variant={isOpen ? 'secondary' : 'ghost'}
      onClick={() => panel.setOpen(!isOpen)}
      aria-expanded={isOpen}
      aria-controls="agenda-panel"
    >
      Agenda
    </Button>
  );
}

/** Where the agenda appears when open (above the backlog); only for the owner link. */
export function AgendaPanelSlot() {
  const isOpen = panel.useOpen();
  const { isOwner } = useBoard();
  if (!isOpen || !isOwner) return null;
  return <AgendaPanel onClose={() => panel.setOpen(false)} />;
}
