/**
 * Scroll sync by source line, both ways, and the outline jumping to a heading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';

const LONG = `---\ntitle: A long walk\n---\n${Array.from({ length: 40 }, (_, i) => `## Stage ${i + 1}\n\n${'We walked on along the ridge and talked about the weather. '.repeat(8)}\n`).join('\n')}`;

forEachTransport((transport) => {
describe.skipIf(!chromiumAvailable())(`[${transport}] scroll sync`, () => {
  let web: AppHarness;
  let browser: Browser;
  let page: Page;
  const previewY = () => page.frameLocator('iframe[title="Preview"]').locator('body').evaluate((b) => b.ownerDocument.defaultView!.scrollY);
  const editorTop = () => page.locator('.cm-scroller').evaluate((el) => el.scrollTop);

  beforeAll(async () => {
    const site = await copySampleBlog();
    await writeFile(path.join(site, '_posts/2026-06-02-a-long-walk.md'), LONG);
    ({ web, browser, page } = await openAppInChromium(site, 800, transport));
    await page.getByRole('option', { name: /A long walk/ }).click();
    await page.frameLocator('iframe[title="Preview"]').getByRole('heading', { name: 'Stage 40' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('scrolling the editor scrolls the preview to the same place', async () => {
    await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await expect.poll(previewY).toBeGreaterThan(300);
  });

  it('scrolling the preview scrolls the editor', async () => {
    await page.waitForTimeout(300);
    await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.frameLocator('iframe[title="Preview"]').locator('body').evaluate((b) => b.ownerDocument.defaultView!.scrollTo(0, b.scrollHeight * 0.7));
    await expect.poll(editorTop).toBeGreaterThan(300);
  });

  it('the outline jumps to a heading', async () => {
    await page.getByText('Outline').click();
    await page.getByRole('button', { name: 'Stage 30' }).click();
    const top = await page.frameLocator('iframe[title="Preview"]').getByRole('heading', { name: 'Stage 30' }).evaluate((h) => h.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(80);
  });
});
});
