'use client';

import { useState, type FormEvent } from 'react';
import type { TimerState } from '@/lib/realtime/events';
import { Button } from '@/components/ui/button';
import { useSessionContext } from './session-context';
import { isIdle } from './use-countdown';

const PRESETS = [2, 5, 10];

/** Facilitator: start a timebox (presets or custom minutes), pause/resume, reset. */
export function TimerControls({ timer }: { timer: TimerState }) {
  const session = useSessionContext();
  const [custom, setCustom] = useState('');
  if (!session) return null;
  const start = (min: number) => session.call('timer:start', { durationMs: Math.round(min * 60_000) });
  const idle = isIdle(timer);
  function submit(e: FormEvent) {
    e.preventDefault();
    const min = Number(custom);
    if (min > 0 && min <= 240) void start(min);
    setCustom('');
  }
  return (
    <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Timer controls">
      {PRESETS.map((m) => (
        <Button
          key={m}
          size="sm"
          variant="ghost"
          onClick={() => start(m)}
          aria-label={`Start ${m} minute timer`}
        >
          {m}m
        </Button>
      ))}
      <form onSubmit={submit} className="flex items-center">
        <input
          aria-label="Custom timer minutes"
          inputMode="decimal"
          placeholder="min"
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
          className="h-7 w-12 rounded-md border border-line-strong bg-surface px-1.5 text-xs focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
        />
      </form>
      <Button
        size="sm"
        variant="ghost"
        aria-keyshortcuts="t"
        onClick={() => session.call(timer.running ? 'timer:pause' : 'timer:resume', {})}
      >
        {timer.running ? 'Pause' : idle ? 'Start' : 'Resume'}
      </Button>
      {!idle && (
        <Button size="sm" variant="ghost" onClick={() => session.call('timer:reset', {})}>
          Reset
        </Button>
      )}
    </div>
  );
}
