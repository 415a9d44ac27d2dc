'use client';

import { useSyncExternalStore } from 'react';
import { cx } from '@/components/ui/cx';
import { THEMES, THEME_EVENT, THEME_KEY, type Theme } from './theme-script';

function read(): Theme {
  try {
    return THEMES.find((t) => t === localStorage.getItem(THEME_KEY)) ?? 'system';
  } catch {
    return 'system';
  }
}

function subscribe(l: () => void) {
  window.addEventListener(THEME_EVENT, l);
  window.addEventListener('storage', l);
  return () => {
    window.removeEventListener(THEME_EVENT, l);
    window.removeEventListener('storage', l);
  };
}

function choose(theme: Theme) {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    // storage blocked: the choice lasts only until the event below is handled
  }
  // The inline head script listens for this and re-applies the class.
  window.dispatchEvent(new Event(THEME_EVENT));
}

const LABEL: Record<Theme, { text: string; icon: string }> = {
  system: { text: 'System', icon: '◐' },
  light: { text: 'Light', icon: '☀' },
  dark: { text: 'Dark', icon: '☾' },
};

/** System / Light / Dark, remembered in this browser: three pressed-state buttons in a group. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, read, () => 'system' as Theme);
  return (
    <div
      role="group"
      aria-label="Theme"
      className="flex items-center rounded-md border border-line-strong p-0.5"
    >
      {THEMES.map((t) => (
        <button
          key={t}
          type="button"
          aria-pressed={theme === t}
          title={`${LABEL[t].text} theme`}
          onClick={() => choose(t)}
          className={cx(
            'grid h-6 min-w-6 place-items-center rounded px-1 text-xs transition-colors',
            theme === t
              ? 'bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-50'
              : 'text-secondary hover:bg-subtle',
          )}
        >
          <span aria-hidden="true">{LABEL[t].icon}</span>
          <span className="sr-only">{LABEL[t].text}</span>
        </button>
      ))}
    </div>
  );
}
