'use client';

import type { SVGProps } from 'react';
import type { MoveKind } from './use-reorder';

const glyphs: Record<'up' | 'down' | 'top' | 'grip', string> = {
  up: 'M12 19V5m0 0-6 6m6-6 6 6',
  down: 'M12 5v14m0 0-6-6m6 6 6-6',
  top: 'M5 4h14M12 20V9m0 0-5 5m5-5 5 5',
  grip: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
};

export function MoveGlyph({ name, ...rest }: { name: keyof typeof glyphs } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'grip' ? 3 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...rest}
    >
      <path d={glyphs[name]} />
    </svg>
  );
}

const buttonClass =
  'grid size-7 place-items-center rounded-md text-muted hover:bg-subtle hover:text-zinc-900 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-30 dark:hover:text-zinc-100';

/**
 * Up / down / to-top buttons on a card. Hidden until the card is hovered or focused, but always in
 * the tab order, so keyboard users reach them. Alt+↑/↓/Home do the same from the card.
 */
export function MoveControls({
  index,
  count,
  onMove,
}: {
  index: number;
  count: number;
  onMove: (kind: MoveKind) => void;
}) {
  const items: {
    kind: MoveKind;
    label: string;
    keys: string;
    glyph: 'up' | 'down' | 'top';
    disabled: boolean;
  }[] = [
    { kind: 'top', label: 'Move to top', keys: 'Alt+Home', glyph: 'top', disabled: index === 0 },
    { kind: 'up', label: 'Move up', keys: 'Alt+ArrowUp', glyph: 'up', disabled: index === 0 },
    { kind: 'down', label: 'Move down', keys: 'Alt+ArrowDown', glyph: 'down', disabled: index >= count - 1 },
  ];
  return (
    <div
      role="group"
      aria-label="Reorder"
      className="absolute right-2 bottom-2 flex gap-0.5 rounded-lg bg-white/95 opacity-0 shadow-xs group-focus-within:opacity-100 group-hover:opacity-100 focus-within:opacity-100 dark:bg-zinc-900/95 [@media(hover:none)]:opacity-100"
    >
      {items.map((it) => (
        <button
          key={it.kind}
          type="button"
          data-move={it.kind}
          className={buttonClass}
          disabled={it.disabled}
          aria-label={it.label}
          aria-keyshortcuts={it.keys}
          title={`${it.label} (${it.keys.replace('Arrow', '')})`}
          onClick={() => onMove(it.kind)}
        >
          <MoveGlyph name={it.glyph} className="size-3.5" />
        </button>
      ))}
    </div>
  );
}
