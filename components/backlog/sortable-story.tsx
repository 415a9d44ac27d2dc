'use client';

import { useCallback, type KeyboardEvent } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { StoryCard } from '@/components/board/story-card';
import { MoveControls, MoveGlyph } from './move-controls';
import type { MoveKind } from './use-reorder';
import type { CardData } from './card-data';
import type { Row } from './windowed-list';

const KEY_MOVES: Record<string, MoveKind> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'top',
  End: 'bottom',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** A backlog card that can be dragged (pointer or keyboard via the handle) and moved with buttons/keys. */
export function SortableStory({
  card,
  row,
  container,
  onMove,
}: {
  card: CardData;
  /** its place in the windowed list (index, length, measuring ref, position) */
  row: Row;
  /** lane (or list) id, so a drop knows where the story came from */
  container: string;
  onMove: (kind: MoveKind, control: string | null) => void;
}) {
  const { story } = card;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: story.id,
      data: { container },
    });
  const { index, setSize: count, measureRef } = row;
  // One node for dnd-kit (drop target, drag transform) and the virtualizer (height).
  const itemRef = useCallback(
    (el: HTMLLIElement | null) => {
      setNodeRef(el);
      measureRef(el);
    },
    [setNodeRef, measureRef],
  );
  function keyDown(e: KeyboardEvent<HTMLLIElement>) {
    // Alt+arrows from anywhere on the card (the link, a move button); plain keys are left to
    // the page's shortcuts and to dnd-kit's keyboard sensor on the handle.
    const kind = KEY_MOVES[e.key];
    if (!e.altKey || e.ctrlKey || e.metaKey || !kind) return;
    // Alt+←/→ change lanes; in the plain list they stay the browser's Back/Forward.
    if ((kind === 'left' || kind === 'right') && container === 'list') return;
    e.preventDefault();
    const control = e.target instanceof HTMLElement ? (e.target.dataset.move ?? null) : null;
    onMove(kind, control);
  }
  const title = story.title || 'Untitled story';
  return (
    <StoryCard
      {...card}
      itemRef={itemRef}
      itemStyle={{ ...row.style, transform: CSS.Translate.toString(transform), transition }}
      posInSet={row.posInSet}
      setSize={row.setSize}
      dataIndex={index}
      dragging={isDragging}
      onItemKeyDown={keyDown}
      handle={
        <button
          type="button"
          ref={setActivatorNodeRef}
          data-testid="drag-handle"
          aria-label={`Drag “${title}”`}
          className="flex w-5 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-zinc-400 hover:bg-subtle hover:text-zinc-700 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 active:cursor-grabbing dark:text-zinc-500 dark:hover:text-zinc-200"
          {...attributes}
          {...listeners}
        >
          <MoveGlyph name="grip" className="size-4" />
        </button>
      }
      controls={<MoveControls index={index} count={count} onMove={(kind) => onMove(kind, kind)} />}
    />
  );
}
