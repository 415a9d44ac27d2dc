'use client';

import { useEffect, useRef } from 'react';
import { isEditable } from '@/components/board/use-shortcuts';
import type { UndoControls } from './undo-context';

/** Fields bound live to the board (CollabText) carry this attribute; their history is ours. */
export const COLLAB_FIELD = '[data-collab-text]';

/** Which history a key press or edit-menu command belongs to: ours, or the browser's field. */
function ours(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]')) return false; // a modal owns the keyboard
  return !isEditable(target) || target.matches(COLLAB_FIELD);
}

/**
 * Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo — this person's own board changes only.
 * Inside a live (co-edited) field the browser's own undo is replaced by ours: it would otherwise
 * replay stale text over collaborators' edits. Plain form fields whose text is not on the board
 * yet (a new story or note being written) keep the browser's native undo.
 */
export function useUndoKeys(controls: UndoControls) {
  const ref = useRef(controls);
  useEffect(() => {
    ref.current = controls;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.altKey || !(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      const redo = (k === 'z' && e.shiftKey) || (k === 'y' && e.ctrlKey && !e.shiftKey);
      const undo = k === 'z' && !e.shiftKey;
      if ((!undo && !redo) || !ours(e.target)) return;
      e.preventDefault();
      if (redo) ref.current.redo();
      else ref.current.undo();
    };
    // The Edit menu and touch-keyboard undo arrive as beforeinput, not as keys.
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
      if (!(e.target instanceof HTMLElement) || !e.target.matches(COLLAB_FIELD)) return;
      e.preventDefault();
      if (e.inputType === 'historyRedo') ref.current.redo();
      else ref.current.undo();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeinput', onBeforeInput);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeinput', onBeforeInput);
    };
  }, []);
}
