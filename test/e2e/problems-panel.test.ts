/**
 * The Problems panel as a writer uses it, in web mode and on the desktop path: it lists what
 * readers would trip over (a missing image far down a post, a link to a post that does not
 * exist, Liquid in a code fence, a long title), filters by kind, and a click opens the post with
 * the body line on screen in the editor, or the YAML view for a front-matter line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';

const POST = '_posts/2025-12-01-harbour-repairs.md';
const TITLE = 'Harbour repairs: the hull, the rudder, the mast, the tiller and the paint';
const FILLER = Array.from({ length: 70 }, (_, i) => `Paragraph ${i + 1} about sanding, epoxy and waiting for the tide.\n`).join('\n');
const FAR_IMAGE = '![the hull after the repairs](/assets/hull-after-repairs.jpg)';
const LINES = [`---`, `title: "${TITLE}"`, `layout: post`, `---`, `The boat came out of the water in November.`, ``, FILLER, FAR_IMAGE, ``, `See {% post_url 2019-01-01-the-first-launch %} for how it began.`, ``, '```liquid', '{{ site.title }}', '```', ``];
const IMAGE_LINE = LINES.join('\n').split('\n').indexOf(FAR_IMAGE) + 1;

forEachTransport((transport) => {
  describe.skipIf(!chromiumAvailable())(`[${transport}] problems panel`, () => {
    let web: AppHarness;
    let browser: Browser;
    let page: Page;

    const panel = () => page.getByRole('region', { name: 'Problems' });
    const selectedPost = () => page.locator('[role=listbox][aria-label=Posts] [aria-selected=true]').innerText();

    beforeAll(async () => {
      const site = await copySampleBlog();
      await writeFile(path.join(site, POST), LINES.join('\n'));
      ({ web, browser, page } = await openAppInChromium(site, 900, transport));
      page.setDefaultTimeout(10_000);
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    it('lists the missing image, the broken post_url, Liquid in code and the long title, with lines', async () => {
      await page.getByRole('button', { name: /^Problems \(/ }).click();
      await expect.poll(() => panel().innerText(), { timeout: 15_000 }).toContain(`${POST}:${IMAGE_LINE}`);
      const text = await panel().innerText();
      expect(text).toContain('the image /assets/hull-after-repairs.jpg is not in the site');
      expect(text).toContain(`${POST}:${IMAGE_LINE + 2}`);
      expect(text).toContain('post_url 2019-01-01-the-first-launch');
      expect(text).toContain(`${POST}:${IMAGE_LINE + 5}`);
      expect(text).toContain('Liquid inside a code block');
      expect(text).toContain(`${POST}:2`);
      expect(text).toMatch(/the title is \d+ characters/);
    });

    it('filters by kind: Missing images shows only the image', async () => {
      const kinds = panel().getByRole('group', { name: 'Show problems of kind' });
      await kinds.getByRole('button', { name: /^Missing images/ }).click();
      expect(await kinds.getByRole('button', { name: /^Missing images/ }).getAttribute('aria-pressed')).toBe('true');
      const items = panel().getByRole('listitem');
      await expect.poll(() => items.count()).toBe(1);
      expect(await items.first().innerText()).toContain('hull-after-repairs.jpg');
    });

    it('a click opens the post with the body line on screen in the editor', async () => {
      // Start on another post, so opening the problem is visible.
      await page.getByRole('listbox', { name: 'Posts' }).getByText('A tour of Markdown', { exact: false }).first().click();
      await expect.poll(selectedPost).not.toContain('Harbour repairs');
      await panel().getByRole('button', { name: new RegExp(`${POST.replace(/[.]/g, '\\.')}:${IMAGE_LINE}`) }).click();
      await expect.poll(selectedPost).toContain('Harbour repairs');
      const line = page.locator('.cm-content .cm-line', { hasText: 'the hull after the repairs' });
      await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
      const scroller = await page.locator('.cm-scroller').first().boundingBox();
      const box = await line.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(scroller!.y - 1);
      expect(box!.y + box!.height).toBeLessThanOrEqual(scroller!.y + scroller!.height + 1);
    });

    it('a front-matter line opens the YAML view', async () => {
      const kinds = panel().getByRole('group', { name: 'Show problems of kind' });
      await kinds.getByRole('button', { name: /^SEO lengths/ }).click();
      await panel().getByRole('button', { name: new RegExp(`${POST.replace(/[.]/g, '\\.')}:2\\b`) }).click();
      await expect.poll(() => page.getByRole('tab', { name: 'YAML' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.getByRole('textbox', { name: 'Front matter' }).inputValue()).toContain(TITLE);
    });
  });
});
