'use client';

import { useState } from 'react';
import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { StoryCard } from '@/components/board/story-card';
import type { StoryView } from '@/lib/board/types';
import type { CardData } from './card-data';
import { announcementsFor, measuring, screenReaderInstructions, useBacklogSensors } from './dnd-setup';
import { SortableStory } from './sortable-story';
import { targetIndex, type MoveKind } from './use-reorder';
import { KeepFocus } from './keep-focus';
import { FocusTarget } from './focus-target';
import { WindowedList } from './windowed-list';

interface Props {
  cards: CardData[];
  canEdit: boolean;
  move: (visible: readonly StoryView[], storyId: string, toIndex: number) => void;
}

/** px between cards: the list's former gap-2.5 */
const GAP = 10;

/**
 * The backlog as one ranked list, windowed (only cards near the screen are rendered); people who
 * may edit drag or use buttons/keys to reorder. dnd-kit knows every id in order; the card being
 * dragged stays mounted while it is carried out of the window.
 */
export function SortableList({ cards, canEdit, move }: Props) {
  const sensors = useBacklogSensors();
  const [dragging, setDragging] = useState<string | null>(null);
  const [focus] = useState(() => new FocusTarget());
  const visible = cards.map((c) => c.story);
  const ids = visible.map((s) => s.id);
  const byId = new Map(cards.map((c) => [c.story.id, c]));
  const openId = cards.find((c) => c.active)?.story.id ?? null;
  const titleOf = (id: string) => byId.get(id)?.story.title || 'Untitled story';

  if (!canEdit) {
    return (
      <KeepFocus>
        <WindowedList
          ids={ids}
          label="Stories"
          gap={GAP}
          openId={openId}
          renderRow={(id, row) => (
            <StoryCard
              key={id}
              {...byId.get(id)!}
              itemRef={row.measureRef}
              itemStyle={row.style}
              posInSet={row.posInSet}
              setSize={row.setSize}
              dataIndex={row.index}
            />
          )}
        />
      </KeepFocus>
    );
  }

  function dragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    if (!over || active.id === over.id) return;
    const to = visible.findIndex((s) => s.id === over.id);
    if (to >= 0) move(visible, String(active.id), to);
  }
  function keyMove(storyId: string, index: number, kind: MoveKind, control: string | null) {
    move(visible, storyId, targetIndex(kind, index, visible.length));
    focus.ask(storyId, control);
  }

  return (
    <DndContext
      sensors={sensors}
      measuring={measuring}
      collisionDetection={closestCenter}
      onDragStart={({ active }) => setDragging(String(active.id))}
      onDragEnd={dragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements: announcementsFor(titleOf), screenReaderInstructions }}
    >
      <KeepFocus>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <WindowedList
            ids={ids}
            label="Stories"
            gap={GAP}
            keep={[dragging]}
            openId={openId}
            focus={focus}
            renderRow={(id, row) => (
              <SortableStory
                key={id}
                card={byId.get(id)!}
                row={row}
                container="list"
                onMove={(kind, control) => keyMove(id, row.index, kind, control)}
              />
            )}
          />
        </SortableContext>
      </KeepFocus>
    </DndContext>
  );
}
