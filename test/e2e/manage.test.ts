/**
 * Managing the whole blog in Chromium (web mode): rename a tag with a preview of every line and
 * check the files and what Jekyll reads; drop an image into a post, it lands in the image folder
 * and the Markdown points at it; set a banner from the gallery; a missing banner is flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';
import { jekyllPosts } from '../support/jekyll-oracle';
import { checkTool } from '../support/require-tool';

const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';
/** A valid 2×2 PNG, built here so the fixture is ours. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = tinyPng();

forEachTransport((transport) => {
describe.skipIf(!chromiumAvailable())(`[${transport}] tags, categories and images in Chromium`, () => {
  let site: string;
  let web: AppHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await copySampleBlog();
    await writeFile(path.join(site, '_posts/2026-06-01-missing-banner.md'), '---\ntitle: Missing banner\ntags: [hiking]\nbanner:\n  image: /assets/images/banners/gone.jpg\n---\nText.\n');
    ({ web, browser, page } = await openAppInChromium(site, 900, transport));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('renames a tag across the blog with a preview, and Jekyll reads the new name', async () => {
    await page.getByRole('tab', { name: 'Tags & categories' }).click();
    const list = page.getByRole('list', { name: 'Tags' });
    await list.getByText('hiking', { exact: true }).click();
    await page.getByRole('textbox', { name: 'New name' }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('walking', { delay: 20 });
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Changes to apply' });
    await expect.poll(() => preview.innerText()).toContain('_posts/2026-03-02-delve-1-first-steps.md:6');
    const untouched = await readFile(path.join(site, '_posts/2026-04-10-a-tour-of-markdown.md'), 'utf8');
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => readFile(path.join(site, DELVE), 'utf8')).toContain('tags: walking\n');
    await expect.poll(() => readFile(path.join(site, '_posts/2026-06-01-missing-banner.md'), 'utf8')).toContain('tags: [walking]');
    expect(await readFile(path.join(site, '_posts/2026-04-10-a-tour-of-markdown.md'), 'utf8')).toBe(untouched);
    if (checkTool('jekyll').available) {
      const posts = await jekyllPosts(site);
      expect(posts.find((p) => p.path === DELVE)?.tags).toEqual(['walking']);
      expect(posts.some((p) => p.tags.includes('hiking'))).toBe(false);
    }
  });

  it('flags a missing banner and sets a banner from the gallery', async () => {
    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.getByRole('option', { name: /Missing banner/ }).click();
    await page.getByRole('tab', { name: 'Images' }).click();
    await page.getByRole('tab', { name: /Missing/ }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Missing images' }).innerText()).toContain('assets/images/banners/gone.jpg');
    await page.getByRole('tab', { name: /^All/ }).click();
    const hills = page.getByRole('listitem').filter({ hasText: 'hills.svg' });
    await hills.getByRole('button', { name: 'Set as banner' }).click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(path.join(site, '_posts/2026-06-01-missing-banner.md'), 'utf8')).toContain('  image: /assets/images/banners/hills.svg\n');
  });

  it('drops an image into the editor: alt text asked, named after the post next to the banners folder, the body points at it', async () => {
    await page.getByRole('option', { name: /Delve 1/ }).click();
    const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
    await editor.waitFor();
    const data = PNG.toString('base64');
    await editor.evaluate((el, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'My Photo.PNG', { type: 'image/png' }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, clientX: 400, clientY: 500 }));
    }, data);
    await page.getByRole('dialog', { name: 'Describe the image' }).getByRole('textbox', { name: 'Alt text' }).waitFor();
    await page.keyboard.type('My Photo', { delay: 10 });
    await page.keyboard.press('Enter');
    // Inline images do not go into the banners' folder: next to it, named after the post.
    await expect.poll(() => readdir(path.join(site, 'assets/images'))).toContain('delve-1-first-steps-1.png');
    expect(await readFile(path.join(site, 'assets/images/delve-1-first-steps-1.png'))).toEqual(PNG);
    expect(await readdir(path.join(site, 'assets/images/banners'))).not.toContain('delve-1-first-steps-1.png');
    // The Markdown goes in when addImage answers, which can come after the file is on disk.
    await expect.poll(() => editor.innerText()).toContain('![My Photo](/assets/images/delve-1-first-steps-1.png)');
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(path.join(site, DELVE), 'utf8')).toContain('![My Photo](/assets/images/delve-1-first-steps-1.png)');
  });
});
});
