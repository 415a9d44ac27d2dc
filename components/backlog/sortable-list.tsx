'use client';

import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { StoryCard } from '@/components/board/story-card';
import type { StoryView } from '@/lib/board/types';
import type { CardData } from './card-data';
import { announcementsFor, measuring, screenReaderInstructions, useBacklogSensors } from './dnd-setup';
import { SortableStory } from './sortable-story';
import { refocus, targetIndex, type MoveKind } from './use-reorder';
import { KeepFocus } from './keep-focus';

interface Props {
  cards: CardData[];
  canEdit: boolean;
  move: (visible: readonly StoryView[], storyId: string, toIndex: number) => void;
}

/** The backlog as one ranked list; people who may edit drag or use buttons/keys to reorder. */
export function SortableList({ cards, canEdit, move }: Props) {
  const sensors = useBacklogSensors();
  const visible = cards.map((c) => c.story);
  const titleOf = (id: string) => visible.find((s) => s.id === id)?.title || 'Untitled story';

  if (!canEdit) {
    return (
      <KeepFocus>
        <ol className="flex flex-col gap-2.5" aria-label="Stories">
          {cards.map((c) => (
            <StoryCard key={c.story.id} {...c} />
          ))}
        </ol>
      </KeepFocus>
    );
  }

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const to = visible.findIndex((s) => s.id === over.id);
    if (to >= 0) move(visible, String(active.id), to);
  }
  function keyMove(storyId: string, index: number, kind: MoveKind, control: string | null) {
    move(visible, storyId, targetIndex(kind, index, visible.length));
    refocus(storyId, control);
  }

  return (
    <DndContext
      sensors={sensors}
      measuring={measuring}
      collisionDetection={closestCenter}
      onDragEnd={dragEnd}
      accessibility={{ announcements: announcementsFor(titleOf), screenReaderInstructions }}
    >
      <KeepFocus>
        <SortableContext items={visible.map((s) => s.id)} strategy={verticalListSortingStrategy}>
          <ol className="flex flex-col gap-2.5" aria-label="Stories">
            {cards.map((c, i) => (
              <SortableStory
                key={c.story.id}
                card={c}
                index={i}
                count={cards.length}
                container="list"
                onMove={(kind, control) => keyMove(c.story.id, i, kind, control)}
              />
            ))}
          </ol>
        </SortableContext>
      </KeepFocus>
    </DndContext>
  );
}
