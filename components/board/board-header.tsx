'use client';

import Link from 'next/link';
import type { SyncStatus } from '@/lib/realtime/sync-client';
import { useMeta } from '@/lib/board/hooks';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { PresenceBar } from '@/components/presence/presence-bar';
import { useBoard } from './board-context';
import { ConnectionStatus } from './connection-status';
import { WhyCoverage } from './why-coverage';
import { PresentLink } from '@/components/session/present-link';
import { ExportMenu } from '@/components/promote/export-menu';
import { ImportButton } from '@/components/import/import-button';
import { StoriesLink } from '@/components/stories/stories-link';
import { UndoButtons } from '@/components/undo/undo-buttons';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { openShortcutHelp } from '@/components/shortcuts/board-keyboard';
import { ValuesButton } from '@/components/values/values-toggle';
import { TrackerBadge } from '@/components/trackers/tracker-section';
import { DefinitionButton } from '@/components/readiness/definition-toggle';
import { NeedsInputButton } from '@/components/input/needs-input-toggle';

interface Props {
  fallbackTitle: string;
  status: SyncStatus;
  shareOpen: boolean;
  onToggleShare: () => void;
  trashOpen: boolean;
  onToggleTrash: () => void;
}

export function BoardHeader({
  fallbackTitle,
  status,
  shareOpen,
  onToggleShare,
  trashOpen,
  onToggleTrash,
}: Props) {
  const { doc, canEdit, isOwner } = useBoard();
  const meta = useMeta(doc);
  const title = meta.title || fallbackTitle;
  return (
    <header className="border-b border-line bg-white dark:bg-zinc-950">
      {/* React 19 hoists this into <head>: the tab shows which board it is. */}
      <title>{`${title} · Shellboard`}</title>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-6 py-3">
        <div className="flex min-w-64 flex-1 items-center gap-3">
          {/* No prefetch: it would have the server render the home page while it answers the board's sync. */}
          <Link
            href="/"
            prefetch={false}
            className="grid size-7 shrink-0 place-items-center rounded-lg bg-indigo-600 text-xs font-bold text-white dark:bg-indigo-500"
            aria-label="Shellboard home"
          >
            S
          </Link>
          <h1 className="truncate text-base font-semibold tracking-tight" title={title}>
            {title}
          </h1>
          {!canEdit && (
            <span
              data-testid="view-only"
              className="inline-flex shrink-0 items-center gap-1 rounded-full bg-subtle px-2 py-0.5 text-xs font-medium text-body"
            >
              <Icon name="eye" className="size-3" /> View only
            </span>
          )}
          <WhyCoverage />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <ConnectionStatus status={status} canEdit={canEdit} />
          {canEdit && <UndoButtons />}
          <PresenceBar />
          <PresentLink />
          <StoriesLink />
          <ValuesButton />
          <DefinitionButton />
          <NeedsInputButton ready={status.synced || status.fromCopy} />
          <ExportMenu />
          {!isOwner && <TrackerBadge />}
          <ImportButton />
          {isOwner && (
            <Button
              size="sm"
              variant={shareOpen ? 'secondary' : 'ghost'}
              onClick={onToggleShare}
              aria-expanded={shareOpen}
            >
              <Icon name="share" className="size-3.5" /> Share
            </Button>
          )}
          {isOwner && (
            <Button
              size="sm"
              variant={trashOpen ? 'secondary' : 'ghost'}
              onClick={onToggleTrash}
              aria-expanded={trashOpen}
            >
              Trash
            </Button>
          )}
          <Button size="sm" variant="ghost" onClick={openShortcutHelp} aria-keyshortcuts="?">
            <span aria-hidden="true">⌨</span> Shortcuts
          </Button>
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
