'use client';

import { togglePlus } from '@/lib/board/ops';
import { Icon } from '@/components/ui/icon';
import { cx } from '@/components/ui/cx';
import { useBoard } from '@/components/board/board-context';

/** +1 toggle: shows how many and, on hover, who. Read-only viewers see the count only. */
export function PlusButton({
  noteId,
  plus,
  names,
}: {
  noteId: string;
  plus: string[];
  names: ReadonlyMap<string, string>;
}) {
  const { doc, me, canEdit, origin } = useBoard();
  const mine = plus.includes(me.id);
  const who = plus.map((id) => (id === me.id ? 'you' : (names.get(id) ?? 'someone'))).join(', ');
  const title = plus.length ? `+1 from ${who}` : '+1 this note';
  const cls = cx(
    'inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium tabular-nums transition-colors',
    mine
      ? 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-300'
      : 'text-muted hover:bg-subtle hover:text-zinc-800 dark:hover:text-zinc-100',
  );
  if (!canEdit) {
    if (plus.length === 0) return null;
    return (
      <span className={cls} title={title}>
        <Icon name="thumb" className="size-3.5" /> {plus.length}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={cls}
      title={title}
      aria-pressed={mine}
      aria-label={`+1 (${plus.length}${plus.length ? `: ${who}` : ''})`}
      onClick={() => togglePlus(doc, noteId, me.id, origin)}
    >
      <Icon name="thumb" className="size-3.5" />
      {plus.length > 0 ? plus.length : '+1'}
    </button>
  );
}
