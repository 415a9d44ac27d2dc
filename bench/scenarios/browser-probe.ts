/**
 * The in-page instrument of the browser scenario, installed with `context.addInitScript` before the
 * board's own scripts. Plain JavaScript in a string on purpose: tsx/esbuild would wrap a serialised
 * TypeScript function in helpers (`__name`) that do not exist in the page.
 *
 * It only uses the selectors a person's view is made of (data-testids and ARIA labels), never a count
 * of all cards, so it keeps working when the backlog becomes windowed.
 *
 * `window.__bench`:
 * - `firstCard` / `connected`: performance.now() (ms since navigation start) when the first story card
 *   is on screen and when the status first reads "Connected…";
 * - `watch(token, fromKey)`: records `found` when a story card containing `token` is on screen —
 *   from the next keydown (`fromKey`) or from now; `scrollToEnd()` scrolls the backlog's scroller down
 *   every frame until that happens;
 * - `watchNotes()`: `notes[token] = Date.now()` when a note containing `bnote-…` shows in the panel;
 * - `armKeys()` / `keys`: per keydown (capture), performance.now() − event.timeStamp after the next
 *   frame (rAF, then a task, so the frame has been produced).
 */
/**
 * The keystroke instrument alone (`B` is the page's `window.__bench`): per keydown, performance.now()
 * − event.timeStamp after the next frame. Shared by the board's probe and the bare-page floor
 * (browser-floor.ts), so both are measured the same way.
 */
const KEY_PROBE = String.raw`
  addEventListener('keydown', (e) => {
    const keys = B.keys;
    if (!keys) return;
    const ts = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => keys.push(performance.now() - ts), 0));
  }, true);
  B.armKeys = () => { B.keys = []; };`;

/** A page with one textarea and the keystroke instrument: what "keystroke → next frame" costs with no app. */
export const FLOOR_PAGE = String.raw`<!doctype html><meta charset="utf-8"><title>floor</title>
<textarea aria-label="floor" rows="4" cols="60"></textarea>
<script>(() => { const B = { keys: null }; window.__bench = B; ${KEY_PROBE} })();</script>`;

export const PROBE_SCRIPT = String.raw`(() => {
  if (!location.pathname.startsWith('/b/')) return;
  const B = {
    firstCard: null, connected: null, w: null, notes: null, keys: null,
  };
  window.__bench = B;
  const CARD = '[data-testid="story-card"]';
  // On screen: it has layout and the topmost element at a point of its visible part is inside it.
  const onScreen = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const x0 = Math.max(r.left, 0), x1 = Math.min(r.right, innerWidth);
    const y0 = Math.max(r.top, 0), y1 = Math.min(r.bottom, innerHeight);
    if (x1 <= x0 || y1 <= y0) return false;
    const hit = document.elementFromPoint((x0 + x1) / 2, (y0 + y1) / 2);
    return !!hit && el.contains(hit);
  };
  const findCard = (token) => {
    const cards = document.querySelectorAll(CARD);
    // The late story is last in rank: search from the end.
    for (let i = cards.length - 1; i >= 0; i--) {
      const c = cards[i];
      if ((c.textContent || '').includes(token)) return onScreen(c) ? c : null;
    }
    return null;
  };
  const check = () => {
    if (B.firstCard === null) {
      const c = document.querySelector(CARD);
      if (c && onScreen(c)) B.firstCard = performance.now();
    }
    if (B.connected === null) {
      const s = document.querySelector('[data-testid="connection-status"]');
      if (s && (s.textContent || '').trim().startsWith('Connected')) B.connected = performance.now();
    }
    const w = B.w;
    if (w && w.start !== null && w.found === null && findCard(w.token)) w.found = performance.now();
    if (B.notes) {
      const panel = document.querySelector('[data-testid="story-panel"]');
      if (panel) {
        for (const n of panel.querySelectorAll('[data-testid="note"]')) {
          const m = (n.textContent || '').match(/bnote-[0-9a-z]+/);
          if (m && !(m[0] in B.notes)) B.notes[m[0]] = Date.now();
        }
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  // Scrolling and layout change what is on screen without a DOM mutation: also check every frame
  // while a watch is open.
  const frame = (w) => {
    if (B.w !== w || w.found !== null) return;
    if (w.scroller) w.scroller.scrollTop = w.scroller.scrollHeight;
    check();
    requestAnimationFrame(() => frame(w));
  };
  B.watch = (token, fromKey) => {
    const w = { token, start: fromKey ? null : performance.now(), found: null, scroller: null };
    B.w = w;
    requestAnimationFrame(() => frame(w));
  };
  B.unwatch = () => { B.w = null; };
  B.elapsed = () => (B.w && B.w.found !== null ? B.w.found - B.w.start : null);
  // The nearest scrolling ancestor of a card, else the page.
  B.scrollToEnd = (token) => {
    let el = document.querySelector(CARD);
    let scroller = document.scrollingElement;
    for (el = el && el.parentElement; el; el = el.parentElement) {
      const o = getComputedStyle(el).overflowY;
      if ((o === 'auto' || o === 'scroll') && el.scrollHeight > el.clientHeight) { scroller = el; break; }
    }
    B.watch(token, false);
    B.w.scroller = scroller;
    B.scroller = scroller;
  };
  B.scrollToTop = () => { if (B.scroller) B.scroller.scrollTop = 0; };
  B.watchNotes = () => { B.notes = {}; check(); };
  addEventListener('keydown', (e) => {
    const w = B.w;
    if (w && w.start === null) w.start = e.timeStamp;
  }, true);
  ${KEY_PROBE}
})();`;
