/**
 * The app in Debian's Chromium against web mode on a site: what every end-to-end test starts with.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startWeb, type WebHarness } from './service-harness';

/** A new page on the app, once the post list is there. */
export async function openAppPage(browser: Browser, web: WebHarness, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1300, height } });
  await page.goto(web.host.openUrl);
  await page.getByRole('listbox', { name: 'Posts' }).waitFor();
  return page;
}

/** Web mode on `site`, a Chromium, and a page on the app. */
export async function openAppInChromium(site: string, height = 900): Promise<{ web: WebHarness; browser: Browser; page: Page }> {
  const web = await startWeb(site);
  const browser = await launchChromium();
  return { web, browser, page: await openAppPage(browser, web, height) };
}
