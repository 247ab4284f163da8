/**
 * Finding things as a person does, typing at a person's speed, in web mode and on the desktop
 * path: quick open (Ctrl+P) finds "wyse reboot" first among similar titles and opens it; search
 * in posts (Ctrl+Shift+F) needs every word, shows the line with the words marked and opens the
 * post scrolled to it; the command palette (Ctrl+Shift+P) lists actions with their shortcuts and
 * runs them; Ctrl+N (and Alt+N) ask for a new post; the tag filter takes typing and shows counts;
 * the Tags view has a filter box. On the desktop path the native menu carries the table's keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, itOn, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';
import { COMMANDS } from '../../shared/commands';

const WYSE = 'Debian 12 SystemD Nightly Reboots on Dell Wyse 3040s';
const WYSE_PATH = '_posts/2025-11-02-wyse-nightly-reboots.md';
const FAR_LINE = 'The reboot timer fires at half past three and the thin client comes back before the backups start.';
const TYPE = { delay: 70 };

/** Posts a home-lab blog might hold, with titles close to each other on purpose. */
async function addPosts(site: string): Promise<void> {
  const post = (name: string, title: string, tags: string[], body: string) =>
    writeFile(path.join(site, '_posts', name), `---\ntitle: "${title}"\nlayout: post\ncategories: [Homelab]\ntags: [${tags.join(', ')}]\n---\n${body}`);
  const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} about cables, power bricks and patience.\n`).join('\n');
  await post('2025-11-02-wyse-nightly-reboots.md', WYSE, ['homelab', 'debian'], `Three small machines sit on a shelf.\n\n${filler}\n${FAR_LINE}\n\nThat is all.\n`);
  await post('2025-10-01-router-reboot.md', 'Rebooting the Router Without Losing the Lease', ['networking'], 'The router forgets everything. Wyse words do not appear here.\n');
  await post('2025-09-01-wyse-teardown.md', 'Wyse 3040 Thin Client Teardown', ['homelab', 'hardware'], 'Four screws and a clip.\n');
  await post('2025-08-01-workstation.md', 'Why My Workstation Reboots Every Night', ['desktop'], 'Updates, mostly.\n');
  await post('2025-07-01-timers.md', 'SystemD Timers Instead of Cron', ['debian'], 'A timer unit and a service unit.\n');
}

forEachTransport((transport) => {
  describe.skipIf(!chromiumAvailable())(`[${transport}] find anything`, () => {
    let site: string;
    let web: AppHarness;
    let browser: Browser;
    let page: Page;

    const dialog = (name: string) => page.getByRole('dialog', { name });
    const selectedPost = () => page.locator('[role=listbox][aria-label=Posts] [aria-selected=true]').innerText();

    beforeAll(async () => {
      site = await copySampleBlog();
      await addPosts(site);
      ({ web, browser, page } = await openAppInChromium(site, 900, transport));
      page.setDefaultTimeout(10_000);
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    it('quick open: Ctrl+P, "wyse reboot" typed finds the Wyse post first with the words marked; Enter opens it', async () => {
      await page.getByRole('listbox', { name: 'Posts' }).click();
      await page.keyboard.press('Control+p');
      const input = page.getByRole('combobox', { name: 'Quick open' });
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('wyse reboot', TYPE);
      const first = dialog('Quick open').getByRole('option').first();
      await expect.poll(() => first.innerText()).toContain(WYSE);
      expect(await first.locator('.find-title mark').allInnerTexts()).toEqual(['Reboot', 'Wyse']);
      expect(await first.getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog('Quick open').count()).toBe(0);
      await expect.poll(selectedPost).toContain(WYSE);
    });

    it('quick open: Escape closes without opening anything', async () => {
      const before = await selectedPost();
      await page.keyboard.press('Control+p');
      await page.keyboard.type('liquid', TYPE);
      await expect.poll(() => dialog('Quick open').getByRole('option').first().innerText()).toContain('Liquid');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog('Quick open').count()).toBe(0);
      expect(await selectedPost()).toBe(before);
    });

    it('search in posts: every word in any order, the line shown with the words marked; Enter opens the post at that line', async () => {
      // Start on another post, so opening the hit is visible.
      await page.keyboard.press('Control+p');
      await page.keyboard.type('tour markdown', TYPE);
      await expect.poll(() => dialog('Quick open').getByRole('option').first().innerText()).toContain('Tour');
      await page.keyboard.press('Enter');
      await expect.poll(selectedPost).toContain('Tour');

      await page.keyboard.press('Control+Shift+F');
      const input = page.getByRole('combobox', { name: 'Search in posts' });
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('backups TIMER thin', TYPE);
      const hit = dialog('Search in posts').getByRole('option').first();
      await expect.poll(() => hit.innerText(), { timeout: 15_000 }).toContain('half past three');
      expect(await dialog('Search in posts').getByRole('option').count()).toBe(1);
      expect(await hit.locator('mark').allInnerTexts()).toEqual(['timer', 'thin', 'backups']);
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog('Search in posts').count()).toBe(0);
      await expect.poll(selectedPost).toContain(WYSE);
      // The line is on screen in the editor (it is far below the first screen of the post).
      const line = page.locator('.cm-content .cm-line', { hasText: FAR_LINE });
      await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
      const scroller = await page.locator('.cm-scroller').first().boundingBox();
      const box = await line.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(scroller!.y - 1);
      expect(box!.y + box!.height).toBeLessThanOrEqual(scroller!.y + scroller!.height + 1);
    });

    it('search in posts: a word no post has finds nothing, and says so', async () => {
      await page.keyboard.press('Control+Shift+F');
      await page.keyboard.type('wyse xylophone', TYPE);
      await expect.poll(() => dialog('Search in posts').innerText()).toContain('No post holds every word');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog('Search in posts').count()).toBe(0);
    });

    it('command palette: Ctrl+Shift+P lists every action with its shortcut; typing and Enter run one', async () => {
      await page.keyboard.press('Control+Shift+P');
      const palette = dialog('Command palette');
      await expect.poll(() => palette.getByRole('option').count()).toBe(COMMANDS.length - 1);
      expect(await palette.getByRole('option', { name: /Quick Open/ }).innerText()).toContain('Ctrl+P');
      expect(await palette.getByRole('option', { name: /New Post/ }).innerText()).toMatch(/Ctrl\+N\s+or\s+Alt\+N/);
      await page.keyboard.type('search in', TYPE);
      await expect.poll(() => palette.getByRole('option').first().innerText()).toContain('Search in Posts');
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog('Search in posts').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog('Search in posts').count()).toBe(0);
    });

    it('Ctrl+N and Alt+N ask for a new post in both modes', async () => {
      for (const key of ['Control+n', 'Alt+n']) {
        await page.getByRole('listbox', { name: 'Posts' }).click();
        await page.keyboard.press(key);
        await expect.poll(() => dialog('New post').count(), { message: key }).toBe(1);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog('New post').count()).toBe(0);
      }
    });

    it('tag filter: typing narrows the names, counts show, Enter filters the list', async () => {
      const button = page.getByRole('button', { name: 'Tag: Any tag' });
      await button.click();
      const input = page.getByRole('combobox', { name: 'Filter by tag' });
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('home', TYPE);
      const options = page.getByRole('listbox', { name: 'Tag names' }).getByRole('option');
      await expect.poll(() => options.allInnerTexts()).toEqual([expect.stringMatching(/^homelab\s*2$/)]);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('button', { name: 'Tag: homelab' }).count()).toBe(1);
      await expect.poll(() => page.locator('[role=listbox][aria-label=Posts] [role=option]').allInnerTexts()).toEqual([expect.stringContaining(WYSE), expect.stringContaining('Teardown')]);
      // Back to every tag.
      await page.getByRole('button', { name: 'Tag: homelab' }).click();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('button', { name: 'Tag: Any tag' }).count()).toBe(1);
    });

    it('Tags view: a filter box narrows the tags as you type', async () => {
      await page.keyboard.press('Control+Shift+P');
      await page.keyboard.type('show tags', TYPE);
      await page.keyboard.press('Enter');
      const box = page.getByRole('searchbox', { name: 'Filter tags' });
      await box.click();
      await page.keyboard.type('de', TYPE);
      const tags = page.getByRole('list', { name: 'Tags' }).locator(':scope > li .term-name');
      await expect.poll(() => tags.allInnerTexts()).toEqual(['debian', 'desktop']);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await expect.poll(() => tags.count()).toBeGreaterThan(5);
      await page.keyboard.press('Control+Shift+P');
      await page.keyboard.type('show editor', TYPE);
      await page.keyboard.press('Enter');
    });

    itOn(transport, 'desktop')('native menu: every command of the table with its key, shown not grabbed; File › Quick Open… opens it in the page', async () => {
      const menu = web.desktop!.world.menu.applicationMenu!;
      const keys = Object.fromEntries(menu.accelerators().map((a) => [a.label, [a.accelerator, a.registerAccelerator]]));
      for (const c of COMMANDS) {
        if (!c.menu) continue;
        // "Tags & Categories" is written "Tags && Categories" in a menu label (a single & marks a mnemonic).
        const label = c.label.replace(/&/g, '&&');
        expect(menu.find(c.menu, label.replace(/&/g, '')), c.label).toBeTruthy();
        if (c.keys) expect(keys[label], c.label).toEqual([c.keys, false]);
      }
      menu.find('File', 'Quick Open…')!.click();
      await expect.poll(() => dialog('Quick open').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog('Quick open').count()).toBe(0);
    });
  });
});
