'use client';

import { useState } from 'react';
import type { SyncStatus } from '@/lib/realtime/sync-client';
import type { BoardLinks } from '@/lib/validation/api';
import { cx } from '@/components/ui/cx';
import { useBoard } from './board-context';
import { BoardHeader } from './board-header';
import { StoryList } from './story-list';
import { BoardKeyboard } from '@/components/shortcuts/board-keyboard';
import { SinceBar } from '@/components/since/since-bar';
import { ValuesPanelSlot } from '@/components/values/values-toggle';
import { useFilters } from '@/components/backlog/use-filters';
import { usePreloadPanels } from './preload-panels';
import { SharePanel, TrashPanel, StoryPanel } from './lazy-panels';
import { TrackerProvider } from '@/components/trackers/tracker-context';
import { DefinitionPanelSlot } from '@/components/readiness/definition-toggle';
import { NeedsInputPanelSlot } from '@/components/input/needs-input-toggle';
import { AgendaPanelSlot } from '@/components/session/agenda-toggle';

interface Props {
  title: string;
  links: BoardLinks | undefined;
  status: SyncStatus;
  initialShareOpen: boolean;
}

/** The board's layout: header, optional share panel, backlog, and the open story beside it. */
export function BoardView({ title, links, status, initialShareOpen }: Props) {
  const { boardId, canEdit, isOwner, openStoryId } = useBoard();
  const [shareOpen, setShareOpen] = useState(initialShareOpen);
  const [composing, setComposing] = useState(false);
  const [trashOpen, setTrashOpen] = useState(false);
  // Lanes sit side by side: give them the width of the screen instead of the list's reading column.
  const lanes = useFilters()[0].view === 'lanes';
  usePreloadPanels(status.synced || status.fromCopy);

  return (
    <TrackerProvider>
      <div
        className={cx('min-h-dvh lg:grid', openStoryId && 'lg:grid-cols-[minmax(0,1fr)_minmax(28rem,40%)]')}
      >
        <div className="flex min-w-0 flex-col">
          <BoardHeader
            fallbackTitle={title}
            status={status}
            shareOpen={shareOpen}
            onToggleShare={() => setShareOpen((o) => !o)}
            trashOpen={trashOpen}
            onToggleTrash={() => setTrashOpen((o) => !o)}
          />
          <main
            className={cx(
              'mx-auto flex w-full flex-1 flex-col gap-6 px-6 py-8',
              lanes ? 'max-w-[96rem]' : 'max-w-3xl',
            )}
          >
            {isOwner && shareOpen && (
              <SharePanel links={links} onClose={() => setShareOpen(false)} boardId={boardId} title={title} />
            )}
            {isOwner && trashOpen && <TrashPanel onClose={() => setTrashOpen(false)} />}
            <ValuesPanelSlot />
            <DefinitionPanelSlot />
            <NeedsInputPanelSlot />
            <AgendaPanelSlot />
            <SinceBar />
            <StoryList composing={composing} setComposing={setComposing} synced={status.synced} />
          </main>
        </div>
        {openStoryId && <StoryPanel key={openStoryId} storyId={openStoryId} synced={status.synced} />}
        <BoardKeyboard onNew={canEdit ? () => setComposing(true) : undefined} />
      </div>
    </TrackerProvider>
  );
}
