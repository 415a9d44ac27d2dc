'use client';

import { NOTE_KINDS, type NoteKind } from '@/lib/board/types';
import { Icon } from '@/components/ui/icon';
import { cx } from '@/components/ui/cx';
import { KIND_META } from './kind-meta';

/** The note kind as a radio group (native radios, so arrow keys and labels just work). */
export function KindPicker({
  value,
  onChange,
  name,
}: {
  value: NoteKind;
  onChange: (k: NoteKind) => void;
  name: string;
}) {
  return (
    <fieldset className="flex flex-wrap gap-1.5">
      <legend className="sr-only">Kind of note</legend>
      {NOTE_KINDS.map((k) => {
        const m = KIND_META[k];
        const checked = value === k;
        return (
          <label
            key={k}
            className={cx(
              'inline-flex cursor-pointer items-center gap-1 rounded-full px-2.5 py-1 text-xs font-medium ring-1 transition-colors ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500',
              checked
                ? m.selected
                : 'text-secondary ring-zinc-200 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800',
            )}
          >
            <input
              type="radio"
              name={name}
              value={k}
              checked={checked}
              onChange={() => onChange(k)}
              className="sr-only"
            />
            <Icon name={m.icon} className="size-3.5" />
            {m.label}
          </label>
        );
      })}
    </fieldset>
  );
}
