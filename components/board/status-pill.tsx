import type { StoryStatus } from '@/lib/board/types';
import { cx } from '@/components/ui/cx';

export const STATUS_LABEL: Record<StoryStatus, string> = {
  shell: 'Shell',
  refining: 'Refining',
  ready: 'Ready',
  promoted: 'Promoted',
};

const STATUS_STYLE: Record<StoryStatus, string> = {
  shell: 'bg-subtle text-body',
  refining: 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-300',
  ready: 'bg-emerald-50 text-emerald-700 dark:bg-emerald-950/60 dark:text-emerald-300',
  promoted: 'bg-violet-50 text-violet-700 dark:bg-violet-950/60 dark:text-violet-300',
};

export function StatusPill({ status }: { status: StoryStatus }) {
  return (
    <span
      className={cx('inline-flex rounded-md px-1.5 py-0.5 text-[11px] font-medium', STATUS_STYLE[status])}
    >
      {STATUS_LABEL[status]}
    </span>
  );
}
