'use client';

import {
  KeyboardSensor,
  MeasuringStrategy,
  type MeasuringConfiguration,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

/** Pointer (after a small move, so a click still opens the story) and keyboard (Space, arrows, Space). */
export function useBacklogSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}

/**
 * Measure drop targets before a drag starts too: otherwise an arrow key pressed right after a
 * keyboard pick-up can arrive before the first measurement and be ignored.
 */
export const measuring: MeasuringConfiguration = { droppable: { strategy: MeasuringStrategy.Always } };

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To pick up a story, press Space or Enter. Use the arrow keys to move it, Space or Enter to drop it, Escape to cancel. Alt with the up or down arrow moves it without picking it up.',
};

/** dnd-kit's live announcements, naming stories by title rather than by id. */
export function announcementsFor(titleOf: (id: string) => string): Announcements {
  const t = (id: string | number) => `“${titleOf(String(id))}”`;
  return {
    onDragStart: ({ active }) => `Picked up ${t(active.id)}.`,
    onDragOver: ({ active, over }) =>
      !over
        ? `${t(active.id)} is not over a place to drop.`
        : over.id === active.id
          ? `${t(active.id)} is back in its place.`
          : `${t(active.id)} is over ${t(over.id)}.`,
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${t(active.id)}.` : `${t(active.id)} was dropped back.`,
    onDragCancel: ({ active }) => `Moving ${t(active.id)} was cancelled.`,
  };
}
