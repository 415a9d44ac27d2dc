'use client';

import {
  memo,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import type { MetricView, PersonaView, StoryView } from '@/lib/board/types';
import { hasWhy } from '@/lib/board/summary';
import { useStoryCounts } from '@/lib/board/hooks';
import { Icon } from '@/components/ui/icon';
import { cx } from '@/components/ui/cx';
import { StoryPeople } from '@/components/presence/story-people';
import { SinceMark } from '@/components/since/since-mark';
import { useBoard } from './board-context';
import { StatusPill } from './status-pill';
import { WhyMissing } from './why-missing';
import { storyHref } from './use-story-param';
import { StoryValueChips } from '@/components/values/story-value-chips';
import { CardIssue } from '@/components/trackers/issue-link';
import { useTrackerConfig } from '@/components/trackers/tracker-context';
import { ReadinessBadge } from '@/components/readiness/readiness-badge';
import { AskedMarker } from '@/components/notes/asked-marker';

interface Props {
  story: StoryView;
  active: boolean;
  onOpen: (id: string) => void;
  /** resolved persona and metric (undefined = unset, or an id this board does not know) */
  persona?: PersonaView;
  metric?: MetricView;
  /** false in the lanes view, where the lane already names the stream */
  showStream?: boolean;
  /** drag handle shown before the card (people who may edit) */
  handle?: ReactNode;
  /** move buttons shown on hover/focus (people who may edit) */
  controls?: ReactNode;
  /** sortable wiring from dnd-kit */
  itemRef?: Ref<HTMLLIElement>;
  itemStyle?: CSSProperties;
  dragging?: boolean;
  onItemKeyDown?: (e: KeyboardEvent<HTMLLIElement>) => void;
  /** place in a windowed list: 1-based position, the list's length, the virtualizer's row index */
  posInSet?: number;
  setSize?: number;
  dataIndex?: number;
}

/**
 * A story in the backlog: title, why (or its absence), status, discussion counts, who is there.
 * Memoised: the list passes the same story object until that story changes, and the card
 * subscribes to its own counts and presence, so a change elsewhere on the board skips it.
 */
export const StoryCard = memo(function StoryCard({
  story,
  active,
  onOpen,
  persona,
  metric,
  showStream = true,
  handle,
  controls,
  itemRef,
  itemStyle,
  dragging,
  onItemKeyDown,
  posInSet,
  setSize,
  dataIndex,
}: Props) {
  const counts = useStoryCounts(useBoard().doc, story.id);
  const notes = counts.notes;
  const open = counts.openQuestions;
  // The issue line sits outside the card's link (a link may not hold another link).
  const issueLine = !!useTrackerConfig() && story.formalVersion !== null;
  function click(e: MouseEvent<HTMLAnchorElement>) {
    // Plain click opens the panel in place; modified clicks keep the browser's new-tab behaviour.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onOpen(story.id);
  }
  return (
    <li
      data-testid="story-card"
      data-story-id={story.id}
      ref={itemRef}
      style={itemStyle}
      onKeyDown={onItemKeyDown}
      aria-posinset={posInSet}
      aria-setsize={setSize}
      data-index={dataIndex}
      className={cx('group relative flex items-stretch gap-1', dragging && 'z-10 opacity-80')}
    >
      {handle}
      <div
        className={cx(
          'min-w-0 flex-1 rounded-xl border bg-surface shadow-xs transition-colors',
          dragging && 'shadow-lg',
          active
            ? 'border-indigo-300 ring-1 ring-indigo-300 dark:border-indigo-700 dark:ring-indigo-700'
            : 'border-line hover:border-zinc-300 dark:hover:border-zinc-700',
        )}
      >
        <a
          href={typeof window === 'undefined' ? `?story=${story.id}` : storyHref(story.id)}
          onClick={click}
          aria-current={active ? 'true' : undefined}
          className="block rounded-xl px-4 py-3.5"
        >
          <div className="flex items-start justify-between gap-3">
            <h3 className="min-w-0 text-[15px] leading-6 font-medium break-words text-zinc-900 dark:text-zinc-50">
              {story.title || <span className="text-muted italic">Untitled story</span>}
            </h3>
            <SinceMark storyId={story.id} />
            <StoryPeople storyId={story.id} />
          </div>
          {hasWhy(story) ? (
            <p className="mt-1 line-clamp-2 text-sm leading-6 break-words whitespace-pre-line text-secondary">
              {story.why}
            </p>
          ) : (
            <div className="mt-1.5">
              <WhyMissing />
            </div>
          )}
          <div className="mt-3 flex flex-wrap items-center gap-3 text-xs text-muted">
            <StatusPill status={story.status} />
            <ReadinessBadge storyId={story.id} />
            {story.formalVersion !== null && (
              <span data-testid="promoted" className="font-medium text-emerald-700 dark:text-emerald-400">
                Formal v{story.formalVersion}
              </span>
            )}
            {story.estimate && (
              <span
                data-testid="estimate"
                title="Estimate"
                className="rounded-md bg-indigo-50 px-1.5 py-0.5 font-mono font-semibold text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
              >
                <span className="sr-only">Estimate </span>
                {story.estimate}
              </span>
            )}
            <span className="inline-flex items-center gap-1" data-testid="note-count">
              <Icon name="message" className="size-3.5" />
              {notes} {notes === 1 ? 'note' : 'notes'}
            </span>
            <StoryValueChips story={story} persona={persona} metric={metric} showStream={showStream} />
            {open > 0 && (
              <span
                className="inline-flex items-center gap-1 font-medium text-amber-700 dark:text-amber-400"
                data-testid="open-questions"
              >
                <Icon name="question" className="size-3.5" />
                {open} open {open === 1 ? 'question' : 'questions'}
              </span>
            )}
            {open > 0 && <AskedMarker storyId={story.id} />}
          </div>
        </a>
        {issueLine && (
          <div className="-mt-2 px-4 pb-2.5">
            <CardIssue storyId={story.id} version={story.formalVersion!} />
          </div>
        )}
      </div>
      {controls}
    </li>
  );
});
