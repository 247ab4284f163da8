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
import { openAppInChromium } from '../support/app-in-chromium';
import type { WebHarness } from '../support/service-harness';
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

describe.skipIf(!chromiumAvailable())('a person typing in the front-matter form', () => {
  let site: string;
  let web: WebHarness;
  let browser: Browser;
  let page: Page;
  let file: string;

  beforeAll(async () => {
    site = await copySampleBlog();
    await writePersonPost(site);
    file = path.join(site, POST);
    ({ web, browser, page } = await openAppInChromium(site));
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
});
