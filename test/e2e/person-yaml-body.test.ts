/**
 * The "person" suite, part two: the YAML tab and the body editor. Click inside existing text and
 * type at 100 ms and 10 ms per key while the file is read every 50 ms; nothing the user did not
 * type reaches the disk, never unreadable YAML or a key twice. Ctrl+S pressed while typing and
 * autosave never have two saves of the post in flight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness, itOn } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';
import { caretAt, expectOnlyTyped, expectSaved, insertAt, openPersonPost, POST, typedStates, watchFile, writePersonPost } from './person-support';

const FENCE = '---\n';

forEachTransport((transport) => {
describe.skipIf(!chromiumAvailable())(`[${transport}] a person typing in the YAML tab and the body`, () => {
  let site: string;
  let web: AppHarness;
  let browser: Browser;
  let page: Page;
  let file: string;
  /** Save requests over HTTP in flight at once, at most (web mode; the desktop app uses IPC). */
  let inFlight = 0;
  let maxInFlight = 0;
  let saveRequests = 0;

  beforeAll(async () => {
    site = await copySampleBlog();
    await writePersonPost(site);
    file = path.join(site, POST);
    ({ web, browser, page } = await openAppInChromium(site, 900, transport));
    const isSave = (url: string) => url.includes('/api/call/savePost');
    page.on('request', (r) => isSave(r.url()) && (saveRequests++, (maxInFlight = Math.max(maxInFlight, ++inFlight))));
    page.on('requestfinished', (r) => isSave(r.url()) && inFlight--);
    page.on('requestfailed', (r) => isSave(r.url()) && inFlight--);
    await openPersonPost(page);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const yamlTab = () => page.getByRole('textbox', { name: 'Front matter', exact: true });
  const openYamlTab = async () => {
    await page.getByRole('tab', { name: 'YAML' }).click();
    await yamlTab().waitFor();
  };

  for (const [anchor, after, typed, delay] of [
    ['Docker on WSL2', 6, ' fast', 10],
    ['layout: post', 12, 'ish', 100],
    ['rating: 42', 10, '0', 10],
  ] as const) {
    it(`YAML tab keeps every key where it was typed (${delay} ms, "${typed}")`, async () => {
      await openYamlTab();
      const before = await readFile(file, 'utf8');
      const at = before.indexOf(anchor) + after;
      const watch = watchFile(file);
      await caretAt(page, yamlTab(), at - FENCE.length, true);
      await page.keyboard.type(typed, { delay });
      const expected = insertAt(before, at, typed);
      await expectSaved(page, file, expected);
      expectOnlyTyped(await watch.stop(), typedStates(before, at, typed));
      expect(await yamlTab().inputValue()).toBe(expected.slice(FENCE.length, expected.indexOf('\n---\n') + 1));
    });
  }

  it('YAML tab: a key typed twice or text that is no YAML stays in the tab, is shown with its line, and is never saved', async () => {
    await openYamlTab();
    const before = await readFile(file, 'utf8');
    const watch = watchFile(file);
    // At the end of the first line ("layout: postish"), a new line with a second title.
    await caretAt(page, yamlTab(), 0, true);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('title: Copy', { delay: 100 });
    const alert = page.locator('#fm-yaml-problem');
    await expect.poll(() => alert.innerText()).toMatch(/line 3, column 1: the key “title” appears twice/);
    await page.waitForTimeout(2000);
    expect(await readFile(file, 'utf8')).toBe(before);
    await page.screenshot({ path: `/tmp/person-yaml-tab-${transport}.png` });
    // Save by hand says why it does not save.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.statusbar .message').innerText()).toMatch(/Not saved: Front matter line 3, column 1: the key “title” appears twice/);
    expect(await readFile(file, 'utf8')).toBe(before);
    // Unreadable YAML: an unclosed flow list, typed over the second line.
    await caretAt(page, yamlTab(), 0, true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('extra: [a, b', { delay: 10 });
    await expect.poll(() => alert.innerText()).toMatch(/Front matter line \d+, column \d+/);
    await page.waitForTimeout(2000);
    expect(await readFile(file, 'utf8')).toBe(before);
    // Take the line out again: the text is the saved one and nothing was written meanwhile.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => alert.count()).toBe(0);
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Saved');
    expectOnlyTyped(await watch.stop(), [before]);
  });

  for (const [anchor, after, typed, delay] of [
    ['The bridge came back', 10, ' finally', 100],
    ['Everything under the hood', 10, ' quickly and quietly', 10],
  ] as const) {
    it(`the body keeps every key where it was typed (${delay} ms), Ctrl+S while typing`, async () => {
      await page.getByRole('tab', { name: 'Form' }).click();
      const before = await readFile(file, 'utf8');
      const at = before.indexOf(anchor) + after;
      const bodyStart = before.indexOf('\n---\n') + 5;
      const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
      const watch = watchFile(file);
      await caretAt(page, editor, at - bodyStart, true);
      const half = Math.ceil(typed.length / 2);
      await page.keyboard.type(typed.slice(0, half), { delay });
      await page.keyboard.press('Control+s');
      await page.keyboard.type(typed.slice(half), { delay });
      await page.keyboard.press('Control+s');
      const expected = insertAt(before, at, typed);
      await expectSaved(page, file, expected);
      expectOnlyTyped(await watch.stop(), typedStates(before, at, typed));
      await expect.poll(() => editor.innerText()).toContain(`${anchor.slice(0, after)}${typed}${anchor.slice(after)}`);
      expect(await page.locator('.bar.conflict').count()).toBe(0);
    });
  }

  for (const where of ['YAML tab', 'body'] as const) {
    it(`IME in the ${where}: nothing is written mid-composition; the committed text lands at the caret`, async () => {
      const cdp = await page.context().newCDPSession(page);
      const before = await readFile(file, 'utf8');
      const bodyStart = before.indexOf('\n---\n') + 5;
      let at: number;
      if (where === 'YAML tab') {
        await openYamlTab();
        at = before.indexOf('caption: Morning') + 9;
        await caretAt(page, yamlTab(), at - FENCE.length, true);
      } else {
        await page.getByRole('tab', { name: 'Form' }).click();
        at = before.indexOf('## What changed') + 3;
        await caretAt(page, page.getByRole('textbox', { name: 'Editor', exact: true }), at - bodyStart, true);
      }
      const watch = watchFile(file);
      await cdp.send('Input.imeSetComposition', { text: 'あ', selectionStart: 1, selectionEnd: 1 });
      await cdp.send('Input.imeSetComposition', { text: 'あさ', selectionStart: 2, selectionEnd: 2 });
      await page.waitForTimeout(2200);
      expect(await readFile(file, 'utf8')).toBe(before);
      await cdp.send('Input.insertText', { text: '朝' });
      const expected = insertAt(before, at, '朝');
      await expectSaved(page, file, expected);
      expectOnlyTyped(await watch.stop(), [before, expected]);
      await cdp.detach();
    });
  }

  itOn(transport, 'web')('autosave then Ctrl+S while it is still on its way: the second waits and saves from the first one\'s version', async () => {
    // Each save is held 800 ms on its way, so the two would overlap if the client let them.
    await page.route('**/api/call/savePost', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    try {
      await page.getByRole('tab', { name: 'Form' }).click();
      const before = await readFile(file, 'utf8');
      const at = before.indexOf('moved a little') + 14;
      const bodyStart = before.indexOf('\n---\n') + 5;
      const editor = page.getByRole('textbox', { name: 'Editor', exact: true });
      const watch = watchFile(file);
      await caretAt(page, editor, at - bodyStart, true);
      const sent = saveRequests;
      await page.keyboard.type(' Then', { delay: 30 });
      // Autosave starts 1.5 s after the last key and is held; type more and press Ctrl+S meanwhile.
      await expect.poll(() => saveRequests, { timeout: 5000, interval: 20 }).toBeGreaterThan(sent);
      await page.keyboard.type(' it held.', { delay: 30 });
      await page.keyboard.press('Control+s');
      const expected = insertAt(before, at, ' Then it held.');
      await expectSaved(page, file, expected);
      expectOnlyTyped(await watch.stop(), [before, insertAt(before, at, ' Then'), expected]);
      expect(await page.locator('.bar.conflict').count()).toBe(0);
      expect(saveRequests - sent).toBe(2);
    } finally {
      await page.unroute('**/api/call/savePost');
    }
  });

  it('never had two saves of the post in flight', () => {
    if (transport === 'web') expect(saveRequests).toBeGreaterThan(3);
    expect(maxInFlight).toBeLessThanOrEqual(1);
  });
});
});
