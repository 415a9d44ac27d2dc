import type { Browser } from 'playwright-core';
import { FLOOR_PAGE } from './browser-probe';
import { keystrokes } from './browser-visit';

/**
 * Keystroke → next frame on a page with nothing but a textarea, timed by the same instrument and
 * cadence as the board's fields: the method's own floor on this machine (the wait for the next
 * frame, the frame itself, a task), measured in the same run as the boards so noise hits both.
 */
export async function keystrokeFloor(browser: Browser, count: number, timeoutMs: number): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent(FLOOR_PAGE);
    await page.getByLabel('floor').click();
    return await keystrokes({ page, label: 'floor', timeoutMs }, count, timeoutMs);
  } finally {
    await context.close();
  }
}
