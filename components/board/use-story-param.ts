'use client';

import { useCallback, useSyncExternalStore } from 'react';

/**
 * The open story lives in `?story=<id>` so a link to it works. We update history ourselves (Next
 * integrates with pushState) because the key in the fragment must be kept on every change.
 */
const EVENT = 'shellboard:story';

function subscribe(l: () => void) {
  window.addEventListener('popstate', l);
  window.addEventListener(EVENT, l);
  return () => {
    window.removeEventListener('popstate', l);
    window.removeEventListener(EVENT, l);
  };
}

const read = () => new URLSearchParams(window.location.search).get('story');

export function useStoryParam(): [string | null, (id: string | null) => void] {
  const story = useSyncExternalStore(subscribe, read, () => null);
  const setStory = useCallback((id: string | null) => {
    if (read() === id) return;
    window.history.pushState(null, '', storyHref(id));
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return [story, setStory];
}

/** Same page, with `?story=` set or removed, keeping the fragment (and so the key). */
export function storyHref(id: string | null): string {
  const params = new URLSearchParams(window.location.search);
  if (id) params.set('story', id);
  else params.delete('story');
  const q = params.toString();
  return `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`;
}
