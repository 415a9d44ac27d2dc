'use client';

import { describeSummary } from '@/lib/board/since';
import { Button } from '@/components/ui/button';
import { useSince } from './since-context';

/** "Since you left: 2 new stories, 5 notes, 1 promoted" — quiet, and gone once dismissed. */
export function SinceBar() {
  const { arrival, dismiss } = useSince();
  if (!arrival) return null;
  const text = describeSummary(arrival.summary);
  if (!text) return null;
  return (
    <section
      aria-label="Since you left"
      data-testid="since-bar"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-100"
    >
      <span className="size-2 shrink-0 rounded-full bg-indigo-500" aria-hidden="true" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">Since you left:</span> {text}.{' '}
        <span className="text-indigo-700 dark:text-indigo-300">Marked stories clear when you open them.</span>
      </p>
      <Button size="sm" variant="ghost" onClick={dismiss}>
        Mark all as seen
      </Button>
    </section>
  );
}
