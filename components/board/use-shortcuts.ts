'use client';

import { useEffect, useRef } from 'react';

export function isEditable(t: EventTarget | null): t is HTMLElement {
  if (!(t instanceof HTMLElement)) return false;
  return (
    t.isContentEditable ||
    t instanceof HTMLInputElement ||
    t instanceof HTMLTextAreaElement ||
    t instanceof HTMLSelectElement
  );
}

/**
 * Board-wide keys: `n` starts a new story, Escape closes the story panel. Keys typed into a
 * field are left alone; Escape in a field first just leaves the field, so no draft is lost.
 */
export function useBoardShortcuts(handlers: { onNew?: () => void; onEscape?: () => void }) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (document.querySelector('dialog[open]')) return; // a modal owns the keyboard
      const { onNew, onEscape } = ref.current;
      if (e.key === 'Escape' && onEscape) {
        if (
          isEditable(e.target) &&
          e.target.matches('input,textarea') &&
          (e.target as HTMLInputElement).value
        ) {
          e.target.blur();
          return;
        }
        onEscape();
        return;
      }
      if (
        e.key.toLowerCase() === 'n' &&
        !e.metaKey &&
        !e.ctrlKey &&
        !e.altKey &&
        onNew &&
        !isEditable(e.target)
      ) {
        e.preventDefault();
        onNew();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
