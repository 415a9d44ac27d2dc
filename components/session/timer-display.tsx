'use client';

import type { TimerState } from '@/lib/realtime/events';
import { cx } from '@/components/ui/cx';
import { formatMs, isIdle, timerTone, useCountdown } from './use-countdown';

const tones = {
  calm: 'text-zinc-800 dark:text-zinc-100',
  warn: 'text-amber-600 dark:text-amber-400',
  over: 'text-red-600 dark:text-red-400',
} as const;

/** The timebox as mm:ss; `className` sets the size (small in the dock, huge on the TV). */
export function TimerDisplay({
  timer,
  offset,
  className,
  hideIdle = false,
}: {
  timer: TimerState | null | undefined;
  offset: number;
  className?: string;
  /** the shared screen shows no clock until the facilitator starts one */
  hideIdle?: boolean;
}) {
  const ms = useCountdown(timer, offset);
  if (ms === null || !timer || (hideIdle && isIdle(timer))) return null;
  const state = timer.running ? '' : isIdle(timer) ? 'ready' : 'paused';
  const tone = timerTone(ms);
  return (
    <span
      data-testid="session-timer"
      data-tone={tone}
      role="timer"
      aria-label={`Timer ${ms < 0 ? 'over by' : ''} ${formatMs(ms)}${state ? `, ${state}` : ''}`}
      className={cx('font-mono font-semibold tabular-nums', tones[tone], className)}
    >
      {formatMs(ms)}
      {state && <span className="ml-1 text-[0.6em] font-normal text-muted">{state}</span>}
    </span>
  );
}
