/**
 * When the post list was painted, read from the page's own clock.
 *
 * "Painted" is the first animation frame after the first row was in the document, as wall time,
 * so it counts from when the bench asked for the load (the previous page's unload included).
 * Playwright's waitForSelector polls at growing intervals (up to 500 ms apart): its answer says
 * when it looked, not when the list showed, so the benches print it only beside this one.
 */
import type { Page } from 'playwright-core';

/** Makes every later load of `page` note when its list was painted. */
export async function markListPaint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __pwListPainted?: number };
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.post-row')) return;
      seen.disconnect();
      requestAnimationFrame(() => (w.__pwListPainted = performance.timeOrigin + performance.now()));
    });
    seen.observe(document, { childList: true, subtree: true });
  });
}

/** Milliseconds from `startedAt` (wall time, `performance.timeOrigin + performance.now()`) to the list's paint. */
export async function listPaintedAfter(page: Page, startedAt: number): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __pwListPainted?: number }).__pwListPainted !== undefined);
  return (await page.evaluate(() => (window as unknown as { __pwListPainted: number }).__pwListPainted)) - startedAt;
}
