/**
 * The first thing a new user sees: on a first start with the sample blog, a welcome screen with
 * "Open a folder…" and the sample (web mode); with no site to show (the desktop app given a folder
 * that is gone), the welcome screen instead of an empty editor, and the native picker from it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import os from 'node:os';
import { chromiumAvailable, launchChromium } from '../support/chromium';
import { startWeb, type WebHarness } from '../support/service-harness';
import { startDesktop, type DesktopApp } from '../support/desktop-harness';
import { copySampleBlog } from '../contract/contract-suite';

describe.skipIf(!chromiumAvailable())('welcome screen', () => {
  let web: WebHarness | undefined;
  let browser: Browser | undefined;
  let desktop: DesktopApp | undefined;

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await desktop?.quit();
    await desktop?.browser.close();
  });

  it('[web] first start: the sample opens with a welcome; exploring the sample dismisses it for good', async () => {
    web = await startWeb();
    browser = await launchChromium();
    const page: Page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    await page.goto(web.host.openUrl);
    const welcome = page.getByRole('region', { name: 'Welcome to Postwright' });
    await welcome.waitFor({ timeout: 15_000 });
    expect(await page.locator('.site-title').innerText()).toBe('Field Notes');
    await welcome.getByRole('button', { name: 'Explore the sample blog' }).click();
    await expect.poll(() => welcome.count()).toBe(0);
    await page.getByRole('listbox', { name: 'Posts' }).waitFor();
    // Dismissed for good in this browser.
    await page.reload();
    await page.getByRole('listbox', { name: 'Posts' }).waitFor();
    await page.waitForTimeout(300);
    expect(await welcome.count()).toBe(0);
  });

  it('[web] Open a folder… from the welcome opens a typed path, and the welcome goes', async () => {
    const page: Page = await browser!.newPage({ viewport: { width: 1300, height: 900 } });
    await page.goto(web!.host.openUrl);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const welcome = page.getByRole('region', { name: 'Welcome to Postwright' });
    await welcome.waitFor({ timeout: 15_000 });
    const mine = await copySampleBlog();
    await welcome.getByRole('button', { name: 'Open a folder…' }).click();
    await page.getByRole('dialog', { name: 'Open site' }).waitFor();
    await page.keyboard.type(mine, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.badge.sample').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => welcome.count()).toBe(0);
    expect(await web!.client.getSite()).toMatchObject({ root: expect.stringContaining(path.basename(mine)), isSample: false });
  });

  it('[desktop] no site to show: the welcome screen, then the native picker opens one', async () => {
    const gone = path.join(os.tmpdir(), `pw-gone-${process.pid}-${Date.now()}`);
    desktop = await startDesktop({ site: gone });
    const page = desktop.page;
    const welcome = page.getByRole('region', { name: 'Welcome to Postwright' });
    await welcome.waitFor({ timeout: 15_000 });
    expect(await welcome.getByRole('button', { name: 'Try the sample blog' }).count()).toBe(1);
    expect(await page.getByRole('listbox', { name: 'Posts' }).isVisible()).toBe(false);
    // Nothing that needs a site shows without one: no view tabs, no status bar.
    expect(await page.getByRole('tablist', { name: 'View' }).isVisible()).toBe(false);
    expect(await page.locator('footer.statusbar').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(os.tmpdir(), 'welcome-desktop.png') });
    const site = await copySampleBlog();
    desktop.world.dialog.answer('showOpenDialog', { canceled: false, filePaths: [site] });
    await welcome.getByRole('button', { name: 'Open a folder…' }).click();
    await page.getByRole('listbox', { name: 'Posts' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => welcome.count()).toBe(0);
    expect(await page.locator('.site-title').innerText()).toBe('Field Notes');
  });

  it('[desktop] no site to show: Try the sample blog opens the sample itself', async () => {
    await desktop?.quit();
    await desktop?.browser.close();
    const gone = path.join(os.tmpdir(), `pw-gone-${process.pid}-${Date.now()}-b`);
    desktop = await startDesktop({ site: gone });
    const page = desktop.page;
    const welcome = page.getByRole('region', { name: 'Welcome to Postwright' });
    await welcome.waitFor({ timeout: 15_000 });
    await welcome.getByRole('button', { name: 'Try the sample blog' }).click();
    await page.getByRole('listbox', { name: 'Posts' }).waitFor({ timeout: 15_000 });
    // The header's badge says it is the sample (its wording belongs to the header).
    await page.locator('.badge.sample').waitFor();
  });
});
