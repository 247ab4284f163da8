/**
 * The desktop path through the stand-in Electron: the real main bundle, its app:// page in
 * Chromium with the real preload, and each Electron rule the stand-in enforces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { startDesktop, type DesktopApp } from '../support/desktop-harness';
import { copySampleBlog } from '../contract/contract-suite';

describe.skipIf(!chromiumAvailable())('[desktop] the app under the stand-in Electron', () => {
  let app: DesktopApp;
  let page: Page;

  beforeAll(async () => {
    app = await startDesktop({ site: await copySampleBlog() });
    page = app.page;
  });

  afterAll(async () => {
    await app?.quit();
    await app?.browser.close();
  });

  it('opens the site in a page served by the app:// handler with the preload bridge', async () => {
    page.on('console', (m) => console.log('[page]', m.type(), m.text()));
    await page.getByRole('listbox', { name: 'Posts' }).waitFor();
    expect(await page.evaluate(() => Object.keys((window as unknown as { postwright: object }).postwright).sort())).toEqual(['invoke', 'subscribe']);
  });
});
