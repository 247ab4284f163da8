/**
 * The app in Debian's Chromium on a site, over either transport: web mode (HTTP host on 127.0.0.1)
 * or the desktop path (the main bundle under the stand-in Electron, IPC through the real preload).
 * What every end-to-end test starts with.
 */
import type { Browser, Page } from 'playwright-core';
import { it } from 'vitest';
import { launchChromium } from './chromium';
import { startDesktop, type DesktopApp } from './desktop-harness';
import { startWeb, type WebHarness } from './service-harness';

export type TransportName = 'web' | 'desktop';
export const TRANSPORTS: readonly TransportName[] = ['web', 'desktop'];

/** Declares the same journeys once per transport; name them with `[${transport}]`. */
export function forEachTransport(body: (transport: TransportName) => void, transports: readonly TransportName[] = TRANSPORTS): void {
  for (const transport of transports) body(transport);
}

/**
 * `it` for a journey that exists on one transport only (the web token, the native menu): on the
 * other transport the test is not registered at all, so no "skipped" is counted without a reason.
 */
export function itOn(current: TransportName, only: TransportName): typeof it {
  return current === only ? it : ((() => undefined) as unknown as typeof it);
}

/** What a test holds on to: close it at the end; `reopen` is the app started again after a crash. */
export interface AppHarness {
  transport: TransportName;
  /** The web host (web mode only). */
  host?: WebHarness['host'];
  web?: WebHarness;
  desktop?: DesktopApp;
  reopen(height?: number): Promise<Page>;
  close(): Promise<void>;
}

/** A new page on the web app, once the post list is there. */
export async function openAppPage(browser: Browser, web: WebHarness, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1300, height } });
  await page.goto(web.host.openUrl);
  await page.getByRole('listbox', { name: 'Posts' }).waitFor();
  return page;
}

async function openWeb(site: string, height: number): Promise<{ web: WebHarness & AppHarness; browser: Browser; page: Page }> {
  const harness = await startWeb(site);
  const browser = await launchChromium();
  const page = await openAppPage(browser, harness, height);
  const extra = { transport: 'web' as const, web: harness, reopen: (h = height) => openAppPage(browser, harness, h) };
  return { web: Object.assign(harness, extra), browser, page };
}

async function openDesktop(site: string, height: number): Promise<{ web: AppHarness; browser: Browser; page: Page }> {
  let app = await startDesktop({ site, height });
  const browser = app.browser;
  await app.page.getByRole('listbox', { name: 'Posts' }).waitFor();
  const web: AppHarness = {
    transport: 'desktop',
    get desktop() {
      return app;
    },
    async reopen(h = height) {
      // The window died: the app is quit and started again on the same user data.
      await app.quit();
      app = await startDesktop({ site, height: h, browser, userData: app.userData });
      await app.page.getByRole('listbox', { name: 'Posts' }).waitFor();
      return app.page;
    },
    close: () => app.quit(),
  };
  return { web, browser, page: app.page };
}

/** The app on `site` over `transport` (web by default), a Chromium, and a page on the app. */
export async function openAppInChromium(site: string, height?: number): Promise<{ web: WebHarness & AppHarness; browser: Browser; page: Page }>;
export async function openAppInChromium(site: string, height: number, transport: TransportName): Promise<{ web: AppHarness; browser: Browser; page: Page }>;
export async function openAppInChromium(site: string, height = 900, transport: TransportName = 'web'): Promise<{ web: AppHarness; browser: Browser; page: Page }> {
  return transport === 'desktop' ? openDesktop(site, height) : openWeb(site, height);
}
