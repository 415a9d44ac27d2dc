'use client';

import { useState, type ReactNode } from 'react';
import {
  DndContext,
  closestCorners,
  pointerWithin,
  useDroppable,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { NONE, lanesFor, type Lane } from '@/lib/board/filters';
import type { StoryView } from '@/lib/board/types';
import { BoardOpError, setStoryStream } from '@/lib/board/ops';
import { StoryCard } from '@/components/board/story-card';
import { useBoard } from '@/components/board/board-context';
import { cx } from '@/components/ui/cx';
import type { CardData } from './card-data';
import { announcementsFor, measuring, screenReaderInstructions, useBacklogSensors } from './dnd-setup';
import { SortableStory } from './sortable-story';
import { targetIndex } from './use-reorder';
import { KeepFocus } from './keep-focus';
import { FocusTarget } from './focus-target';
import { WindowedList, type Row } from './windowed-list';

interface Props {
  cards: CardData[];
  streams: readonly string[];
  canEdit: boolean;
  move: (
    visible: readonly StoryView[],
    storyId: string,
    toIndex: number,
    stream?: { name: string | null },
  ) => void;
  announce: (message: string) => void;
}

const laneKey = (lane: Lane) => `lane:${lane.stream ?? NONE}`;
/** px between cards: a lane's former gap-2 */
const GAP = 8;

/**
 * The card under the pointer, else the lane under it (an empty lane is a big target whose
 * corners are far from the card), else the nearest by corners (keyboard drags have no pointer).
 */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (hits.length > 0) {
    const card = hits.find((h) => !String(h.id).startsWith('lane:'));
    return [card ?? hits[0]!];
  }
  return closestCorners(args);
};

/**
 * Stories in lanes by value stream; dragging a card to another lane sets its stream. Each lane is
 * windowed against the page's scroll, so lanes grow down the page as before and a card can be
 * carried across them.
 */
export function LanesView({ cards, streams, canEdit, move, announce }: Props) {
  const { doc, origin } = useBoard();
  const sensors = useBacklogSensors();
  const [dragging, setDragging] = useState<string | null>(null);
  const [focus] = useState(() => new FocusTarget());
  const openId = cards.find((c) => c.active)?.story.id ?? null;
  const byId = new Map(cards.map((c) => [c.story.id, c]));
  const lanes = lanesFor(
    cards.map((c) => c.story),
    streams,
  );
  const laneOf = (key: string) => lanes.find((l) => laneKey(l) === key);
  const titleOf = (id: string) =>
    byId.get(id)?.story.title ||
    laneOf(id)?.stream ||
    (id.startsWith('lane:') ? 'No stream' : 'Untitled story');

  function dragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    if (!over || active.id === over.id) return;
    const from = laneOf(String(active.data.current?.container ?? ''));
    const overContainer = over.data.current?.container;
    const to = laneOf(typeof overContainer === 'string' ? overContainer : String(over.id));
    if (!from || !to) return;
    const overIndex = to.stories.findIndex((s) => s.id === over.id);
    const index = overIndex >= 0 ? overIndex : to.stories.length;
    if (from === to) return move(to.stories, String(active.id), index);
    if (!to.listed)
      return announce(`“${to.stream}” was removed from the board; stories cannot be moved into it.`);
    move(to.stories, String(active.id), index, { name: to.stream });
  }

  /**
   * Alt+←/→: into the neighbouring lane that takes stories (a removed stream's lane does not). Only
   * the stream changes; the story keeps its rank, so it lands where its priority puts it.
   */
  function moveAcross(from: Lane, storyId: string, step: -1 | 1) {
    const open = lanes.filter((l) => l.listed || l === from);
    const to = open[open.indexOf(from) + step];
    if (!to || to === from) return;
    try {
      setStoryStream(doc, storyId, to.stream, [], origin);
      announce(`Moved “${titleOf(storyId)}” to ${to.stream ?? 'No stream'}.`);
    } catch (e) {
      announce(e instanceof BoardOpError ? e.message : 'That move could not be made.');
    }
  }

  const renderRow = (lane: Lane, id: string, row: Row) => {
    const card = { ...byId.get(id)!, showStream: false };
    const i = row.index;
    return canEdit ? (
      <SortableStory
        key={id}
        card={card}
        row={row}
        container={laneKey(lane)}
        onMove={(kind, control) => {
          if (kind === 'left' || kind === 'right') moveAcross(lane, id, kind === 'left' ? -1 : 1);
          else move(lane.stories, id, targetIndex(kind, i, lane.stories.length));
          focus.ask(id, control);
        }}
      />
    ) : (
      <StoryCard
        key={id}
        {...card}
        itemRef={row.measureRef}
        itemStyle={row.style}
        posInSet={row.posInSet}
        setSize={row.setSize}
        dataIndex={i}
      />
    );
  };

  const body = (
    <div className="-mx-2 flex gap-3 overflow-x-auto px-2 pb-2" data-testid="lanes">
      {lanes.map((lane) => (
        <LaneColumn key={laneKey(lane)} lane={lane} id={laneKey(lane)} canEdit={canEdit}>
          <WindowedList
            ids={lane.stories.map((s) => s.id)}
            label={`Stories in ${lane.stream ?? 'No stream'}`}
            gap={GAP}
            className="min-h-16"
            keep={[dragging]}
            openId={openId}
            focus={focus}
            renderRow={(id, row) => renderRow(lane, id, row)}
          />
        </LaneColumn>
      ))}
    </div>
  );
  if (!canEdit) return body;
  return (
    <DndContext
      sensors={sensors}
      measuring={measuring}
      collisionDetection={collision}
      onDragStart={({ active }) => setDragging(String(active.id))}
      onDragEnd={dragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements: announcementsFor(titleOf), screenReaderInstructions }}
    >
      <KeepFocus>{body}</KeepFocus>
    </DndContext>
  );
}

function LaneColumn({
  lane,
  id,
  canEdit,
  children,
}: {
  lane: Lane;
  id: string;
  canEdit: boolean;
  children: ReactNode;
}) {
  // A removed stream's lane still reorders its own stories but takes no newcomers.
  const { setNodeRef, isOver } = useDroppable({
    id,
    disabled: !canEdit || !lane.listed,
    data: { container: id },
  });
  const name = lane.stream ?? 'No stream';
  return (
    <section
      ref={setNodeRef}
      aria-label={`${name} lane`}
      data-testid="lane"
      data-lane={lane.stream ?? ''}
      className={cx(
        'flex w-72 shrink-0 flex-col gap-2 rounded-xl border bg-zinc-50 p-2 transition-colors dark:bg-zinc-900/40',
        isOver ? 'border-indigo-400 dark:border-indigo-600' : 'border-line',
      )}
    >
      <h3 className="flex items-baseline justify-between gap-2 px-1 text-xs font-semibold text-body">
        <span className={cx('truncate', lane.stream === null && 'text-muted italic')}>
          {name}
          {!lane.listed && <span className="font-normal text-muted"> (removed)</span>}
        </span>
        <span className="font-normal text-muted">{lane.stories.length}</span>
      </h3>
      {canEdit ? (
        <SortableContext id={id} items={lane.stories.map((s) => s.id)} strategy={verticalListSortingStrategy}>
          {children}
        </SortableContext>
      ) : (
        children
      )}
    </section>
  );
}
