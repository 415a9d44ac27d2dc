'use client';

import {
  NONE,
  NO_FILTERS,
  SEARCH_MAX,
  activeFilterCount,
  type BoardFilters,
  type ReadyFilter,
} from '@/lib/board/filters';
import { STORY_STATUSES, type StoryStatus } from '@/lib/board/types';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { STATUS_LABEL } from '@/components/board/status-pill';
import { metricLabel, type BoardValues } from '@/components/values/use-values';

interface Props {
  filters: BoardFilters;
  onChange: (next: BoardFilters, opts?: { replace?: boolean }) => void;
  values: BoardValues;
  shown: number;
  total: number;
}

const selectClass =
  'h-8 max-w-44 rounded-md border border-line-strong bg-surface px-2 text-xs text-zinc-800 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100';

/** View switch, search, and filters over the backlog. Everything here is mirrored in the URL. */
export function FilterBar({ filters, onChange, values, shown, total }: Props) {
  const set = (patch: Partial<BoardFilters>, replace = false) =>
    onChange({ ...filters, ...patch }, { replace });
  const active = activeFilterCount(filters);
  const { personas, metrics, streams } = values;
  return (
    <div role="search" aria-label="Filter stories" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <div
          role="radiogroup"
          aria-label="View"
          className="inline-flex rounded-lg bg-subtle p-0.5"
          onKeyDown={(e) => {
            // Radio-group keys: arrows switch the view and move focus with it (one tab stop).
            if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
            e.preventDefault();
            const next = filters.view === 'list' ? 'lanes' : 'list';
            set({ view: next });
            e.currentTarget.querySelector<HTMLButtonElement>(`[data-view="${next}"]`)?.focus();
          }}
        >
          {(['list', 'lanes'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="radio"
              data-view={v}
              aria-checked={filters.view === v}
              tabIndex={filters.view === v ? 0 : -1}
              onClick={() => set({ view: v })}
              className={cx(
                'h-7 rounded-md px-3 text-xs font-medium focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500',
                filters.view === v
                  ? 'bg-field text-zinc-900 shadow-xs dark:text-zinc-50'
                  : 'text-secondary hover:text-zinc-900 dark:hover:text-zinc-100',
              )}
            >
              {v === 'list' ? 'List' : 'Lanes'}
            </button>
          ))}
        </div>
        <label htmlFor="board-search" className="sr-only">
          Search stories
        </label>
        <input
          id="board-search"
          type="search"
          aria-keyshortcuts="/"
          value={filters.q}
          maxLength={SEARCH_MAX}
          placeholder="Search title, why, notes…  /"
          onChange={(e) => set({ q: e.target.value }, true)}
          className="h-8 min-w-40 flex-1 rounded-md border border-line-strong bg-surface px-2.5 text-sm placeholder:text-zinc-400 focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-500 dark:placeholder:text-zinc-500"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-secondary">
        <select
          aria-label="Filter by persona"
          className={selectClass}
          value={filters.persona ?? ''}
          onChange={(e) => set({ persona: e.target.value || null })}
        >
          <option value="">Any persona</option>
          <option value={NONE}>No persona</option>
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.archived ? `${p.name} (archived)` : p.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by metric"
          className={selectClass}
          value={filters.metric ?? ''}
          onChange={(e) => set({ metric: e.target.value || null })}
        >
          <option value="">Any metric</option>
          <option value={NONE}>No metric</option>
          {metrics.map((m) => (
            <option key={m.id} value={m.id}>
              {m.archived ? `${metricLabel(m)} (archived)` : metricLabel(m)}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by status"
          className={selectClass}
          value={filters.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || null) as StoryStatus | null })}
        >
          <option value="">Any status</option>
          {STORY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by value stream"
          className={selectClass}
          value={filters.stream ?? ''}
          onChange={(e) => set({ stream: e.target.value || null })}
        >
          <option value="">Any stream</option>
          <option value={NONE}>No stream</option>
          {streams.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          {filters.stream !== null && filters.stream !== NONE && !streams.includes(filters.stream) && (
            <option value={filters.stream}>{filters.stream}</option>
          )}
        </select>
        <select
          aria-label="Filter by readiness"
          className={selectClass}
          value={filters.ready ?? ''}
          onChange={(e) => set({ ready: (e.target.value || null) as ReadyFilter | null })}
        >
          <option value="">Ready or not</option>
          <option value="ready">Ready</option>
          <option value="not-ready">Not ready</option>
        </select>
        <Toggle label="Why missing" checked={filters.whyMissing} onChange={(v) => set({ whyMissing: v })} />
        <Toggle
          label="Open questions"
          checked={filters.openQuestions}
          onChange={(v) => set({ openQuestions: v })}
        />
        {active > 0 && (
          <>
            <span data-testid="filter-count" aria-live="polite" className="ml-auto">
              {shown} of {total} stories
            </span>
            <Button size="sm" variant="ghost" onClick={() => onChange({ ...NO_FILTERS, view: filters.view })}>
              Clear filters ({active})
            </Button>
          </>
        )}
      </div>
    </div>
  );
}

function Toggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label
      className={cx(
        'inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md border px-2 focus-within:outline-2 focus-within:outline-indigo-500',
        checked
          ? 'border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-200'
          : 'border-line-strong',
      )}
    >
      <input
        type="checkbox"
        className="size-3.5 accent-indigo-600"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
