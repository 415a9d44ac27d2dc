'use client';

import { useMemo } from 'react';
import { restoreNote, restoreStory } from '@/lib/board/ops';
import { useAllNotes, useAllStories, useAuthorNames } from '@/lib/board/hooks';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';

interface TrashItem {
  kind: 'story' | 'note';
  id: string;
  text: string;
  where: string | null;
  deletedAt: number;
  deletedBy: string | null;
}

/** Owner only: soft-deleted stories and notes, who deleted them and when, and a way back. */
export function TrashPanel({ onClose }: { onClose: () => void }) {
  const { doc, me, origin } = useBoard();
  const stories = useAllStories(doc);
  const notes = useAllNotes(doc);
  const names = useAuthorNames(doc);
  const items = useMemo(() => {
    const titles = new Map(stories.map((s) => [s.id, s.title]));
    const out: TrashItem[] = [
      ...stories
        .filter((s) => s.deletedAt !== null)
        .map((s) => ({
          kind: 'story' as const,
          id: s.id,
          text: s.title,
          where: null,
          deletedAt: s.deletedAt!,
          deletedBy: s.deletedBy,
        })),
      ...notes
        .filter((n) => n.deletedAt !== null)
        .map((n) => ({
          kind: 'note' as const,
          id: n.id,
          text: n.text,
          where: titles.get(n.storyId) ?? null,
          deletedAt: n.deletedAt!,
          deletedBy: n.deletedBy,
        })),
    ];
    return out.sort((a, b) => b.deletedAt - a.deletedAt);
  }, [stories, notes]);

  const who = (id: string | null) => (!id ? 'Someone' : id === me.id ? 'You' : (names.get(id) ?? 'Someone'));
  const restore = (item: TrashItem) =>
    item.kind === 'story' ? restoreStory(doc, item.id, origin) : restoreNote(doc, item.id, origin);

  return (
    <Panel
      titleId="trash-title"
      title="Trash"
      description="Deleted stories and notes stay here until you restore them."
      onClose={onClose}
      closeLabel="Close trash"
    >
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-secondary">Nothing has been deleted.</p>
      ) : (
        <ul className="mt-2 divide-y divide-subtle" data-testid="trash-list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`} className="flex items-start justify-between gap-4 py-3">
              <div className="min-w-0">
                <p className="truncate text-sm">
                  <span className="mr-2 rounded bg-subtle px-1.5 py-0.5 text-xs text-zinc-600 dark:text-zinc-300">
                    {item.kind}
                  </span>
                  {item.text || <em className="text-zinc-500">(empty)</em>}
                </p>
                <p className="mt-0.5 text-xs text-muted">
                  {item.where && <>On “{item.where}” · </>}Deleted by {who(item.deletedBy)}{' '}
                  <RelativeTime at={item.deletedAt} />
                </p>
              </div>
              <Button
                size="sm"
                onClick={() => restore(item)}
                aria-label={`Restore ${item.kind}: ${item.text.slice(0, 40)}`}
              >
                Restore
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
