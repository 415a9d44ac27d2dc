'use client';

import type { ReactNode } from 'react';
import type { BoardInfoResponse } from '@/lib/validation/api';
import { ExportMenuFor } from '@/components/promote/export-menu';
import { gateScreen, useBoardGate } from '@/components/ui/board-gate';
import { Button } from '@/components/ui/button';
import { boardHref, storiesHref } from './links';

/**
 * Frame of the formal-stories pages: the key from the fragment (like the board), the board's
 * title, a way back, and the export menu. Any link (owner, team, view) may read.
 */
export function StoriesShell({
  boardId,
  crumb,
  children,
}: {
  boardId: string;
  /** set on a story page: the list is then one step back */
  crumb?: string;
  children: (ctx: { boardKey: string; info: BoardInfoResponse }) => ReactNode;
}) {
  const gate = useBoardGate(boardId);
  const { key, info } = gate;
  const gated = gateScreen(gate, { errorTitle: 'Could not open the formal stories' });
  if (gated) return gated;
  if (info.state !== 'ready' || !key) return <Loading what="formal stories" />;
  const linkClass =
    'rounded hover:text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-zinc-100';
  return (
    <div className="min-h-dvh">
      <title>{`${crumb ? `${crumb} · ` : ''}Formal stories · ${info.info.title} · Shellboard`}</title>
      <header className="border-b border-line bg-white/80 backdrop-blur dark:bg-zinc-950/80">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
          <nav aria-label="Breadcrumb" className="min-w-0 flex-1 text-sm text-secondary">
            <ol className="flex flex-wrap items-center gap-1.5">
              <li>
                <a data-testid="back-to-board" href={boardHref(boardId, key)} className={linkClass}>
                  ← {info.info.title}
                </a>
              </li>
              <li aria-hidden="true">/</li>
              <li>
                {crumb ? (
                  <a href={storiesHref(boardId, key)} className={linkClass}>
                    Formal stories
                  </a>
                ) : (
                  <span aria-current="page" className="font-medium text-zinc-900 dark:text-zinc-100">
                    Formal stories
                  </span>
                )}
              </li>
              {crumb && (
                <>
                  <li aria-hidden="true">/</li>
                  <li aria-current="page" className="truncate font-medium text-zinc-900 dark:text-zinc-100">
                    {crumb}
                  </li>
                </>
              )}
            </ol>
          </nav>
          <ExportMenuFor boardId={boardId} boardKey={key} />
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-8">{children({ boardKey: key, info: info.info })}</main>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div className="flex min-h-[40dvh] items-center justify-center" aria-busy="true">
      <p className="text-sm text-muted" role="status">
        Loading {what}…
      </p>
    </div>
  );
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm dark:border-amber-900 dark:bg-amber-950"
    >
      <p>{message}</p>
      <Button size="sm" className="mt-3" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
