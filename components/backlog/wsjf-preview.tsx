'use client';

import { useMemo, useState } from 'react';
import { applyRanks } from '@/lib/board/ops';
import type { StoryView } from '@/lib/board/types';
import { formatScore, suggestOrder } from '@/lib/board/wsjf';
import { useBoard } from '@/components/board/board-context';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';

/**
 * Preview of the WSJF-style order (value ÷ effort) over the whole backlog. Nothing changes until
 * the PO applies it, which writes the few rank keys needed in one transaction. Stories without
 * value or effort keep their places and are listed so someone can score them.
 */
export function WsjfPreview({ stories, onClose }: { stories: readonly StoryView[]; onClose: () => void }) {
  const { doc, canEdit, origin, openStory } = useBoard();
  const suggestion = useMemo(() => suggestOrder(stories), [stories]);
  const [applied, setApplied] = useState<number | null>(null);
  const position = useMemo(() => new Map(stories.map((s, i) => [s.id, i + 1])), [stories]);
  const newPosition = new Map(suggestion.order.map((s, i) => [s.id, i + 1]));
  const { ranked, unscored, writes, moved } = suggestion;

  function apply() {
    applyRanks(doc, writes, origin);
    setApplied(moved.size);
  }

  return (
    <Panel
      titleId="wsjf-title"
      title="Suggested order"
      description="Value ÷ effort, highest first (ties: higher value, then current order). Unscored stories keep their places."
      onClose={onClose}
      closeLabel="Close suggested order"
      level={3}
      tone="accent"
      className="flex flex-col gap-3"
      testId="wsjf-preview"
    >
      {ranked.length === 0 ? (
        <p className="text-sm text-secondary">
          No story has both value and effort yet. Score stories in their Value section.
        </p>
      ) : (
        <ol className="flex flex-col gap-1 text-sm" aria-label="Suggested order">
          {ranked.map((r) => {
            const from = position.get(r.story.id)!;
            const to = newPosition.get(r.story.id)!;
            return (
              <li key={r.story.id} data-testid="wsjf-row" className="flex items-baseline gap-2">
                <span className="w-6 shrink-0 text-right font-mono text-xs text-zinc-500">{to}.</span>
                <span className="min-w-0 flex-1 truncate">{r.story.title || 'Untitled story'}</span>
                <span className="shrink-0 font-mono text-xs text-secondary">
                  {r.value} ÷ {r.effort} = {formatScore(r.score)}
                </span>
                <span className="w-16 shrink-0 text-right text-xs text-muted">
                  {from === to ? 'stays' : from > to ? `↑ from ${from}` : `↓ from ${from}`}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {unscored.length > 0 && (
        <div data-testid="wsjf-unscored">
          <h4 className="text-xs font-semibold text-amber-800 dark:text-amber-300">
            Missing value or effort · {unscored.length}
          </h4>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {unscored.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  onClick={() => openStory(s.id)}
                  className="rounded-md border border-amber-200 bg-surface px-2 py-0.5 text-xs hover:bg-amber-50 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-amber-900 dark:hover:bg-amber-950/40"
                >
                  {s.title || 'Untitled story'}
                  <span className="text-muted">
                    {' '}
                    ·{' '}
                    {s.value === null && s.effort === null
                      ? 'value, effort'
                      : s.value === null
                        ? 'value'
                        : 'effort'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        {canEdit && (
          <Button size="sm" variant="primary" onClick={apply} disabled={writes.length === 0}>
            Apply suggested order
          </Button>
        )}
        <p className="text-xs text-secondary" aria-live="polite" data-testid="wsjf-status">
          {writes.length === 0
            ? applied !== null
              ? `Applied: ${applied} ${applied === 1 ? 'story' : 'stories'} moved.`
              : ranked.length > 0
                ? 'The backlog already follows this order.'
                : ''
            : `${moved.size} ${moved.size === 1 ? 'story moves' : 'stories move'}.`}
        </p>
      </div>
    </Panel>
  );
}
