'use client';

import { useState } from 'react';
import type { RoundState } from '@/lib/realtime/events';
import { SCALES, UNDERSTANDING_HINTS } from '@/lib/session/scales';
import { cx } from '@/components/ui/cx';
import { useSessionContext } from './session-context';

/** Your cards for the current round: pick or change until the reveal. Your pick stays on screen only. */
export function VoteCards({ round, meId }: { round: RoundState; meId: string }) {
  const session = useSessionContext();
  const [mine, setMine] = useState<string | null>(null);
  // After a re-vote the server forgets every vote, so the highlight goes with it.
  const chosen = round.voterIds.includes(meId) ? mine : null;
  return (
    <div
      role="group"
      aria-label={round.scale === 'understanding' ? 'How well you understand why' : 'Your estimate'}
      className="flex flex-wrap gap-1.5"
    >
      {SCALES[round.scale].map((v) => (
        <button
          key={v}
          type="button"
          title={round.scale === 'understanding' ? `${v} — ${UNDERSTANDING_HINTS[v]}` : undefined}
          aria-label={round.scale === 'understanding' ? `${v}: ${UNDERSTANDING_HINTS[v]}` : undefined}
          aria-pressed={chosen === v}
          disabled={round.revealed}
          onClick={async () => {
            const ack = await session?.call('round:vote', { value: v });
            if (ack?.ok) setMine(v);
          }}
          className={cx(
            'h-11 min-w-9 rounded-lg border px-2 font-mono text-sm font-semibold transition-colors focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:opacity-50',
            chosen === v
              ? 'border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-500'
              : 'border-line-strong bg-surface hover:border-indigo-300 dark:hover:border-indigo-600',
          )}
        >
          {v}
        </button>
      ))}
    </div>
  );
}
