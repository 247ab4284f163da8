/**
 * The writing space as a person meets it: the front matter beside the body (Title first), a key
 * one post in forty uses offered under "Add field…" instead of on every post, Published shown on
 * for a post that leaves it out, focus mode (nothing but the text, Esc leaves), and at 900×700
 * every pane and action reachable from the header or its More menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';

const POSTS = 40;
const PLAIN = '_posts/2025-02-11-walk-10.md';

/** Forty walks with the same keys; one of them also sets LABELS (2.5% of posts: rare). */
async function writeWalks(site: string): Promise<void> {
  for (let i = 1; i <= POSTS; i++) {
    const day = String((i % 27) + 1).padStart(2, '0');
    // Walk 7 alone has LABELS, walk 4 alone says published: true (each 1 in 40: rare).
    const extra = i === 7 ? 'LABELS: old-blogger-import\n' : i === 4 ? 'published: true\n' : '';
    const text = `---\nlayout: post\ntitle: Walk number ${i}\ndate: 2025-02-${day} 08:00:00 +0000\ncategories: [Walks]\ntags: [walking]\n${extra}---\nThe path went on for a while, and so did we.\n`;
    await writeFile(path.join(site, `_posts/2025-02-${day}-walk-${i}.md`), text);
  }
}

const form = (page: Page) => page.getByRole('form', { name: 'Front matter form' });

/** Finds a walk as a person does in a long list: types into the list's filter, then clicks it. */
async function openWalk(page: Page, n: number): Promise<void> {
  const filter = page.getByPlaceholder('Filter by title and text');
  await filter.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(`Walk number ${n}`, { delay: 5 });
  await page.getByRole('option', { name: new RegExp(`Walk number ${n}\\b`) }).first().click();
  await form(page).getByRole('textbox', { name: 'Title', exact: true }).and(page.locator(`[value="Walk number ${n}"]`)).waitFor();
}

forEachTransport((transport) => {
  describe.skipIf(!chromiumAvailable())(`[${transport}] the writing space`, () => {
    let site: string;
    let web: AppHarness;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      site = await copySampleBlog();
      await writeWalks(site);
      ({ web, browser, page } = await openAppInChromium(site, 800, transport));
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    it('Title comes first; a rare key is not on every post but under "Add field…", and typing into it writes it', async () => {
      await openWalk(page, 10);
      const labels = await form(page).locator('.fm-row > label').allInnerTexts();
      expect(labels[0]).toMatch(/^Title/);
      expect(labels.slice(0, 4).map((l) => l.replace(/\s*\*$/, ''))).toEqual(['Title', 'Date', 'Categories', 'Tags']);
      expect(labels.map((l) => l.trim())).not.toContain('LABELS');

      await form(page).getByRole('button', { name: 'Add field…' }).click();
      const menu = page.getByRole('menu');
      await menu.getByRole('menuitem', { name: /LABELS/ }).click();
      const field = form(page).getByRole('textbox', { name: 'LABELS', exact: true });
      await field.waitFor();
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('travel', { delay: 30 });
      await page.keyboard.press('Control+s');
      await expect.poll(() => readFile(path.join(site, PLAIN), 'utf8'), { timeout: 10_000 }).toContain('LABELS: travel\n');
    });

    it('the post that has the rare key shows it without asking', async () => {
      await openWalk(page, 7);
      await form(page).getByRole('textbox', { name: 'LABELS', exact: true }).and(page.locator('[value="old-blogger-import"]')).waitFor();
    });

    it('Published, left out of a published post, shows on; unticking it writes published: false', async () => {
      await openWalk(page, 10);
      // The key is rare (1 post in 40): it is offered, and once added shows its default.
      await form(page).getByRole('button', { name: 'Add field…' }).click();
      await page.getByRole('menu').getByRole('menuitem', { name: /Published/ }).click();
      const box = form(page).getByRole('checkbox', { name: 'Published' });
      await box.waitFor();
      expect(await box.isChecked()).toBe(true);
      expect(await form(page).getByText('on by default').count()).toBe(1);
      await box.click();
      await page.keyboard.press('Control+s');
      await expect.poll(() => readFile(path.join(site, PLAIN), 'utf8'), { timeout: 10_000 }).toContain('published: false\n');
    });

    it('focus mode shows nothing but the text; Esc brings the rest back', async () => {
      const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
      await editor.click();
      await page.keyboard.press('Control+Shift+Enter');
      await expect.poll(() => page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: 'Posts sidebar' }).isVisible()).toBe(false);
      expect(await form(page).isVisible()).toBe(false);
      expect(await page.locator('footer.statusbar').isVisible()).toBe(false);
      expect(await editor.isVisible()).toBe(true);
      const box = await page.locator('.edit-column').boundingBox();
      expect(box!.width).toBeGreaterThan(1200);
      await page.keyboard.type(' Quiet.', { delay: 20 });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.topbar').isVisible()).toBe(true);
      expect(await form(page).isVisible()).toBe(true);
    });

    it('at 900×700 the post list folds away, the header stays one line, and More reaches every pane', async () => {
      await page.setViewportSize({ width: 900, height: 700 });
      const sidebar = page.getByRole('navigation', { name: 'Posts sidebar' });
      await expect.poll(() => sidebar.isVisible()).toBe(false);
      const header = await page.locator('.topbar').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(48);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

      await page.getByRole('button', { name: 'Show post list' }).click();
      await expect.poll(() => sidebar.isVisible()).toBe(true);

      await page.getByRole('button', { name: 'More actions' }).click();
      const menu = page.getByRole('menu');
      for (const name of [/New post/, /Open site/, /Recent sites/, /Post list/, /Front matter/, /Preview/, /Problems/, /Focus mode/]) {
        expect(await menu.getByRole(/Post list|Front matter|Preview|Problems|Focus mode/.test(name.source) ? 'menuitemcheckbox' : 'menuitem', { name }).count(), String(name)).toBe(1);
      }
      await menu.getByRole('menuitemcheckbox', { name: /Front matter/ }).click();
      await expect.poll(() => form(page).isVisible()).toBe(false);
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menu').getByRole('menuitemcheckbox', { name: /Front matter/ }).click();
      await expect.poll(() => form(page).isVisible()).toBe(true);
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  });
});
