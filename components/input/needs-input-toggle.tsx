'use client';

import { useState } from 'react';
import { createPanelToggle, PanelButton } from '@/components/ui/panel-toggle';
import { useBoard } from '@/components/board/board-context';
import { useOnceSettled } from '@/components/board/use-once-settled';
import { NeedsInputPanel } from '@/components/board/lazy-panels';
import { useNeedsInput } from './use-needs-input';

const panel = createPanelToggle();

/**
 * "Needs your input · 3" in the header (team and owner links). The count is worked out once the
 * board has synced and the browser is idle, so it never delays the backlog's first paint.
 */
export function NeedsInputButton({ ready }: { ready: boolean }) {
  const { canEdit } = useBoard();
  const isOpen = panel.useOpen();
  const [settled, setSettled] = useState(false);
  useOnceSettled(ready, () => setSettled(true));
  const needs = useNeedsInput(canEdit && (settled || isOpen));
  if (!canEdit) return null;
  const count = needs?.length ?? null;
  return (
    <PanelButton panel={panel} controls="needs-input-panel" testId="needs-input-button">
      Needs your input
      {count !== null && count > 0 && (
        <span
          data-testid="needs-input-count"
          className="rounded-full bg-indigo-600 px-1.5 text-[11px] leading-4 font-semibold text-white dark:bg-indigo-500"
        >
          {count}
        </span>
      )}
    </PanelButton>
  );
}

/** Where the panel appears when open (above the backlog). */
export function NeedsInputPanelSlot() {
  const isOpen = panel.useOpen();
  if (!isOpen) return null;
  return <NeedsInputPanel onClose={() => panel.setOpen(false)} />;
}
