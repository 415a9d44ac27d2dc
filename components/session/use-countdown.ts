'use client';

import { useEffect, useState } from 'react';
import type { TimerState } from '@/lib/realtime/events';

/**
 * Milliseconds left on the session timer (negative once over). A running timer counts from
 * `endsAt` on the server clock, corrected by our offset, so every screen shows the same second.
 */
export function useCountdown(timer: TimerState | null | undefined, offset: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  const running = !!timer?.running && timer.endsAt !== null;
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [running]);
  if (!timer || timer.durationMs === 0) return null;
  if (running && timer.endsAt !== null) return timer.endsAt - (now + offset);
  return timer.remainingMs;
}

/** Never started, or reset: full duration left and not running. */
export function isIdle(timer: TimerState): boolean {
  return !timer.running && timer.remainingMs === timer.durationMs;
}

export function formatMs(ms: number): string {
  const over = ms < 0;
  const s = Math.ceil(Math.abs(ms) / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}

/** Calm while there is time, amber in the last minute, red once over. */
export function timerTone(ms: number): 'calm' | 'warn' | 'over' {
  if (ms <= 0) return 'over';
  return ms <= 60_000 ? 'warn' : 'calm';
}
