'use client';

import { useState } from 'react';
import type { RoundState } from '@/lib/realtime/events';
import { SCALES } from '@/lib/session/scales';
import { Button } from '@/components/ui/button';
import { useSessionContext } from './session-context';

const selectCls =
  'h-7 rounded-md border border-line-strong bg-surface px-2 text-xs focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none';

/** Facilitator: reveal, re-vote, and accept a value (pre-filled with the median). */
export function OwnerRoundControls({ round }: { round: RoundState }) {
  const session = useSessionContext();
  const median = round.stats?.median ?? round.stats?.mode[0] ?? SCALES[round.scale][0];
  const [picked, setPicked] = useState<string | null>(null);
  const value = picked ?? median;
  if (!session) return null;
  if (!round.revealed)
    return (
      <Button
        size="sm"
        variant="primary"
        onClick={() => session.call('round:reveal', {})}
        aria-keyshortcuts="r"
      >
        Reveal votes
      </Button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => session.call('round:revote', {})}>
        Re-vote
      </Button>
      <label className="flex items-center gap-1.5 text-xs">
        {round.scale === 'understanding' ? 'Result' : 'Estimate'}
        <select className={selectCls} value={value} onChange={(e) => setPicked(e.target.value)}>
          {SCALES[round.scale].map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <Button size="sm" variant="primary" onClick={() => session.call('round:accept', { value })}>
        {round.scale === 'understanding' ? `Accept ${value} of 5` : `Accept ${value}`}
      </Button>
    </div>
  );
}

export { selectCls };
