'use client';

import { useEffect, useState } from 'react';
import { useBoard } from '@/components/board/board-context';
import { useBoardShortcuts } from '@/components/board/use-shortcuts';
import { useSessionContext } from '@/components/session/session-context';
import { useUndo } from '@/components/undo/undo-context';
import { useUndoKeys } from '@/components/undo/use-undo-keys';
import { ShortcutHelp } from '@/components/board/lazy-panels';

const HELP_EVENT = 'shellboard:shortcut-help';

/** Opens the `?` overlay from anywhere (the header's Shortcuts button). */
export function openShortcutHelp(): void {
  window.dispatchEvent(new Event(HELP_EVENT));
}

/**
 * Every board key in one place, plus the help overlay. j/k: the facilitator (owner) keeps the
 * session's focus navigation (components/session/use-facilitator-keys.ts); everyone else moves
 * the open story to the next/previous card in the order the backlog shows them.
 */
export function BoardKeyboard({ onNew }: { onNew?: () => void }) {
  const { isOwner, openStoryId, openStory } = useBoard();
  const session = useSessionContext();
  const [help, setHelpState] = useState(false);
  const [used, setUsed] = useState(false);
  const setHelp = (open: boolean) => {
    if (open) setUsed(true);
    setHelpState(open);
  };
  useUndoKeys(useUndo());

  useEffect(() => {
    const show = () => {
      setUsed(true);
      setHelpState(true);
    };
    window.addEventListener(HELP_EVENT, show);
    return () => window.removeEventListener(HELP_EVENT, show);
  }, []);

  useBoardShortcuts({
    onNew,
    onEscape: openStoryId ? () => openStory(null) : undefined,
    onNote: openStoryId ? focusNoteComposer : undefined,
    onStep: isOwner ? undefined : (step) => stepStory(openStoryId, step, openStory),
    onSearch: focusSearch,
    onFollow: session ? () => session.setFollow(!session.follow) : undefined,
    onHelp: () => setHelp(true),
  });

  return used ? <ShortcutHelp open={help} onClose={() => setHelp(false)} /> : null;
}

function focusNoteComposer() {
  const el = document.querySelector<HTMLTextAreaElement>('[data-testid="story-panel"] [data-note-composer]');
  el?.focus();
  el?.scrollIntoView({ block: 'nearest' });
}

/** The backlog's search box (`id="board-search"`), when the board has one. */
function focusSearch() {
  document.getElementById('board-search')?.focus();
}

/** Cards as shown (after filters and lanes), so j/k follow what the person sees. */
function stepStory(current: string | null, step: 1 | -1, open: (id: string) => void) {
  const ids = [...document.querySelectorAll<HTMLElement>('[data-testid="story-card"][data-story-id]')]
    .map((el) => el.dataset.storyId)
    .filter((id): id is string => !!id);
  if (ids.length === 0) return;
  const i = current ? ids.indexOf(current) : -1;
  const next =
    i === -1 ? (step === 1 ? ids[0] : ids.at(-1)) : ids[Math.min(ids.length - 1, Math.max(0, i + step))];
  if (!next || next === current) return;
  open(next);
  document
    .querySelector(`[data-testid="story-card"][data-story-id="${CSS.escape(next)}"]`)
    ?.scrollIntoView({ block: 'nearest' });
}
