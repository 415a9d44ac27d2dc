'use client';

import { useEffect, useRef } from 'react';
import { useBoard } from '@/components/board/board-context';
import { isEditable } from '@/components/board/use-shortcuts';
import { useSessionContext } from './session-context';
import { useAgendaFocus } from './use-agenda';

/**
 * Facilitator keys beside the board's own: j/k or ↓/↑ move the focus, `a` focuses the next story
 * on the suggested agenda, `t` starts, pauses or resumes the timer, `e` starts a Fibonacci round on
 * the open story, `r` reveals.
 * Ignored while typing or when a modal is open. `nav` is null for everyone but the owner.
 */
export function useFacilitatorKeys(nav: ((step: 1 | -1) => void) | null) {
  const { openStoryId } = useBoard();
  const session = useSessionContext();
  const agenda = useAgendaFocus();
  const ref = useRef({ nav, openStoryId, session, agenda });
  useEffect(() => {
    ref.current = { nav, openStoryId, session, agenda };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { nav, openStoryId, session, agenda } = ref.current;
      if (!nav || !session || e.defaultPrevented || e.isComposing || e.metaKey || e.ctrlKey || e.altKey)
        return;
      if (isEditable(e.target) || document.querySelector('dialog[open]')) return;
      const timer = session.state?.timer;
      const round = session.state?.round;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (key === 'j' || key === 'ArrowDown') nav(1);
      else if (key === 'k' || key === 'ArrowUp') nav(-1);
      else if (key === 'a') {
        if (!agenda()) return;
      } else if (key === 't') {
        if (timer) void session.call(timer.running ? 'timer:pause' : 'timer:resume', {});
      } else if (key === 'e' && openStoryId && !round)
        void session.call('round:start', { storyId: openStoryId, scale: 'fibonacci' });
      else if (key === 'r' && round && !round.revealed) void session.call('round:reveal', {});
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
