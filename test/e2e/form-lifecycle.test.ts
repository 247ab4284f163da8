/**
 * The front-matter form and the post lifecycle in Chromium (web mode): fill the form of a
 * sample-blog post and check the bytes on disk and what Jekyll reads; new draft → publish →
 * rename → delete with the files Jekyll then sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';
import { jekyllPosts, strictBuild } from '../support/jekyll-oracle';
import { checkTool } from '../support/require-tool';

const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';
const hasJekyll = checkTool('jekyll').available;

forEachTransport((transport) => {
describe.skipIf(!chromiumAvailable())(`[${transport}] form and lifecycle in Chromium`, () => {
  let site: string;
  let web: AppHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await copySampleBlog();
    ({ web, browser, page } = await openAppInChromium(site, 900, transport));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('fills the form; only those lines change and Jekyll reads the same values', async () => {
    await page.getByRole('option', { name: /Delve 1/ }).click();
    const form = page.getByRole('form', { name: 'Front matter form' });
    await form.waitFor();
    const before = await readFile(path.join(site, DELVE), 'utf8');
    // As a person: click into the field, select what is there, type the new value.
    const retype = async (field: Locator, text: string) => {
      await field.click();
      await page.keyboard.press('Control+a');
      await page.keyboard.type(text, { delay: 20 });
    };
    await retype(form.getByRole('textbox', { name: 'Title', exact: true }), 'Delve 1: Up the North Ridge');
    await retype(form.getByRole('combobox', { name: 'Add to Categories' }), 'Long Walks');
    await page.keyboard.press('Enter');
    await retype(form.getByRole('combobox', { name: 'Add to Tags' }), 'alpine');
    await page.keyboard.press('Enter');
    await retype(form.getByRole('textbox', { name: 'Image', exact: true }), '/assets/images/banners/hills.svg');
    await page.keyboard.press('Control+s');
    const expected = before
      .replace('title: "Delve 1: First Steps on the Trail"', 'title: "Delve 1: Up the North Ridge"')
      .replace('categories: [Field Notes]', 'categories: [Field Notes, Long Walks]')
      .replace('tags: hiking', 'tags: hiking alpine')
      .replace('image: /assets/images/banners/lake.svg', 'image: /assets/images/banners/hills.svg');
    await expect.poll(() => readFile(path.join(site, DELVE), 'utf8'), { timeout: 10_000 }).toBe(expected);
    // The sample's layout shows `banner.image`, not `image`: the Plain look's header shows `image` as the banner.
    await page.getByRole('button', { name: 'Plain', exact: true }).click();
    await expect.poll(() => page.frameLocator('iframe[title="Preview"]').locator('#banner img').getAttribute('src')).toContain('hills.svg');
    if (hasJekyll) {
      const build = await strictBuild(site);
      expect(build.code, build.stderr).toBe(0);
      const post = (await jekyllPosts(site)).find((p) => p.path === DELVE)!;
      expect(post).toMatchObject({ title: 'Delve 1: Up the North Ridge', categories: ['Field Notes', 'Long Walks'], tags: ['hiking', 'alpine'] });
    }
  });

  it('new draft → publish → rename → delete, and Jekyll sees the files', async () => {
    await page.getByRole('button', { name: 'New draft' }).click();
    await page.getByRole('dialog', { name: 'New draft' }).getByRole('textbox', { name: 'Title' }).waitFor();
    await page.keyboard.type('Snow on the Pass');
    await page.keyboard.press('Enter');
    await expect.poll(() => readdir(path.join(site, '_drafts'))).toContain('snow-on-the-pass.md');
    await expect.poll(() => page.locator('.post-path').innerText()).toBe('_drafts/snow-on-the-pass.md');

    await page.getByRole('button', { name: 'Publish…' }).click();
    // The date dialog opens on "Now"; Enter publishes with the current time.
    await page.getByRole('dialog', { name: 'Publish' }).getByRole('radio', { name: 'Now' }).waitFor();
    await page.keyboard.press('Enter');
    const posts = () => readdir(path.join(site, '_posts'));
    await expect.poll(async () => (await posts()).some((f) => /^\d{4}-\d{2}-\d{2}-snow-on-the-pass\.md$/.test(f))).toBe(true);
    await expect.poll(() => readdir(path.join(site, '_drafts'))).not.toContain('snow-on-the-pass.md');
    const published = (await posts()).find((f) => f.endsWith('-snow-on-the-pass.md'))!;
    const text = await readFile(path.join(site, '_posts', published), 'utf8');
    expect(text).toMatch(/^---\ntitle: Snow on the Pass\n/);
    expect(text).toMatch(/\ndate: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}\n---\n/);

    await page.getByRole('button', { name: 'Rename file…' }).click();
    await page.getByRole('dialog', { name: 'Rename file' }).getByRole('textbox').waitFor();
    await page.keyboard.type('pass-in-snow');
    await page.keyboard.press('Enter');
    const renamed = published.replace('snow-on-the-pass', 'pass-in-snow');
    await expect.poll(posts).toContain(renamed);
    if (hasJekyll) {
      const seen = (await jekyllPosts(site)).find((p) => p.path === `_posts/${renamed}`);
      expect(seen).toMatchObject({ title: 'Snow on the Pass', slug: 'pass-in-snow', draft: false });
    }

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog', { name: 'Delete this post?' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(posts).not.toContain(renamed);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(posts).toContain(renamed);
  });
});
});
