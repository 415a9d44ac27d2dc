'use client';

import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  type CSSProperties,
  type FocusEvent,
  type ReactNode,
} from 'react';
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { cx } from '@/components/ui/cx';
import { focusInCard, type FocusTarget } from './focus-target';
import { inView, keepAnchor, useListTop, useStableIds, type RowStarts } from './window-place';

/** What a rendered card needs to sit in the window: spread on its `<li>`. */
export interface Row {
  index: number;
  /** the virtualizer measures the card through this (with `data-index`) */
  measureRef: (el: HTMLLIElement | null) => void;
  /** absolute place in the list; a drag's transform goes on top of it */
  style: CSSProperties;
  posInSet: number;
  setSize: number;
}

interface Props {
  ids: readonly string[];
  label: string;
  /** px between cards (the list's gap-2.5 / a lane's gap-2) */
  gap: number;
  /** stories kept mounted wherever they are: the card being dragged */
  keep?: readonly (string | null)[];
  /** the story open in the panel: it and its neighbours stay mounted, so j/k find the next card */
  openId?: string | null;
  focus?: FocusTarget;
  className?: string;
  renderRow: (id: string, row: Row) => ReactNode;
}

/** A card before it is measured: a title, two lines of why, a row of chips. */
const ESTIMATE = 140;
/** Cards rendered beyond each edge of the screen, so fast scrolling shows no blanks. */
const OVERSCAN = 8;
/** Frames to wait for a moved card to be rendered on screen before focusing it anyway. */
const SETTLE_FRAMES = 40;

/**
 * An `<ol>` of cards in which only those near the screen are rendered (the page scrolls as a
 * whole, so it is windowed against the window). Also mounted, wherever they are: the card with
 * keyboard focus, the ones in `keep`, and the open story with its neighbours. Rows are placed
 * absolutely in list order, so the DOM order (tab order, reading order, j/k) stays the list's.
 */
export function WindowedList({ ids, label, gap, keep = [], openId, focus, className, renderRow }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const stable = useStableIds(ids);
  const indexOf = useMemo(() => new Map(stable.map((id, i) => [id, i])), [stable]);
  const top = useListTop(list);
  // The card holding focus; left set when focus merely drops (a DOM move, the window blurring).
  const focused = useRef<string | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const rangeExtractor = (range: Range) => {
    const out = new Set(defaultRangeExtractor(range));
    for (const id of [...keep, focused.current]) {
      const i = id ? indexOf.get(id) : undefined;
      if (i !== undefined) out.add(i);
    }
    const open = openId ? indexOf.get(openId) : undefined;
    if (open !== undefined)
      for (const i of [open - 1, open, open + 1]) if (i >= 0 && i < range.count) out.add(i);
    return [...out].sort((a, b) => a - b);
  };
  const getItemKey = useCallback((i: number) => stable[i] ?? i, [stable]);
  const v = useWindowVirtualizer<HTMLLIElement>({
    count: stable.length,
    estimateSize: () => ESTIMATE,
    overscan: OVERSCAN,
    gap,
    scrollMargin: top,
    getItemKey,
    rangeExtractor,
    initialRect:
      typeof window === 'undefined' ? undefined : { width: window.innerWidth, height: window.innerHeight },
  });
  const items = v.getVirtualItems();

  // Keep the person's place when the order changes under them; remember where rows are for next time.
  const last = useRef<{ ids: readonly string[]; starts: RowStarts } | null>(null);
  const latest = useRef({ indexOf, v });
  useLayoutEffect(() => {
    latest.current = { indexOf, v };
    const before = last.current;
    if (before && before.ids !== stable) {
      const pinned = new Set([...keep, focused.current].filter((id): id is string => !!id));
      keepAnchor(
        before.starts,
        v.options.scrollMargin,
        (id) => {
          const i = indexOf.get(id);
          return i === undefined ? undefined : v.measurementsCache[i]?.start;
        },
        pinned,
      );
    }
    last.current = { ids: stable, starts: new Map(items.map((it) => [String(it.key), it.start])) };
  });

  // A keyboard/button move asked for a card: if it is in this list, scroll to it, then focus it.
  useEffect(() => {
    if (!focus) return;
    const settle = (req: NonNullable<FocusTarget['request']>, frame: number) =>
      requestAnimationFrame(() => {
        const { indexOf, v } = latest.current;
        const i = indexOf.get(req.id);
        if (focus.request !== req || i === undefined) return;
        const card = list.current?.querySelector<HTMLElement>(`[data-story-id="${CSS.escape(req.id)}"]`);
        const seen = !!card && inView(card);
        if (card && (seen || frame >= SETTLE_FRAMES)) {
          focusInCard(card, req.control, seen);
          focus.done(req.id);
          return;
        }
        // Sizes measured on the way can move the target: aim again now and then.
        if (frame % 4 === 3) v.scrollToIndex(i, { align: 'auto' });
        if (frame < SETTLE_FRAMES) settle(req, frame + 1);
      });
    return focus.listen(() => {
      const req = focus.request;
      const { indexOf, v } = latest.current;
      const i = req ? indexOf.get(req.id) : undefined;
      if (!req || i === undefined) return;
      focused.current = req.id;
      rerender();
      v.scrollToIndex(i, { align: 'auto' });
      settle(req, 0);
    });
  }, [focus]);

  function onFocus(e: FocusEvent<HTMLOListElement>) {
    const card = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-story-id]') : null;
    focused.current = card?.dataset.storyId ?? null;
  }
  function onBlur(e: FocusEvent<HTMLOListElement>) {
    const to = e.relatedTarget;
    if (to instanceof Node && !list.current?.contains(to)) focused.current = null;
  }

  const margin = v.options.scrollMargin;
  return (
    <ol
      ref={list}
      aria-label={label}
      className={cx('relative', className)}
      // Rows move by `top`: the browser's own scroll anchoring would fight keepAnchor.
      style={{ height: v.getTotalSize(), overflowAnchor: 'none' }}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {items.map((it) =>
        renderRow(stable[it.index]!, {
          index: it.index,
          measureRef: v.measureElement,
          style: { position: 'absolute', top: it.start - margin, left: 0, width: '100%' },
          posInSet: it.index + 1,
          setSize: stable.length,
        }),
      )}
    </ol>
  );
}
