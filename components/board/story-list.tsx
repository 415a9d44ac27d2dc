'use client';

import { memo, useCallback, useMemo, useState } from 'react';
import { useNoteCountsWhen, useNotesVersion, useReadinessVersion, useStories } from '@/lib/board/hooks';
import { BoardDocView } from '@/lib/board/doc-view';
import { NO_FILTERS, activeFilterCount, filterStories } from '@/lib/board/filters';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { useBoardValues } from '@/components/values/use-values';
import { FilterBar } from '@/components/backlog/filter-bar';
import { SortableList } from '@/components/backlog/sortable-list';
import { useFilters } from '@/components/backlog/use-filters';
import { useReorder } from '@/components/backlog/use-reorder';
import type { CardData } from '@/components/backlog/card-data';
import { useBoard } from './board-context';
import { NewStoryForm } from './new-story-form';
import { LanesView, WsjfPreview } from './lazy-panels';

interface Props {
  composing: boolean;
  setComposing: (open: boolean) => void;
  synced: boolean;
}

/** The backlog in rank order (or in lanes by value stream), filtered by the URL, with the new-story form. */
// Memoised: the sync status changes with every save ack while someone types, and the list needs
// only `synced` from it.
export const StoryList = memo(function StoryList({ composing, setComposing, synced }: Props) {
  const { doc, canEdit, openStoryId, openStory } = useBoard();
  const stories = useStories(doc);
  const values = useBoardValues(doc);
  const [filters, setFilters] = useFilters();
  // Notes matter to the list only while a filter reads them (open questions, search text);
  // otherwise a note arriving re-renders just its card.
  const usedCounts = useNoteCountsWhen(doc, filters.openQuestions);
  const notesV = useNotesVersion(doc, filters.q.trim().length > 0);
  const readyV = useReadinessVersion(doc, filters.ready !== null);
  const [suggesting, setSuggesting] = useState(false);
  const [message, setMessage] = useState('');
  const announce = useCallback((m: string) => setMessage(m), []);
  const move = useReorder(announce);

  const visible = useMemo(() => {
    const view = BoardDocView.of(doc);
    return filterStories(stories, filters, {
      personaIds: new Set(values.personaById.keys()),
      metricIds: new Set(values.metricById.keys()),
      openQuestions: (id) => usedCounts?.get(id)?.openQuestions ?? 0,
      noteText: (id) => view.noteText(id),
      ready: (id) => view.readiness(id)?.ready ?? false,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `notesV`/`readyV` signal note text / readiness changing while filtered
  }, [doc, stories, usedCounts, notesV, readyV, filters, values]);

  // Each field keeps its identity while unchanged (doc-view.ts), so memoised cards skip.
  const cards: CardData[] = useMemo(
    () =>
      visible.map((s) => ({
        story: s,
        active: s.id === openStoryId,
        onOpen: openStory,
        persona: s.personaId ? values.personaById.get(s.personaId) : undefined,
        metric: s.metricId ? values.metricById.get(s.metricId) : undefined,
      })),
    [visible, openStoryId, openStory, values],
  );
  const filtered = activeFilterCount(filters) > 0;

  return (
    <section aria-labelledby="backlog-title" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-3">
        <h2 id="backlog-title" className="text-sm font-semibold text-body">
          Backlog <span className="font-normal text-muted">· {stories.length}</span>
        </h2>
        <div className="flex items-center gap-2">
          {stories.length > 0 && (
            <Button
              size="sm"
              variant={suggesting ? 'secondary' : 'ghost'}
              onClick={() => setSuggesting((o) => !o)}
              aria-expanded={suggesting}
            >
              Suggested order
            </Button>
          )}
          {canEdit && !composing && (
            <Button size="sm" variant="primary" onClick={() => setComposing(true)} aria-keyshortcuts="n">
              <Icon name="plus" className="size-3.5" /> New story
              <kbd className="ml-1 rounded bg-white/20 px-1 font-sans text-[10px]">N</kbd>
            </Button>
          )}
        </div>
      </div>
      {stories.length > 0 && (
        <FilterBar
          filters={filters}
          onChange={setFilters}
          values={values}
          shown={visible.length}
          total={stories.length}
        />
      )}
      {suggesting && <WsjfPreview stories={stories} onClose={() => setSuggesting(false)} />}
      {composing && (
        <NewStoryForm
          onDone={() => {
            setComposing(false);
          }}
        />
      )}
      {stories.length === 0 && !composing && (
        <div className="rounded-xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
          <p className="text-sm font-medium">{synced ? 'No stories yet' : 'Loading the board…'}</p>
          {synced && (
            <p className="mt-1 text-sm text-muted">
              {canEdit
                ? 'Post a shell story: a title and why it matters. The team fills in the rest.'
                : 'Stories will appear here as the team posts them.'}
            </p>
          )}
        </div>
      )}
      {stories.length > 0 && visible.length === 0 && filtered && filters.view === 'list' && (
        <div className="rounded-xl border border-dashed border-zinc-300 px-6 py-8 text-center text-sm dark:border-zinc-700">
          <p className="font-medium">No stories match these filters</p>
          <Button
            size="sm"
            variant="ghost"
            className="mt-2"
            onClick={() => setFilters({ ...NO_FILTERS, view: filters.view })}
          >
            Clear filters
          </Button>
        </div>
      )}
      {filters.view === 'lanes' ? (
        <LanesView cards={cards} streams={values.streams} canEdit={canEdit} move={move} announce={announce} />
      ) : (
        <SortableList cards={cards} canEdit={canEdit} move={move} />
      )}
      <p className="sr-only" aria-live="polite" data-testid="reorder-status">
        {message}
      </p>
    </section>
  );
});
