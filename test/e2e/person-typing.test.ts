/**
 * The "person" suite: click inside existing text in every kind of form field and type at 100 ms
 * and at 10 ms per key, while the file is read every 50 ms. Every state on disk must be one the
 * user typed (the text before with a prefix of the typed keys at the caret) and readable; after
 * autosave the file is exactly the text before with the keys inserted, and the field shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';
import { caretAt, expectOnlyTyped, expectSaved, insertAt, openPersonPost, POST, typedStates, watchFile, writePersonPost } from './person-support';

interface TextCase {
  name: string;
  field(page: Page): Locator;
  /** Text found once in the file and in the field; the caret goes `after` characters past its start. */
  anchor: string;
  after: number;
  typed: string;
  delay: number;
  multiLine?: boolean;
}

const title = (p: Page) => p.getByRole('form', { name: 'Front matter form' }).getByRole('textbox', { name: 'Title', exact: true });
const description = (p: Page) => p.getByRole('form', { name: 'Front matter form' }).getByRole('textbox', { name: 'Description', exact: true });
const rating = (p: Page) => p.getByRole('form', { name: 'Front matter form' }).getByRole('textbox', { name: 'Rating', exact: true });
const image = (p: Page) => p.getByRole('form', { name: 'Front matter form' }).getByRole('textbox', { name: 'Image', exact: true });
const caption = (p: Page) => p.getByRole('form', { name: 'Front matter form' }).getByRole('textbox', { name: 'Caption', exact: true });
const matrix = (p: Page) => p.getByRole('form', { name: 'Front matter form' }).getByRole('textbox', { name: 'Matrix', exact: true });

const CASES: TextCase[] = [
  { name: 'text (title with a colon), 100 ms', field: title, anchor: 'WSL2: Fixing', after: 5, typed: 'ab', delay: 100 },
  { name: 'text (title with a colon), 10 ms', field: title, anchor: 'Networking Layer', after: 10, typed: ' Quick', delay: 10 },
  { name: 'long text (description), 100 ms', field: description, anchor: 'the bridge, the', after: 10, typed: ' deck', delay: 100, multiLine: true },
  { name: 'long text (description), 10 ms', field: description, anchor: 'what broke after', after: 10, typed: 'quietly ', delay: 10, multiLine: true },
  { name: 'number, 100 ms', field: rating, anchor: '42', after: 1, typed: '7', delay: 100 },
  { name: 'number, 10 ms', field: rating, anchor: '472', after: 3, typed: '15', delay: 10 },
  { name: 'image path in a nested group, 100 ms', field: image, anchor: 'lake.svg', after: 4, typed: '-2', delay: 100 },
  { name: 'image path in a nested group, 10 ms', field: image, anchor: 'banners/lake', after: 7, typed: '-wide', delay: 10 },
  { name: 'text in a nested group, 100 ms', field: caption, anchor: 'Morning over', after: 7, typed: ' mist', delay: 100 },
  { name: 'text in a nested group, 10 ms', field: caption, anchor: 'the lake', after: 8, typed: ' shore', delay: 10 },
  { name: 'raw YAML value, 100 ms', field: matrix, anchor: '[3, 4]]', after: 5, typed: ', 5', delay: 100 },
  { name: 'raw YAML value, 10 ms', field: matrix, anchor: '[[1, 2]', after: 6, typed: ', 9', delay: 10 },
];

forEachTransport((transport) => {
describe.skipIf(!chromiumAvailable())(`[${transport}] a person typing in the front-matter form`, () => {
  let site: string;
  let web: AppHarness;
  let browser: Browser;
  let page: Page;
  let file: string;

  beforeAll(async () => {
    site = await copySampleBlog();
    await writePersonPost(site);
    file = path.join(site, POST);
    ({ web, browser, page } = await openAppInChromium(site, 900, transport));
    await openPersonPost(page);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const c of CASES) {
    it(`keeps every key where it was typed: ${c.name}`, async () => {
      const before = await readFile(file, 'utf8');
      const field = c.field(page);
      const shown = await field.inputValue();
      expect(shown).toContain(c.anchor);
      const at = before.indexOf(c.anchor) + c.after;
      expect(before.indexOf(c.anchor, at - c.after + 1), 'anchor must be unique in the file').toBe(-1);
      const watch = watchFile(file);
      await caretAt(page, field, shown.indexOf(c.anchor) + c.after, c.multiLine);
      await page.keyboard.type(c.typed, { delay: c.delay });
      const expected = insertAt(before, at, c.typed);
      await expectSaved(page, file, expected);
      expectOnlyTyped(await watch.stop(), typedStates(before, at, c.typed));
      await expect.poll(() => field.inputValue()).toBe(insertAt(shown, shown.indexOf(c.anchor) + c.after, c.typed));
      // The line that changed is the field's own.
      const changed = expected.split('\n').filter((l, i) => l !== before.split('\n')[i]);
      expect(changed).toHaveLength(1);
    });
  }

  it('date-time as text: a half-typed date never reaches the disk; the whole one does, as typed', async () => {
    const before = await readFile(file, 'utf8');
    const date = page.getByRole('form', { name: 'Front matter form' }).getByRole('textbox', { name: 'Date', exact: true });
    expect(await date.inputValue()).toBe('2026-01-15 08:20:00 +0530');
    const watch = watchFile(file);
    // Select the time (8 characters after "2026-01-15 ") and type a new one over it.
    await caretAt(page, date, 11);
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('17:45:30', { delay: 100 });
    const expected = before.replace('date: 2026-01-15 08:20:00 +0530', 'date: 2026-01-15 17:45:30 +0530');
    await expectSaved(page, file, expected);
    expectOnlyTyped(await watch.stop(), [before, expected]);
    expect(await date.inputValue()).toBe('2026-01-15 17:45:30 +0530');
    // While the text is no date, the field says so and nothing is written.
    await caretAt(page, date, 25);
    await page.keyboard.type('x', { delay: 10 });
    await expect.poll(() => page.getByText(/Not a complete date yet/).count()).toBe(1);
    await page.waitForTimeout(2000);
    expect(await readFile(file, 'utf8')).toBe(expected);
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByText(/Not a complete date yet/).count()).toBe(0);
  });

  for (const delay of [100, 10]) {
    it(`date-time picker: typing 12 01 2026 gives that date in the file's own format (${delay} ms)`, async () => {
      const before = await readFile(file, 'utf8');
      const line = /^date: (.*)$/m.exec(before)![0];
      const time = / (\d\d:\d\d:\d\d \+0530)$/.exec(line)![1];
      const picker = page.getByLabel('Date picker', { exact: true });
      const watch = watchFile(file);
      // Click on the first part of the picker and type the parts in the order the page's locale
      // shows them (en-US: month, day, year).
      const order = await page.evaluate(() => new Intl.DateTimeFormat().formatToParts(new Date()).map((p) => p.type).filter((t) => t === 'month' || t === 'day' || t === 'year'));
      const parts: Record<string, string> = delay === 100 ? { month: '12', day: '01', year: '2026' } : { month: '03', day: '09', year: '2027' };
      const box = (await picker.boundingBox())!;
      await picker.click({ position: { x: 10, y: box.height / 2 } });
      await page.keyboard.type(order.map((t) => parts[t]).join(''), { delay });
      await page.keyboard.press('Tab');
      const expected = before.replace(line, delay === 100 ? `date: 2026-12-01 ${time}` : `date: 2027-03-09 ${time}`);
      await expectSaved(page, file, expected);
      expectOnlyTyped(await watch.stop(), [before, expected]);
      await expect.poll(() => page.getByRole('textbox', { name: 'Date', exact: true }).inputValue()).toBe(expected.match(/^date: (.*)$/m)![1]);
    });
  }

  for (const [label, key, delay] of [['Tags', 'tags', 100], ['Aliases', 'aliases', 10]] as const) {
    it(`chips (${key}, ${delay} ms): a name typed with a correction mid-word is added whole`, async () => {
      const before = await readFile(file, 'utf8');
      const line = new RegExp(`^${key}: \\[(.*)\\]$`, 'm').exec(before)!;
      const add = page.getByRole('combobox', { name: `Add to ${label}` });
      const watch = watchFile(file);
      await add.click();
      await page.keyboard.type('alpne', { delay });
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('i', { delay });
      expect(await add.inputValue()).toBe('alpine');
      await page.keyboard.press('Enter');
      const expected = before.replace(line[0], `${key}: [${line[1]}, alpine]`);
      await expectSaved(page, file, expected);
      expectOnlyTyped(await watch.stop(), [before, expected]);
      await expect.poll(() => page.getByRole('group', { name: label }).getByRole('button', { name: 'Remove alpine' }).count()).toBe(1);
    });
  }

  it('IME: nothing is written mid-composition; the committed text lands at the caret', async () => {
    const cdp = await page.context().newCDPSession(page);
    const before = await readFile(file, 'utf8');
    const field = title(page);
    const shown = await field.inputValue();
    const anchor = 'Running Docker';
    const at = before.indexOf(anchor) + 7;
    const watch = watchFile(file);
    await caretAt(page, field, shown.indexOf(anchor) + 7);
    await cdp.send('Input.imeSetComposition', { text: 'に', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
    // Longer than the autosave delay: a write mid-composition would show up on disk now.
    await page.waitForTimeout(2200);
    expect(await readFile(file, 'utf8')).toBe(before);
    await cdp.send('Input.insertText', { text: '日本' });
    const expected = insertAt(before, at, '日本');
    await expectSaved(page, file, expected);
    expectOnlyTyped(await watch.stop(), [before, expected]);
    expect(await field.inputValue()).toBe(insertAt(shown, shown.indexOf(anchor) + 7, '日本'));
    await page.screenshot({ path: `/tmp/person-typing-form-${transport}.png` });
  });
});
});
