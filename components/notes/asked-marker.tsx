'use client';

import { useAwaitingReplies } from '@/lib/board/hooks';
import { useBoard } from '@/components/board/board-context';
import { cx } from '@/components/ui/cx';

const SHOWN = 2;

/**
 * On a card: who an open question on the story is waiting for (`@name` in the question thread, no
 * reply from them yet). "Asks you" when that includes the reader. Re-renders only when the story's
 * notes change.
 */
export function AskedMarker({ storyId }: { storyId: string }) {
  const { doc, me } = useBoard();
  const awaiting = useAwaitingReplies(doc, storyId);
  if (awaiting.size === 0) return null;
  const names: string[] = [];
  for (const [id, threads] of awaiting) {
    const name = threads[0]!.asking.mentions.find((p) => p.id === id)?.name ?? 'Someone';
    if (id !== me.id) names.push(name);
  }
  const forMe = awaiting.has(me.id);
  const others = names.slice(0, SHOWN).map((n) => `@${n}`);
  if (names.length > SHOWN) others.push(`+${names.length - SHOWN}`);
  const label = forMe
    ? `Asks you${names.length ? ` and ${names.join(', ')}` : ''}`
    : `Waiting for ${names.join(', ')}`;
  return (
    <span
      data-testid="asked"
      data-me={forMe || undefined}
      title={label}
      className={cx(
        'inline-flex max-w-56 items-center gap-1 truncate rounded-md px-1.5 py-0.5 font-medium',
        forMe
          ? 'bg-indigo-600 text-white dark:bg-indigo-500'
          : 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300',
      )}
    >
      <span className="sr-only">{label}</span>
      <span aria-hidden="true">
        {forMe ? `@ Asks you${names.length ? ` · ${others.join(' ')}` : ''}` : others.join(' ')}
      </span>
    </span>
  );
}
