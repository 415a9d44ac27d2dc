'use client';

import { useState } from 'react';
import type { SyncStatus } from '@/lib/realtime/sync-client';
import type { BoardLinks } from '@/lib/validation/api';
import { cx } from '@/components/ui/cx';
import { SharePanel } from '@/components/share/share-panel';
import { TrashPanel } from '@/components/admin/trash-panel';
import type { Peer } from '@/components/presence/use-peers';
import { useBoard } from './board-context';
import { BoardHeader } from './board-header';
import { StoryList } from './story-list';
import { StoryPanel } from './story-panel';
import { BoardKeyboard } from '@/components/shortcuts/board-keyboard';
import { SinceBar } from '@/components/since/since-bar';
import { ValuesPanelSlot } from '@/components/values/values-toggle';

interface Props {
  title: string;
  links: BoardLinks | undefined;
  status: SyncStatus;
  peers: Peer[];
  initialShareOpen: boolean;
}

/** The board's layout: header, optional share panel, backlog, and the open story beside it. */
export function BoardView({ title, links, status, peers, initialShareOpen }: Props) {
  const { boardId, canEdit, isOwner, openStoryId } = useBoard();
  const [shareOpen, setShareOpen] = useState(initialShareOpen);
  const [composing, setComposing] = useState(false);
  const [trashOpen, setTrashOpen] = useState(false);

  return (
    <div className={cx('min-h-dvh lg:grid', openStoryId && 'lg:grid-cols-[minmax(0,1fr)_minmax(28rem,40%)]')}>
      <div className="flex min-w-0 flex-col">
        <BoardHeader
          fallbackTitle={title}
          status={status}
          peers={peers}
          shareOpen={shareOpen}
          onToggleShare={() => setShareOpen((o) => !o)}
          trashOpen={trashOpen}
          onToggleTrash={() => setTrashOpen((o) => !o)}
        />
        <main className="mx-auto flex w-full max-w-3xl flex-1 flex-col gap-6 px-6 py-8">
          {isOwner && shareOpen && (
            <SharePanel links={links} onClose={() => setShareOpen(false)} boardId={boardId} title={title} />
          )}
          {isOwner && trashOpen && <TrashPanel onClose={() => setTrashOpen(false)} />}
          <ValuesPanelSlot />
          <SinceBar />
          <StoryList peers={peers} composing={composing} setComposing={setComposing} synced={status.synced} />
        </main>
      </div>
      {openStoryId && (
        <StoryPanel key={openStoryId} storyId={openStoryId} peers={peers} synced={status.synced} />
      )}
      <BoardKeyboard onNew={canEdit ? () => setComposing(true) : undefined} />
    </div>
  );
}
