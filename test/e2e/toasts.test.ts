/**
 * Toasts as a person meets them: a file operation reports in a toast that carries its Undo, the
 * Undo works from there and its toast goes, F8 reaches the toasts from the keyboard, and a
 * toast reads in light and dark (screenshots kept for a look).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';

forEachTransport((transport) => {
  describe.skipIf(!chromiumAvailable())(`[${transport}] toasts`, () => {
    let web: AppHarness;
    let browser: Browser;
    let page: Page;
    let site: string;
    const posts = () => readdir(path.join(site, '_posts'));
    const toasts = () => page.locator('.toast');

    beforeAll(async () => {
      site = await copySampleBlog();
      ({ web, browser, page } = await openAppInChromium(site, 800, transport));
      page.setDefaultTimeout(10_000);
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    it('a file operation reports in a toast with its Undo; Undo from the toast reverses it and the toast goes', async () => {
      await page.getByRole('option', { name: /Liquid in posts/i }).click();
      const before = await posts();
      await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
      await expect.poll(async () => (await posts()).length).toBe(before.length + 1);
      const toast = toasts().filter({ hasText: /^Duplicate: / });
      await toast.waitFor();
      expect(await toast.getAttribute('role')).toBe('status');
      const undo = toast.getByRole('button', { name: /^Undo “Duplicate/ });
      expect(await undo.innerText()).toBe('Undo');
      // The old bar and the toolbar's own Undo are gone: the toast is the one place.
      expect(await page.locator('.bar.info:not(.opening)').count()).toBe(0);
      expect(await page.getByRole('toolbar', { name: 'Post actions' }).getByRole('button', { name: /^Undo/ }).count()).toBe(0);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.screenshot({ path: path.join(os.tmpdir(), `toast-${transport}-light.png`) });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(os.tmpdir(), `toast-${transport}-dark.png`) });
      await page.emulateMedia({ colorScheme: 'light' });

      await undo.click();
      await expect.poll(posts).toEqual(before);
      await expect.poll(() => page.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
      await toasts().filter({ hasText: /^Undone/ }).waitFor();
      await expect.poll(() => page.getByRole('option', { name: /\(copy\)/ }).count()).toBe(0);
    });

    it('F8 moves focus to the toasts, and Escape closes the focused one', async () => {
      await page.getByRole('option', { name: /Liquid in posts/i }).filter({ hasNotText: 'copy' }).click();
      await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
      const toast = toasts().filter({ hasText: /^Duplicate: / });
      await toast.waitFor();
      await page.keyboard.press('F8');
      await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role=region]')?.getAttribute('aria-label')?.includes('Notifications'))).toBe(true);
      await page.keyboard.press('Tab');
      // The newest toast comes first.
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.toast')?.textContent ?? '')).toMatch(/^Duplicate: /);
      await page.keyboard.press('Escape');
      await expect.poll(() => toast.count()).toBe(0);
    });
  });
});
