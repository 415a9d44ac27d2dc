import type { NoteKind } from '@/lib/board/types';
import type { IconName } from '@/components/ui/icon';

/** How each note kind looks: a quiet tinted badge and an icon, never colour alone. */
export interface KindMeta {
  label: string;
  icon: IconName;
  /** badge classes (full strings so Tailwind sees them) */
  badge: string;
  /** colour of the selected option in the composer */
  selected: string;
}

export const KIND_META: Record<NoteKind, KindMeta> = {
  question: {
    label: 'Question',
    icon: 'question',
    badge:
      'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900',
    selected:
      'bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-800',
  },
  idea: {
    label: 'Idea',
    icon: 'idea',
    badge: 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950/50 dark:text-sky-300 dark:ring-sky-900',
    selected: 'bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950/60 dark:text-sky-200 dark:ring-sky-800',
  },
  risk: {
    label: 'Risk',
    icon: 'risk',
    badge: 'bg-rose-50 text-rose-800 ring-rose-200 dark:bg-rose-950/50 dark:text-rose-300 dark:ring-rose-900',
    selected:
      'bg-rose-50 text-rose-900 ring-rose-300 dark:bg-rose-950/60 dark:text-rose-200 dark:ring-rose-800',
  },
  criterion: {
    label: 'Criterion',
    icon: 'criterion',
    badge:
      'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-900',
    selected:
      'bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-800',
  },
  decision: {
    label: 'Decision',
    icon: 'decision',
    badge:
      'bg-violet-50 text-violet-800 ring-violet-200 dark:bg-violet-950/50 dark:text-violet-300 dark:ring-violet-900',
    selected:
      'bg-violet-50 text-violet-900 ring-violet-300 dark:bg-violet-950/60 dark:text-violet-200 dark:ring-violet-800',
  },
};
