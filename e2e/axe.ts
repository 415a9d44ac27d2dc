import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Serious and critical axe violations on the page as it is now, as readable lines. Colour
 * transitions are jumped to their end first: what a person reads is the settled colour, and a
 * button fading in from its disabled colour would otherwise be measured at its first frame. A page
 * in a context that is not painting can hold a transition at time 0 indefinitely, so waiting for it
 * is not enough; forcing layout first makes sure the transitions of the latest render exist at all.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    void document.documentElement.getBoundingClientRect();
    for (const a of document.getAnimations()) {
      try {
        a.finish();
      } catch {
        // an infinite animation (a spinner) cannot finish; it carries no text colour we measure
      }
    }
  });
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`,
    );
}
