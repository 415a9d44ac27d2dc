'use client';

import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Where a list starts on the page (the page scrolls as a whole, so the window virtualizer needs
 * the list's offset as its scrollMargin). Read once on mount, then whenever the page's size changes
 * (panels, forms and bars above the list opening and closing change it) — not after every commit:
 * reading a position right after React's DOM writes forces a layout, and a title keystroke in the
 * open story commits the list each time (the profile of that step showed it as the top JS cost).
 */
export function useListTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const t = Math.round(el.getBoundingClientRect().top + window.scrollY);
    setTop((prev) => (prev === t ? prev : t));
  }, [ref]);
  useLayoutEffect(measure, [measure]);
  useEffect(() => {
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [measure]);
  return top;
}

/** The same array while the order is the same, so the virtualizer keeps its measurements. */
export function useStableIds(ids: readonly string[]): readonly string[] {
  const [held, setHeld] = useState(ids);
  const same = held.length === ids.length && held.every((id, i) => id === ids[i]);
  if (!same) setHeld(ids); // React's documented "adjust state during render" pattern
  return same ? held : ids;
}

/** Rendered rows by story id: where each started on the page (document y) at the last commit. */
export type RowStarts = Map<string, number>;

/**
 * After the order changed under the person (a collaborator's move), scroll by however far the
 * first card at the top of the viewport moved, so what they were reading stays put — what a
 * browser's scroll anchoring does for a plain list, which absolutely placed rows do not get.
 * Not while the list's top is on screen (browsers do not anchor at the top either), and never
 * anchored on the cards in `skip` (the one the person is moving themselves).
 */
export function keepAnchor(
  before: RowStarts,
  listTop: number,
  startOf: (id: string) => number | undefined,
  skip: ReadonlySet<string>,
) {
  const y = window.scrollY;
  if (y <= listTop) return;
  let anchor: string | null = null;
  let at = Infinity;
  for (const [id, start] of before) {
    if (start >= y && start < at && !skip.has(id) && startOf(id) !== undefined) {
      anchor = id;
      at = start;
    }
  }
  if (anchor === null) return;
  const now = startOf(anchor)!;
  if (Math.abs(now - at) < 1) return;
  window.scrollTo({ top: y + now - at, behavior: 'instant' });
}

/** The whole card is on screen (or, for a card taller than the screen, it fills it). */
export function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const h = window.innerHeight;
  return (r.top >= -1 && r.bottom <= h + 1) || (r.height > h && r.top < h && r.bottom > 0);
}
