'use client';

import { useReadiness } from '@/lib/board/hooks';
import { missingText } from '@/lib/board/readiness';
import { useBoard } from '@/components/board/board-context';
import { Icon } from '@/components/ui/icon';
import { cx } from '@/components/ui/cx';

/**
 * "4/6 ready" on a card. What is missing shows on hover and while the card has focus (the card is
 * one link, so the badge holds no control of its own) and is read out with the card's name.
 * The evaluation is memoised per story in the board view: a card re-renders only when it changes.
 */
export function ReadinessBadge({ storyId }: { storyId: string }) {
  const e = useReadiness(useBoard().doc, storyId);
  if (!e || e.total === 0) return null;
  const missing = missingText(e);
  return (
    <span data-testid="readiness" data-ready={e.ready} className="relative inline-flex">
      <span
        className={cx(
          'inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 font-medium',
          e.ready
            ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300'
            : 'bg-subtle text-secondary',
        )}
      >
        {e.ready && <Icon name="check" className="size-3" />}
        {e.met.length}/{e.total} ready
        <span className="sr-only">
          {e.ready ? ': meets the definition of ready.' : `. Missing: ${missing}.`}
        </span>
      </span>
      {!e.ready && (
        <span
          aria-hidden="true"
          data-testid="readiness-missing"
          className="pointer-events-none invisible absolute top-full left-0 z-20 mt-1 w-64 rounded-md border border-line bg-surface p-2 text-xs text-body shadow-lg group-focus-within:visible group-hover:visible"
        >
          <span className="font-medium">Missing</span>
          {e.missing.map((m) => (
            <span key={m.id} className="block">
              {m.label} — <span className="text-muted">{m.reason}</span>
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
