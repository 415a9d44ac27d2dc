/**
 * Dark mode: "system" (the default) follows the OS; "light"/"dark" are remembered per browser.
 * The choice is applied as a `dark` class on <html> by an inline script in <head>, before the
 * first paint, so a dark page never flashes white. The same script keeps following the OS while
 * the choice is "system". Tailwind's `dark:` variant keys off that class (app/globals.css).
 */

export const THEME_KEY = 'shellboard:theme';
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** dispatched on window after the choice changes, so the script's OS listener re-reads it */
export const THEME_EVENT = 'shellboard:theme';

/** Runs inline in <head> (stringified: no imports, no closures over module scope). */
function applyTheme(key: string, event: string) {
  const mq = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    let choice: string | null = null;
    try {
      choice = localStorage.getItem(key);
    } catch {
      // storage blocked: follow the system
    }
    const dark = choice === 'dark' || (choice !== 'light' && mq.matches);
    const root = document.documentElement;
    root.classList.toggle('dark', dark);
    root.style.colorScheme = dark ? 'dark' : 'light';
  };
  apply();
  mq.addEventListener('change', apply);
  window.addEventListener(event, apply);
  window.addEventListener('storage', (e) => {
    if (e.key === key) apply();
  });
}

export const THEME_SCRIPT = `(${applyTheme.toString()})(${JSON.stringify(THEME_KEY)},${JSON.stringify(THEME_EVENT)})`;
