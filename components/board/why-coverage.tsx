'use client';

import { useWhyCoverage } from '@/lib/board/hooks';
import { cx } from '@/components/ui/cx';
import { useBoard } from './board-context';

/** "7/9 stories have a why": the board's health at a glance, amber while some lack one. */
export function WhyCoverage() {
  const { doc } = useBoard();
  const { withWhy, total } = useWhyCoverage(doc);
  if (total === 0) return null;
  const complete = withWhy === total;
  return (
    <p
      data-testid="why-coverage"
      className={cx(
        'shrink-0 rounded-full px-2.5 py-1 text-xs font-medium whitespace-nowrap tabular-nums',
        complete
          ? 'bg-emerald-50 text-emerald-700 dark:bg-emerald-950/50 dark:text-emerald-300'
          : 'bg-amber-50 text-amber-800 dark:bg-amber-950/50 dark:text-amber-300',
      )}
    >
      {withWhy}/{total} {total === 1 ? 'story has' : 'stories have'} a why
    </p>
  );
}
