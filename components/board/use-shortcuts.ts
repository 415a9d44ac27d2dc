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

export interface BoardShortcutHandlers {
  /** `n`: start a new story */
  onNew?: () => void;
  /** Escape: close the story panel */
  onEscape?: () => void;
  /** `c`: write a note on the open story */
  onNote?: () => void;
  /** `j` / `k`: next / previous story (absent for the facilitator, whose j/k move the focus) */
  onStep?: (step: 1 | -1) => void;
  /** `/`: search the backlog */
  onSearch?: () => void;
  /** `f`: follow the facilitator on/off */
  onFollow?: () => void;
  /** `?`: the list of shortcuts */
  onHelp?: () => void;
}

/**
 * Board-wide single keys (listed in components/shortcuts/shortcut-list.ts). Keys typed into a
 * field are left alone, nothing fires while a modal is open, and Escape in a field with text
 * first just leaves the field, so no draft is lost.
 */
export function useBoardShortcuts(handlers: BoardShortcutHandlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (document.querySelector('dialog[open]')) return; // a modal owns the keyboard
      const h = ref.current;
      if (e.key === 'Escape' && h.onEscape) {
        if (
          isEditable(e.target) &&
          e.target.matches('input,textarea') &&
          (e.target as HTMLInputElement).value
        ) {
          e.target.blur();
          return;
        }
        h.onEscape();
        return;
      }
      if (e.metaKey || e.ctrlKey || e.altKey || isEditable(e.target)) return;
      const act = action(e.key, h);
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function action(key: string, h: BoardShortcutHandlers): (() => void) | undefined {
  switch (key) {
    case 'n':
    case 'N':
      return h.onNew;
    case 'c':
      return h.onNote;
    case 'j':
      return h.onStep && (() => h.onStep?.(1));
    case 'k':
      return h.onStep && (() => h.onStep?.(-1));
    case '/':
      return h.onSearch;
    case 'f':
      return h.onFollow;
    case '?':
      return h.onHelp;
    default:
      return undefined;
  }
}
