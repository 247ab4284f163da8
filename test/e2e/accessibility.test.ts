/**
 * Every control in the main views has an accessible name, and the landmarks named in the issue
 * exist: the list "Posts", the editor "Editor", the preview frame titled "Preview".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';

/** Controls without a name a screen reader could announce (runs in the page). */
function unnamedControls(): string[] {
  const named = (el: Element): boolean => {
    const aria = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title');
    if (aria && aria.trim()) return true;
    const input = el as HTMLInputElement;
    if (input.labels && input.labels.length && [...input.labels].some((l) => l.textContent?.trim())) return true;
    if ((el.tagName === 'BUTTON' || el.getAttribute('role') === 'option' || el.getAttribute('role') === 'tab') && el.textContent?.trim()) return true;
    if (el.closest('label')?.textContent?.trim()) return true;
    return false;
  };
  const controls = document.querySelectorAll('button, input:not([type=hidden]), select, textarea, [role=option], [role=tab], [role=listbox], [role=textbox], iframe');
  return [...controls].filter((el) => !(el as HTMLElement).closest('[hidden]') && !named(el)).map((el) => el.outerHTML.slice(0, 120));
}

forEachTransport((transport) => {
describe.skipIf(!chromiumAvailable())(`[${transport}] accessible names`, () => {
  let web: AppHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ web, browser, page } = await openAppInChromium(await copySampleBlog(), 900, transport));
    await page.getByRole('option', { name: /Delve 1/ }).click();
    await page.getByRole('textbox', { name: 'Editor', exact: true }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('names the post list, the editor and the preview', async () => {
    expect(await page.getByRole('listbox', { name: 'Posts' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Editor', exact: true }).count()).toBe(1);
    expect(await page.locator('iframe[title="Preview"]').count()).toBe(1);
  });

  it.each(['Editor', 'Tags & categories', 'Images'])('every control in the %s view has a name', async (view) => {
    await page.getByRole('tab', { name: view, exact: true }).click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(unnamedControls)).toEqual([]);
  });
});
});
