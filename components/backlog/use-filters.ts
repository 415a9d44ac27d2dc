'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseFilters, writeFilters, type BoardFilters } from '@/lib/board/filters';

/**
 * The backlog's view and filters live in the query string so a link shows the same view. Like
 * `?story=` (use-story-param.ts) we write history ourselves to keep the `#k=` fragment (the key).
 */
const EVENT = 'shellboard:filters';

function subscribe(l: () => void) {
  window.addEventListener('popstate', l);
  window.addEventListener(EVENT, l);
  window.addEventListener('shellboard:story', l);
  return () => {
    window.removeEventListener('popstate', l);
    window.removeEventListener(EVENT, l);
    window.removeEventListener('shellboard:story', l);
  };
}

const read = () => window.location.search;

export function useFilters(): [BoardFilters, (next: BoardFilters, opts?: { replace?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, read, () => '');
  const filters = useMemo(() => parseFilters(new URLSearchParams(search)), [search]);
  const setFilters = useCallback((next: BoardFilters, opts?: { replace?: boolean }) => {
    const params = writeFilters(new URLSearchParams(window.location.search), next);
    const q = params.toString();
    const href = `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`;
    if (href === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    // Typing a search replaces the entry (Back should not replay every keystroke).
    if (opts?.replace) window.history.replaceState(null, '', href);
    else window.history.pushState(null, '', href);
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return [filters, setFilters];
}
