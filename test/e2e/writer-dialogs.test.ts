/**
 * The writer's dialogs as a person uses them, on both transports, with a real bare git remote:
 * a new post from the blog's own template, publish on a chosen (future) date, a pasted image
 * named after the post with alt text and blank lines around it, undone with Ctrl+Z (the file
 * goes, and the sync never commits it), a commit of only the ticked files, the side-by-side diff
 * and the conflict view opened at the first change and fitting the window. Screenshots of the
 * dialogs and merge views go to test-output/dialogs/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable } from '../support/chromium';
import { forEachTransport, openAppInChromium, type AppHarness } from '../support/app-in-chromium';
import { copySampleBlog } from '../contract/contract-suite';
import { checkTool } from '../support/require-tool';
import { configure, hermeticGit, sh } from '../git/git-fixture';

const SHOTS = path.resolve(__dirname, '../../test-output/dialogs');
const LONG = '_posts/2026-02-01-a-long-walk.md';
const DELVE = '_posts/2026-03-02-delve-1-first-steps.md';
const hasGit = checkTool('git').available;

/** A long post of our own words: the change and the conflict sit far below the first screen. */
function longPost(last: string): string {
  const lines = ['---', 'title: A long walk', '---'];
  for (let i = 1; i <= 90; i++) lines.push(`Stage ${i} of the walk went past field ${i} and a gate with number ${i * 7}.`, '');
  lines.push(last, '');
  return lines.join('\n');
}

function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const head = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(head));
    return Buffer.concat([len, head, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0, 200, 0]))), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = tinyPng();

/** Polls with room for a loaded machine (two cores shared by several suites): server round trips can take seconds. */
const eventually = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(fn, { timeout: 10_000, interval: 50, ...options });

forEachTransport((transport) => {
  describe.skipIf(!chromiumAvailable() || !hasGit)(`[${transport}] the writer's dialogs`, () => {
    let tmp: string;
    let site: string;
    let remote: string;
    let web: AppHarness;
    let browser: Browser;
    let page: Page;
    const dialog = (name: string) => page.getByRole('dialog', { name });
    const editor = () => page.getByRole('textbox', { name: 'Editor', exact: true });
    const shot = async (name: string) => {
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `${transport}-${name}.png`) });
    };
    /** Nothing scrolls the page itself: the view fits the window. */
    const pageFits = () => page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1 && document.documentElement.scrollWidth <= window.innerWidth + 1);

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(os.tmpdir(), 'pw-writer-'));
      hermeticGit(tmp);
      remote = path.join(tmp, 'remote.git');
      sh(tmp, 'init', '--bare', '-b', 'main', remote);
      site = await copySampleBlog();
      const config = path.join(site, '_config.yml');
      await writeFile(config, `${await readFile(config, 'utf8')}\npostwright:\n  templates: _templates\n`);
      await mkdir(path.join(site, '_templates'));
      await writeFile(path.join(site, '_templates', 'trip-report.md'), '---\nlayout: post\ntitle: A trip\ntags: [trips]\n---\n## The route\n\n## What I would do again\n');
      await writeFile(path.join(site, LONG), longPost('At the end the path turned left towards the old mill.'));
      sh(site, 'init', '-b', 'main');
      configure(site, 'Writer');
      sh(site, 'add', '-A');
      sh(site, 'commit', '-m', 'Initial blog');
      sh(site, 'remote', 'add', 'origin', remote);
      sh(site, 'push', '-u', 'origin', 'main');
      ({ web, browser, page } = await openAppInChromium(site, 800, transport));
      await page.setViewportSize({ width: 1280, height: 800 });
      page.setDefaultTimeout(15_000);
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    it('new post from the blog template: typed title, the template chosen, its body kept', async () => {
      await page.getByRole('button', { name: 'New post', exact: true }).click();
      await dialog('New post').getByRole('textbox', { name: 'Title' }).waitFor();
      await page.keyboard.type('Over the Ridge', { delay: 10 });
      const from = dialog('New post').getByRole('combobox', { name: 'Start from' });
      expect(await from.inputValue()).toBe('trip-report.md');
      expect(await from.locator('option').allInnerTexts()).toEqual(['Template: trip-report.md (A trip)', "The fields this blog's posts use"]);
      await shot('new-post-dialog');
      await page.keyboard.press('Enter');
      await eventually(async () => (await readdir(path.join(site, '_posts'))).find((f) => f.endsWith('-over-the-ridge.md')) ?? null).not.toBeNull();
      const file = (await readdir(path.join(site, '_posts'))).find((f) => f.endsWith('-over-the-ridge.md'))!;
      const text = await readFile(path.join(site, '_posts', file), 'utf8');
      expect(text).toMatch(/^---\nlayout: post\ntitle: Over the Ridge\ntags: \[trips\]\ndate: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0[12]00\n---\n## The route\n\n## What I would do again\n$/);
    });

    it('publish asks the date; a future date says Jekyll hides the post; file name and date: agree', async () => {
      await page.getByRole('button', { name: 'New draft' }).click();
      await dialog('New draft').getByRole('textbox', { name: 'Title' }).waitFor();
      await page.keyboard.type('Winter Crossing', { delay: 10 });
      await page.keyboard.press('Enter');
      await eventually(() => page.locator('.post-path').innerText()).toBe('_drafts/winter-crossing.md');

      await page.getByRole('button', { name: 'Publish…' }).click();
      const publish = dialog('Publish');
      await publish.waitFor();
      await publish.getByRole('radio', { name: 'On a date and time' }).click();
      const day = publish.getByRole('textbox', { name: /^Day/ });
      await eventually(() => day.evaluate((el) => el === document.activeElement)).toBe(true);
      // The day is selected when the field takes focus: typing replaces it; Tab moves to the time.
      await page.keyboard.type('2027-01-01', { delay: 10 });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+a');
      await page.keyboard.type('09:30', { delay: 10 });
      expect(await publish.getByRole('textbox', { name: /^Time/ }).inputValue()).toBe('09:30');
      await eventually(() => publish.innerText()).toContain('_posts/2027-01-01-winter-crossing.md');
      expect(await publish.innerText()).toContain('date: 2027-01-01 09:30:00 +0100');
      expect(await publish.getByRole('note').innerText()).toBe('This date is in the future: Jekyll hides the post until then (unless future: true is set in _config.yml).');
      await shot('publish-dialog');
      await publish.getByRole('button', { name: 'Publish', exact: true }).click();
      await eventually(() => readdir(path.join(site, '_posts'))).toContain('2027-01-01-winter-crossing.md');
      await eventually(() => readdir(path.join(site, '_drafts'))).not.toContain('winter-crossing.md');
      expect(await readFile(path.join(site, '_posts/2027-01-01-winter-crossing.md'), 'utf8')).toMatch(/\ndate: 2027-01-01 09:30:00 \+0100\n---\n/);
    });

    it('a pasted image is named after the post, asks alt text, stands in blank lines; Ctrl+Z removes the file', async () => {
      await page.getByRole('option', { name: /Delve 1/ }).click();
      await eventually(() => editor().innerText()).toContain('The first walk of the year');
      // Click at the end of the first body line, as a person places the caret, then paste.
      await editor().locator('.cm-line').first().click();
      await page.keyboard.press('End');
      const before = await editor().innerText();
      await editor().evaluate((el, b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      }, PNG.toString('base64'));
      const alt = dialog('Describe the image');
      await alt.getByRole('textbox', { name: 'Alt text' }).waitFor();
      expect(await alt.getByRole('img').getAttribute('alt')).toBe('Preview of image.png');
      await page.keyboard.type('A green test pixel', { delay: 10 });
      await shot('alt-text-dialog');
      await page.keyboard.press('Enter');
      const file = path.join(site, 'assets/images/delve-1-first-steps-1.png');
      await eventually(() => readFile(file).catch(() => null)).toEqual(PNG);
      await eventually(() => editor().innerText()).toContain('![A green test pixel](/assets/images/delve-1-first-steps-1.png)');
      await page.keyboard.press('Control+s');
      await eventually(() => readFile(path.join(site, DELVE), 'utf8')).toContain('![A green test pixel]');
      const saved = await readFile(path.join(site, DELVE), 'utf8');
      expect(saved).toMatch(/\S\n\n!\[A green test pixel\]\(\/assets\/images\/delve-1-first-steps-1\.png\)\n\n\S/);
      expect(await readdir(path.join(site, 'assets/images/banners'))).toEqual(['hills.svg', 'lake.svg']);

      await editor().click();
      await page.keyboard.press('Control+z');
      await eventually(() => readdir(path.join(site, 'assets/images'))).not.toContain('delve-1-first-steps-1.png');
      expect(await editor().innerText()).toBe(before);
      await page.keyboard.press('Control+s');
      await eventually(() => readFile(path.join(site, DELVE), 'utf8')).not.toContain('green test pixel');
    });

    it('the commit dialog lists the changed files with checkboxes; only the ticked ones reach the remote', async () => {
      const long = path.join(site, LONG);
      await page.getByRole('option', { name: /A long walk/ }).click();
      await eventually(() => editor().innerText()).toContain('Stage 1 of the walk');
      // To the last line (after the final newline), then up to the end of the sentence about the mill.
      await editor().locator('.cm-line').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('End');
      await page.keyboard.type(' A heron stood in the reeds.', { delay: 5 });
      await page.keyboard.press('Control+s');
      await eventually(() => readFile(long, 'utf8')).toContain('A heron stood in the reeds.');

      await page.getByRole('button', { name: 'Sync', exact: true }).click();
      const sync = dialog('Sync');
      const list = sync.getByRole('list', { name: 'Changed files' });
      await list.waitFor();
      const template = (await readdir(path.join(site, '_posts'))).find((f) => f.endsWith('-over-the-ridge.md'))!;
      const rows = async () => (await list.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
      await eventually(rows).toEqual(['changed', LONG, 'new', `_posts/${template}`, 'new', '_posts/2027-01-01-winter-crossing.md']);
      expect(await list.locator('input[type=checkbox]:checked').count()).toBe(3);
      expect(await list.innerText()).not.toContain('delve-1-first-steps-1.png');
      expect(await list.innerText()).not.toContain(DELVE);
      await shot('commit-dialog');
      // Leave the template post out of this commit.
      await list.getByRole('checkbox', { name: new RegExp(template) }).click();
      const message = sync.getByRole('textbox', { name: 'Commit message' });
      await eventually(() => sync.innerText()).toContain('2 of 3 changed files');
      await message.click();
      await page.keyboard.press('Control+a');
      await page.keyboard.type('Publish the winter crossing, extend the long walk', { delay: 5 });
      await page.keyboard.press('Enter');
      await eventually(() => sh(remote, 'log', '-1', '--format=%s', 'main'), { timeout: 20_000 }).toBe('Publish the winter crossing, extend the long walk');
      expect(sh(remote, 'show', '--name-only', '--format=', 'main').split('\n').sort()).toEqual([LONG, '_posts/2027-01-01-winter-crossing.md']);
      expect(sh(remote, 'ls-tree', '-r', '--name-only', 'main')).not.toContain('delve-1-first-steps-1.png');
      expect(sh(site, 'status', '--porcelain')).toBe(`?? _posts/${template}`);
    });

    it('the diff is side by side, opened at the first change, with word highlights, fitting the window', async () => {
      const long = path.join(site, LONG);
      await editor().locator('.cm-line').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('End');
      await page.keyboard.type(' It flew off.', { delay: 5 });
      await page.keyboard.press('Control+s');
      await eventually(() => readFile(long, 'utf8')).toContain('It flew off.');
      await page.getByRole('button', { name: 'Diff', exact: true }).click();
      const view = page.getByRole('dialog', { name: `Changes in ${LONG} since the last commit` });
      await view.waitFor();
      const changed = view.locator('.cm-merge-b .cm-changedText');
      await eventually(() => changed.count()).toBeGreaterThan(0);
      expect(await changed.first().innerText()).toContain('It flew off.');
      // The first change is inside the visible part of the merge view, and the header stays on screen.
      const box = await view.locator('.cm-merge-b .cm-changedLine').first().boundingBox();
      const pane = await view.locator('.cm-mergeView').boundingBox();
      expect(box && pane && box.y >= pane.y && box.y + box.height <= pane.y + pane.height).toBe(true);
      const head = await view.getByRole('button', { name: 'Close' }).boundingBox();
      expect(head && head.y >= 0 && head.y < 60).toBe(true);
      expect(await pageFits()).toBe(true);
      await shot('diff-view');
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot('diff-view-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.keyboard.press('Escape');
      await eventually(() => view.count()).toBe(0);
    });

    it('a conflict opens side by side at the first conflict, fits the window, and resolves with Keep mine', async () => {
      // A co-author changes the same last line and pushes first.
      const other = path.join(tmp, `other-${transport}`);
      sh(tmp, 'clone', '-q', remote, other);
      configure(other, 'CoAuthor');
      await writeFile(path.join(other, LONG), (await readFile(path.join(other, LONG), 'utf8')).replace('towards the old mill.', 'towards the river.'));
      sh(other, 'commit', '-qam', 'River, not mill');
      sh(other, 'push', '-q', 'origin', 'main');

      await page.getByRole('button', { name: 'Sync', exact: true }).click();
      const sync = dialog('Sync');
      await sync.getByRole('list', { name: 'Changed files' }).waitFor();
      const template = (await readdir(path.join(site, '_posts'))).find((f) => f.endsWith('-over-the-ridge.md'))!;
      await sync.getByRole('checkbox', { name: new RegExp(template) }).click();
      await eventually(() => sync.getByRole('textbox', { name: 'Commit message' }).inputValue()).toBe('Update post: A long walk');
      await page.keyboard.press('Enter');
      const panel = page.getByRole('region', { name: 'Sync conflicts' });
      await panel.waitFor({ timeout: 20_000 });
      await eventually(() => panel.locator('.cm-mergeView .cm-changedText').count()).toBeGreaterThan(0);
      await eventually(() => panel.getByRole('textbox', { name: 'Merged text' }).innerText()).toContain('<<<<<<<');
      // Both the side-by-side view and the merged text show the conflict without scrolling.
      await eventually(async () => {
        const line = await panel.locator('.cm-merge-a .cm-changedLine').first().boundingBox();
        const pane = await panel.locator('.cm-mergeView').boundingBox();
        return !!line && !!pane && line.y >= pane.y && line.y + line.height <= pane.y + pane.height;
      }).toBe(true);
      await eventually(async () => {
        const marker = await panel.locator('.cm-conflict-marker').first().boundingBox();
        const host = await panel.locator('.merged-host').boundingBox();
        return !!marker && !!host && marker.y >= host.y && marker.y + marker.height <= host.y + host.height;
      }).toBe(true);
      const head = await panel.getByRole('button', { name: 'Abort sync' }).boundingBox();
      expect(head && head.y >= 0 && head.y < 60).toBe(true);
      expect(await pageFits()).toBe(true);
      await shot('conflict-view');
      // A small window: still no page scroll, the header and both panes still there.
      await page.setViewportSize({ width: 900, height: 700 });
      await eventually(pageFits).toBe(true);
      const small = await panel.getByRole('button', { name: 'Continue sync' }).boundingBox();
      expect(small && small.y >= 0 && small.y + small.height <= 700).toBe(true);
      expect(await panel.getByRole('button', { name: 'Use this text' }).boundingBox().then((b) => !!b && b.y + b.height <= 700)).toBe(true);
      await shot('conflict-view-900');
      await page.setViewportSize({ width: 1280, height: 800 });

      await panel.getByRole('button', { name: 'Keep mine' }).click();
      await eventually(() => panel.getByRole('button', { name: 'Continue sync' }).isEnabled()).toBe(true);
      await panel.getByRole('button', { name: 'Continue sync' }).click();
      await eventually(() => sh(remote, 'show', `main:${LONG}`), { timeout: 20_000 }).toContain('old mill. A heron stood in the reeds. It flew off.');
      expect(sh(remote, 'log', '--format=%s', '-3', 'main').split('\n')).toEqual(['Update post: A long walk', 'River, not mill', 'Publish the winter crossing, extend the long walk']);
      await eventually(() => sh(site, 'status', '--porcelain')).toBe(`?? _posts/${template}`);
    });
  });
});
