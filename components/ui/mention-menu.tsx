'use client';

import type { Person } from '@/lib/board/mentions';
import { cx } from './cx';

interface Props {
  id: string;
  options: readonly Person[];
  active: number;
  onPick: (p: Person) => void;
}

/** The `@name` suggestions under a note field: a listbox driven from the field (aria-activedescendant). */
export function MentionMenu({ id, options, active, onPick }: Props) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="People to address"
      className="absolute top-full left-0 z-30 mt-1 max-h-56 w-64 overflow-auto rounded-lg border border-line bg-surface py-1 text-sm shadow-lg"
    >
      {options.map((p, i) => (
        <li
          key={p.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          // mousedown, not click: the field keeps focus (and its caret) while a name is picked
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(p);
          }}
          className={cx(
            'cursor-pointer truncate px-3 py-1.5',
            i === active
              ? 'bg-indigo-50 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100'
              : 'text-body',
          )}
        >
          @{p.name}
        </li>
      ))}
    </ul>
  );
}
