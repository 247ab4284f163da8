/**
 * The preview's looks as a writer meets them, on both transports: typing in the body lands in
 * the layout's content slot, a title change re-renders the layout, "Plain" shows the title and
 * banner, conflict markers show a notice instead of a heading, a Liquid mistake renders empty
 * with a note, and a theme that is not installed is named with how to install it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { findGemDir } from '../../electron/core/theme/find-theme';

const FIXTURE = path.resolve(__dirname, '../fixtures/sites/minima-blog');
const haveMinima = (await findGemDir('minima')) !== null;
if (!haveMinima) console.warn('skipped: Blog look journeys: the minima gem is not installed (apt install jekyll-theme-minima)');

const LIQUID_POST = `---
title: Liquid Odds and Ends
date: 2024-09-09 09:00:00 +0000
---
Posted as {{ page.id }} on {{ page.date | date: "%Y-%m-%d" }}.

{% for %}

Still here after the broken tag.
`;

async function copyFixture(theme?: string): Promise<string> {
  const site = await mkdtemp(path.join(os.tmpdir(), 'pw-blog-journey-'));
  await cp(FIXTURE, site, { recursive: true });
  await writeFile(path.join(site, '_posts', '2024-09-09-liquid-odds.md'), LIQUID_POST);
  if (theme) {
    const config = path.join(site, '_config.yml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('theme: minima', `theme: ${theme}`));
  }
  return site;
}

forEachTransport((transport) => {
  describe.skipIf(!chromiumAvailable() || !haveMinima)(`[${transport}] Blog look journeys`, () => {
    let web: AppHarness;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      ({ web, browser, page } = await openAppInChromium(await copyFixture(), 1000, transport));
      await page.setViewportSize({ width: 1500, height: 1000 });
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    const preview = () => page.frameLocator('iframe[title="Preview"]');
    const open = async (title: string) => {
      await page.getByRole('option', { name: new RegExp(title) }).click();
      await page.getByRole('textbox', { name: 'Editor', exact: true }).waitFor();
    };

    it('typing lands in the layout; a new title re-renders the layout around the same body', async () => {
      await open('A New Mooring Line');
      await expect.poll(() => preview().locator('.post-content h2').first().innerText()).toBe('Splicing the eye');
      await expect.poll(() => preview().locator('.site-title').innerText()).toBe('Quiet Harbour');
      // Mark the first section's paragraph: typing in a later section must leave that node alone.
      await preview().locator('.post-content #content > .pw-section').first().locator('p').first().evaluate((p) => ((p as HTMLElement & { __kept?: boolean }).__kept = true));
      const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
      await editor.getByText('Trim both ends of the twine').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Tarred twine lasts longer.', { delay: 15 });
      await expect.poll(() => preview().locator('.post-content').innerText()).toContain('Tarred twine lasts longer.');
      // The body is inside the theme's article, under its title, styled by the compiled minima CSS.
      expect(await preview().locator('article.post .post-content #content p').last().innerText()).toContain('Tarred twine');
      expect(await preview().locator('.post-content #content > .pw-section').first().locator('p').first().evaluate((p) => (p as HTMLElement & { __kept?: boolean }).__kept === true)).toBe(true);
      expect(await preview().locator('#pw-theme-css').evaluate((s) => s.textContent?.includes('.post-title'))).toBe(true);
      const form = page.getByRole('form', { name: 'Front matter form' });
      await form.getByRole('textbox', { name: 'Title', exact: true }).click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Again', { delay: 15 });
      await expect.poll(() => preview().locator('.post-title').innerText()).toBe('A New Mooring Line Again');
      expect(await preview().locator('.post-content').innerText()).toContain('Tarred twine lasts longer.');
      // The new layout got the same body element: nothing of the body was rendered again.
      expect(await preview().locator('.post-content #content > .pw-section').first().locator('p').first().evaluate((p) => (p as HTMLElement & { __kept?: boolean }).__kept === true)).toBe(true);
      await page.keyboard.press('Control+s');
    });

    it('Plain shows our style with the title and banner; Blog look comes back', async () => {
      await open('Mending a Sail');
      await page.getByRole('button', { name: 'Plain', exact: true }).click();
      await expect.poll(() => preview().locator('#pw-header .pw-title').innerText()).toBe('Mending a Sail by Lamplight');
      await expect.poll(() => preview().locator('#banner img').getAttribute('src')).toContain('harbour-banner.png');
      expect(await preview().locator('.site-header').count()).toBe(0);
      await page.screenshot({ path: path.join(os.tmpdir(), `postwright-blog-look-${transport}-plain.png`) });
      await page.getByRole('button', { name: 'Blog look', exact: true }).click();
      await expect.poll(() => preview().locator('.post-title').innerText()).toBe('Mending a Sail by Lamplight');
      expect(await preview().locator('#pw-header').count()).toBe(0);
      await page.screenshot({ path: path.join(os.tmpdir(), `postwright-blog-look-${transport}-blog.png`) });
    });

    it('conflict markers in the buffer show a notice instead of a heading; removing them brings the preview back', async () => {
      await open('Reading the Tide Table');
      const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
      await editor.getByText('first', { exact: true }).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> other\n', { delay: 5 });
      const notice = preview().getByRole('alert');
      await expect.poll(() => notice.innerText()).toMatch(/unresolved conflict markers .* line \d+/);
      expect(await preview().locator('#content').isHidden()).toBe(true);
      expect(await preview().locator('h1:visible, h2:visible').allInnerTexts()).not.toContain('mine');
      for (let i = 0; i < 40 && (await notice.count()) > 0; i++) await page.keyboard.press('Control+z');
      await expect.poll(() => notice.count()).toBe(0);
      await expect.poll(() => preview().locator('#content').isVisible()).toBe(true);
    });

    it('a broken Liquid tag renders empty with a note; page.id and page.date render as Jekyll', async () => {
      await open('Liquid Odds and Ends');
      await expect.poll(() => preview().locator('.post-content').innerText()).toContain('Still here after the broken tag.');
      expect(await preview().locator('.post-content').innerText()).toContain('Posted as /2024/09/09/liquid-odds on 2024-09-09.');
      expect(await preview().locator('.post-content').innerText()).not.toContain('{%');
      await expect.poll(() => preview().locator('#pw-notes').innerText()).toMatch(/Liquid: line 7: .*rendered empty/);
    });
  });

  describe.skipIf(!chromiumAvailable())(`[${transport}] a theme that is not installed`, () => {
    let web: AppHarness;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      ({ web, browser, page } = await openAppInChromium(await copyFixture('jekyll-theme-not-on-this-machine'), 1000, transport));
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    it('shows the plain preview with the theme named and how to install it', async () => {
      await page.getByRole('option', { name: /Mending a Sail/ }).click();
      const preview = page.frameLocator('iframe[title="Preview"]');
      await expect.poll(() => preview.locator('#pw-notes').innerText()).toMatch(/"jekyll-theme-not-on-this-machine" is not installed .*bundle install.*gem install jekyll-theme-not-on-this-machine/s);
      await expect.poll(() => preview.locator('#pw-header .pw-title').innerText()).toBe('Mending a Sail by Lamplight');
      expect(await page.getByRole('group', { name: 'Preview look' }).innerText()).toContain('Showing plain');
    });
  });
});
