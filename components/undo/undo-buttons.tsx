'use client';

import { Button } from '@/components/ui/button';
import { useUndo } from './undo-context';

const mac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Undo/Redo for this person's own changes; disabled when there is nothing to undo or redo. */
export function UndoButtons() {
  const { undo, redo, canUndo, canRedo } = useUndo();
  const mod = mac() ? '⌘' : 'Ctrl+';
  return (
    <div role="group" aria-label="History" className="flex items-center gap-1">
      <Button
        size="sm"
        variant="ghost"
        onClick={undo}
        disabled={!canUndo}
        title={`Undo your last change (${mod}Z)`}
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        <span aria-hidden="true">↶</span> Undo
      </Button>
      <Button
        size="sm"
        variant="ghost"
        onClick={redo}
        disabled={!canRedo}
        title={`Redo (${mod}Shift+Z)`}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
      >
        <span aria-hidden="true">↷</span> Redo
      </Button>
    </div>
  );
}
