'use client';

import type { BoardLinks } from '@/lib/validation/api';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { CopyLinkRow } from './copy-link-row';

/** Owner only: the three links of a board and what each lets people do. */
export function SharePanel({ links, onClose }: { links: BoardLinks | undefined; onClose: () => void }) {
  return (
    <section
      aria-labelledby="share-title"
      className="rounded-xl border border-zinc-200 bg-white px-5 py-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id="share-title" className="text-sm font-semibold">
            Share this board
          </h2>
          <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
            Anyone with a link gets its role. Keys sit after the # and never reach server logs.
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close share panel">
          <Icon name="close" className="size-3.5" />
        </Button>
      </div>
      {links ? (
        <div className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
          <CopyLinkRow
            label="Team link"
            description="For the team: add stories and notes, vote, react."
            url={links.team}
          />
          <CopyLinkRow
            label="View link"
            description="Read-only: follow along, cannot change anything."
            url={links.view}
          />
          <CopyLinkRow
            label="Owner link"
            description="Full control: facilitate, publish, rotate links. Keep it private."
            url={links.owner}
          />
        </div>
      ) : (
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">The server did not return the links.</p>
      )}
      {/* Room for the team-link QR code (journey 1) once it lands. */}
    </section>
  );
}
