'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessUser } from '@/lib/validation/awareness';

const TYPING_IDLE_MS = 2500;

/**
 * Publishes this person's awareness state `{ user, storyId, typing }` and returns a function to
 * call on each keystroke: "typing" turns on at once and off after a short pause.
 */
export function usePublishPresence(awareness: Awareness, user: AwarenessUser | null, storyId: string | null) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const { id, name, color, role } = user ?? {};
  useEffect(() => {
    // Until the person has a name we publish nothing, so nobody sees a nameless avatar.
    if (!id || !name || !color || !role) return;
    awareness.setLocalStateField('user', { id, name, color, role });
  }, [awareness, id, name, color, role]);

  useEffect(() => {
    if (!awareness.getLocalState()) return;
    awareness.setLocalStateField('storyId', storyId);
    awareness.setLocalStateField('typing', false);
  }, [awareness, storyId, id]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return useCallback(() => {
    const state = awareness.getLocalState();
    if (!state?.user) return;
    if (state.typing !== true) awareness.setLocalStateField('typing', true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (awareness.getLocalState()) awareness.setLocalStateField('typing', false);
    }, TYPING_IDLE_MS);
  }, [awareness]);
}
