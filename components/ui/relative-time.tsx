'use client';

import { useNow } from './use-now';

export function formatRelative(at: number, now: number): string {
  const s = Math.round((now - at) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d < 7) return d === 1 ? 'yesterday' : `${d} days ago`;
  return new Date(at).toLocaleDateString();
}

/** "just now" / "2 min ago", with the full local time on hover. */
export function RelativeTime({ at, className }: { at: number; className?: string }) {
  // The shared clock can lag up to one tick behind a note created just now; never show the future.
  const now = Math.max(useNow(), at);
  if (!at) return null;
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()} className={className}>
      {formatRelative(at, now)}
    </time>
  );
}
